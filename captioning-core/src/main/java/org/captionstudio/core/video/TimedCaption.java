package org.captionstudio.core.video;

import java.util.Objects;

/**
 * A caption for one stretch of a clip.
 *
 * @param range when it applies
 * @param text the caption; not blank
 */
public record TimedCaption(TimeRange range, String text) {
  public TimedCaption {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank, got '" + text + "'");
    }
  }

  /** A caption for {@code [start, end)} seconds. */
  public TimedCaption(double start, double end, String text) {
    this(new TimeRange(start, end), text);
  }

  public double start() {
    return range.start();
  }

  public double end() {
    return range.end();
  }
}
