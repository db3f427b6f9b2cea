package org.captionstudio.vision.video;

import java.util.List;
import java.util.Objects;
import org.captionstudio.core.video.TimeRange;

/**
 * The frames taken from one segment of a clip, in time order. A segment in a damaged or missing
 * part of the file has fewer frames than asked for, or none.
 *
 * @param range the segment
 * @param frames its frames; the same frame appears twice when the segment is shorter than the
 *     frames asked for
 */
public record SampledSegment(TimeRange range, List<SampledFrame> frames) {
  public SampledSegment {
    Objects.requireNonNull(range, "range");
    frames = List.copyOf(frames);
  }
}
