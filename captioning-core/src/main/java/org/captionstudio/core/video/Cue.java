package org.captionstudio.core.video;

import java.util.Objects;

/**
 * One subtitle cue as the files hold it: whole milliseconds and text made safe for every format
 * ({@link Subtitles#cueText}).
 *
 * @param startMillis where it begins, >= 0
 * @param endMillis where it stops, > {@code startMillis}
 * @param text one or more non-blank lines, none holding {@code -->}
 */
public record Cue(long startMillis, long endMillis, String text) {
  public Cue {
    if (startMillis < 0) {
      throw new IllegalArgumentException("startMillis must be >= 0, got " + startMillis);
    }
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "endMillis must be > startMillis (" + startMillis + "), got " + endMillis);
    }
    Objects.requireNonNull(text, "text");
  }
}
