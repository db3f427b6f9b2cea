package org.captionstudio.vision.video;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a video may ask for before it is refused or cut short.
 *
 * @param maxPixels the most pixels a frame may have; larger videos are refused
 * @param maxFrameSide sampled frames are scaled down (keeping their shape) so that neither side is
 *     longer; the CNN needs far less, and this bounds the memory of many frames
 * @param maxDurationSeconds the longest duration a file may declare
 * @param maxFolderFrames the most images a frame folder may hold
 * @param timeLimit how long one call may read a file in all
 * @param stallTimeout how long reading may go on without yielding a frame
 */
public record VideoLimits(
    long maxPixels,
    int maxFrameSide,
    double maxDurationSeconds,
    int maxFolderFrames,
    Duration timeLimit,
    Duration stallTimeout) {
  public VideoLimits {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
    }
    if (maxFrameSide < 16) {
      throw new IllegalArgumentException("maxFrameSide must be >= 16, got " + maxFrameSide);
    }
    if (!(maxDurationSeconds > 0)) {
      throw new IllegalArgumentException(
          "maxDurationSeconds must be > 0, got " + maxDurationSeconds);
    }
    if (maxFolderFrames < 1) {
      throw new IllegalArgumentException("maxFolderFrames must be >= 1, got " + maxFolderFrames);
    }
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be > 0, got " + timeLimit);
    }
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be > 0, got " + stallTimeout);
    }
  }

  /** The defaults. */
  public static VideoLimits defaults() {
    return new VideoLimits(
        40_000_000L, // 40 megapixels: 8K UHD (33 MP) passes
        1920, // frames of 4K and larger videos come out at 1920 on their long side
        24 * 3600.0, // a day of video
        100_000, // a frame folder of about an hour at 25 fps
        Duration.ofMinutes(30), // a two-hour 1080p film scans in well under this on two cores
        Duration.ofSeconds(30)); // no frame for 30 s: the file is hostile or the disk stalled
  }

  /** A copy with another time limit. */
  public VideoLimits withTimeLimit(Duration newTimeLimit) {
    return new VideoLimits(
        maxPixels, maxFrameSide, maxDurationSeconds, maxFolderFrames, newTimeLimit, stallTimeout);
  }

  /** A copy with another stall timeout. */
  public VideoLimits withStallTimeout(Duration newStallTimeout) {
    return new VideoLimits(
        maxPixels, maxFrameSide, maxDurationSeconds, maxFolderFrames, timeLimit, newStallTimeout);
  }
}
