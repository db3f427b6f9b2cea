package org.captionstudio.core.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Cutting a clip into segments (fixed windows, or shots between cut times) and joining captioned
 * segments back where neighbours say the same thing. Every list of segments returned covers {@code
 * [0, duration)} without gaps or overlaps, in order.
 */
public final class Segments {
  /**
   * Neighbours closer than this (seconds) count as touching: one millisecond, the subtitle unit.
   */
  static final double TOUCHING = 0.001;

  private Segments() {}

  /**
   * Windows of {@code windowSeconds} from the start; the last one ends with the clip. A last window
   * shorter than half a window is joined to the one before, so no segment is a sliver.
   */
  public static List<TimeRange> fixedWindows(double duration, double windowSeconds) {
    requirePositive("duration", duration);
    requirePositive("windowSeconds", windowSeconds);
    long count = Math.max(1, (long) Math.ceil(duration / windowSeconds - 1e-9));
    if (count > 1 && duration - (count - 1) * windowSeconds < windowSeconds / 2) {
      count--;
    }
    if (count > 10_000_000) {
      throw new IllegalArgumentException(
          "windowSeconds " + windowSeconds + " cuts " + duration + " s into too many windows");
    }
    List<TimeRange> windows = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      windows.add(
          new TimeRange(k * windowSeconds, k == count - 1 ? duration : (k + 1) * windowSeconds));
    }
    return windows;
  }

  /**
   * The shots between cut times. Cuts outside {@code (0, duration)} are ignored, and a cut closer
   * than {@code minSeconds} to the boundary before it or to the end is dropped, so no shot is
   * shorter than {@code minSeconds} (unless the whole clip is).
   */
  public static List<TimeRange> fromCuts(double duration, List<Double> cuts, double minSeconds) {
    requirePositive("duration", duration);
    if (!(minSeconds >= 0)) {
      throw new IllegalArgumentException("minSeconds must be >= 0, got " + minSeconds);
    }
    List<Double> sorted = new ArrayList<>(cuts);
    sorted.sort(null);
    List<TimeRange> shots = new ArrayList<>();
    double from = 0;
    for (double cut : sorted) {
      if (cut - from >= Math.max(minSeconds, TOUCHING)
          && duration - cut >= Math.max(minSeconds, TOUCHING)) {
        shots.add(new TimeRange(from, cut));
        from = cut;
      }
    }
    shots.add(new TimeRange(from, duration));
    return shots;
  }

  /** Each segment longer than {@code maxSeconds} split into equal parts no longer than that. */
  public static List<TimeRange> splitLongerThan(List<TimeRange> segments, double maxSeconds) {
    requirePositive("maxSeconds", maxSeconds);
    List<TimeRange> out = new ArrayList<>();
    for (TimeRange segment : segments) {
      long parts = Math.max(1, (long) Math.ceil(segment.duration() / maxSeconds - 1e-9));
      double step = segment.duration() / parts;
      for (long p = 0; p < parts; p++) {
        double end = p == parts - 1 ? segment.end() : segment.start() + (p + 1) * step;
        out.add(new TimeRange(segment.start() + p * step, end));
      }
    }
    return out;
  }

  /**
   * Joins neighbouring captions with the same text (ignoring case and spacing) into one that spans
   * both; neighbours must touch (within a millisecond) to be joined. The first one's wording is
   * kept.
   */
  public static List<TimedCaption> mergeIdenticalNeighbours(List<TimedCaption> captions) {
    List<TimedCaption> out = new ArrayList<>();
    for (TimedCaption caption : captions) {
      TimedCaption last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null
          && Math.abs(caption.start() - last.end()) <= TOUCHING
          && sameWords(last.text(), caption.text())) {
        out.set(
            out.size() - 1,
            new TimedCaption(
                new TimeRange(last.start(), Math.max(last.end(), caption.end())), last.text()));
      } else {
        out.add(caption);
      }
    }
    return out;
  }

  private static boolean sameWords(String a, String b) {
    return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
  }

  private static void requirePositive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
  }
}
