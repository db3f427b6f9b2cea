package org.captionstudio.vision.video;

import java.util.List;
import java.util.Objects;

/**
 * Frames sampled from a clip, per segment (one segment spanning the clip for uniform sampling).
 *
 * @param info what the clip is
 * @param segments the segments asked for, in the order asked
 * @param warnings plain sentences about damage or missing frames; empty for a clean decode
 */
public record SampledClip(VideoInfo info, List<SampledSegment> segments, List<String> warnings) {
  public SampledClip {
    Objects.requireNonNull(info, "info");
    segments = List.copyOf(segments);
    warnings = List.copyOf(warnings);
  }

  /** Every frame of every segment, in segment order. */
  public List<SampledFrame> frames() {
    return segments.stream().flatMap(s -> s.frames().stream()).toList();
  }

  /** Whether every frame asked for was decoded from an undamaged file. */
  public boolean isClean() {
    return warnings.isEmpty();
  }
}
