package org.captionstudio.vision.video;

import java.util.List;
import java.util.Objects;
import org.captionstudio.core.video.Segments;
import org.captionstudio.core.video.TimeRange;

/**
 * Where a clip cuts from one shot to the next.
 *
 * @param info what the clip is
 * @param cuts the times (seconds, ascending) where a new shot begins: the first sampled frame of
 *     the new shot, so within one sampling interval after the true cut
 * @param warnings plain sentences about damage; empty for a clean decode
 */
public record ShotBoundaries(VideoInfo info, List<Double> cuts, List<String> warnings) {
  public ShotBoundaries {
    Objects.requireNonNull(info, "info");
    cuts = List.copyOf(cuts);
    warnings = List.copyOf(warnings);
  }

  /** The shots, covering the clip from 0 to its duration. */
  public List<TimeRange> shots() {
    return Segments.fromCuts(info.duration(), cuts, 0);
  }

  /** The shots, each longer than {@code maxSeconds} split into equal parts no longer than that. */
  public List<TimeRange> segments(double maxSeconds) {
    return Segments.splitLongerThan(shots(), maxSeconds);
  }
}
