package org.captionstudio.core.video;

import java.util.Locale;

/** Times in seconds written for people (messages) and for subtitle files. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Seconds rounded to the nearest millisecond, as subtitle files store them.
   *
   * @throws IllegalArgumentException for a negative or non-finite time
   */
  public static long millis(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
    }
    return Math.round(seconds * 1000);
  }

  /** {@code m:ss} below an hour, {@code h:mm:ss} from there, whole seconds: for messages. */
  public static String clock(double seconds) {
    long whole = (long) Math.floor(Math.max(0, seconds));
    long h = whole / 3600;
    long m = whole / 60 % 60;
    long s = whole % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Like {@link #clock} with milliseconds: {@code 1:02.345}. */
  public static String clockMillis(double seconds) {
    long ms = millis(Math.max(0, seconds));
    String clock = clock(ms / 1000);
    return String.format(Locale.ROOT, "%s.%03d", clock, ms % 1000);
  }

  /** {@code HH:MM:SS,mmm}, the SRT form; hours take more digits past 99. */
  public static String srt(long millis) {
    return hms(millis, ',');
  }

  /** {@code HH:MM:SS.mmm}, the WebVTT form; hours take more digits past 99. */
  public static String webVtt(long millis) {
    return hms(millis, '.');
  }

  private static String hms(long millis, char separator) {
    if (millis < 0) {
      throw new IllegalArgumentException("millis must be >= 0, got " + millis);
    }
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d%c%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        separator,
        millis % 1000);
  }
}
