package org.captionstudio.core.video;

/**
 * A stretch of a clip, {@code [start, end)} in seconds from the clip's first frame.
 *
 * @param start where it begins; finite and >= 0
 * @param end where it stops (exclusive); finite and > {@code start}
 */
public record TimeRange(double start, double end) {
  public TimeRange {
    if (!Double.isFinite(start) || start < 0) {
      throw new IllegalArgumentException("start must be finite and >= 0, got " + start);
    }
    if (!Double.isFinite(end) || end <= start) {
      throw new IllegalArgumentException(
          "end must be finite and > start (" + start + "), got " + end);
    }
  }

  /** The length in seconds. */
  public double duration() {
    return end - start;
  }

  /** This range cut off at {@code limit}, or null when nothing of it lies before {@code limit}. */
  public TimeRange clippedTo(double limit) {
    return limit <= start ? null : new TimeRange(start, Math.min(end, limit));
  }

  @Override
  public String toString() {
    return Timestamps.clock(start) + "–" + Timestamps.clock(end);
  }
}
