package org.captionstudio.vision.weights;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts for a download.
 *
 * @param connectTimeout how long to wait for the server to accept the connection
 * @param stallTimeout how long the server may send nothing before the download is abandoned
 */
public record DownloadSettings(Duration connectTimeout, Duration stallTimeout) {
  public DownloadSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
    }
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be > 0, got " + stallTimeout);
    }
  }

  /** 15 s to connect, 60 s without data. */
  public static DownloadSettings defaults() {
    return new DownloadSettings(Duration.ofSeconds(15), Duration.ofSeconds(60));
  }
}
