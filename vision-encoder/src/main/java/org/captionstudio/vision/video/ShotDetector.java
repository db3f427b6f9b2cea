package org.captionstudio.vision.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cut times from a row of small RGB frames taken at a steady rate.
 *
 * <p>The difference between neighbouring frames is the mean of two measures in [0, 1]: the earth
 * mover's distance between their colour histograms (32 bins per channel), which ignores motion and
 * gradual colour drift, and their mean absolute pixel difference, which catches cuts between shots
 * of similar colours. A cut is a difference that
 *
 * <ul>
 *   <li>reaches {@link ShotOptions#minDifference()},
 *   <li>stands {@value #SPREADS} robust spreads (median absolute deviations) above the median
 *       difference of the {@value #CONTEXT_SECONDS} seconds around it, so steady camera or object
 *       motion does not count, and
 *   <li>is the largest within {@link ShotOptions#minShotSeconds()} either side, so a flash or a
 *       dissolve gives one cut.
 * </ul>
 */
final class ShotDetector {
  static final int SPREADS = 6;
  static final double CONTEXT_SECONDS = 2.0;
  private static final int BINS = 32;

  private ShotDetector() {}

  /**
   * The cut times: for each cut, the time of the first small frame after it.
   *
   * @param times when each frame is shown, ascending
   * @param frames packed RGB frames, all the same size
   * @param rate frames per second of the row
   */
  static List<Double> cuts(double[] times, List<byte[]> frames, double rate, ShotOptions options) {
    int n = frames.size();
    if (n != times.length) {
      throw new IllegalArgumentException(
          "times and frames must match, got " + times.length + " and " + n);
    }
    List<Double> cuts = new ArrayList<>();
    if (n < 2) {
      return cuts;
    }
    double[] difference = new double[n]; // difference[i]: between frame i-1 and frame i
    int[][] previous = histogram(frames.get(0));
    for (int i = 1; i < n; i++) {
      int[][] current = histogram(frames.get(i));
      difference[i] =
          0.5 * histogramDistance(previous, current)
              + 0.5 * meanAbsoluteDifference(frames.get(i - 1), frames.get(i));
      previous = current;
    }
    int context = Math.max(2, (int) Math.round(CONTEXT_SECONDS * rate));
    int apart = Math.max(1, (int) Math.round(options.minShotSeconds() * rate));
    for (int i = 1; i < n; i++) {
      double d = difference[i];
      if (d < options.minDifference() || !largestAround(difference, i, apart)) {
        continue;
      }
      double[] around = neighbours(difference, i, context);
      double median = median(around);
      double spread = Math.max(medianAbsoluteDeviation(around, median), 0.01);
      if (d >= median + SPREADS * spread) {
        cuts.add(times[i]);
      }
    }
    return cuts;
  }

  /** Whether {@code d[i]} is the largest within {@code apart} either side (earliest on ties). */
  private static boolean largestAround(double[] d, int i, int apart) {
    for (int k = Math.max(1, i - apart); k <= Math.min(d.length - 1, i + apart); k++) {
      if (d[k] > d[i] || (d[k] == d[i] && k < i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The differences within {@code context} of {@code i}, leaving out {@code i} and its neighbours.
   */
  private static double[] neighbours(double[] d, int i, int context) {
    List<Double> values = new ArrayList<>();
    for (int k = Math.max(1, i - context); k <= Math.min(d.length - 1, i + context); k++) {
      if (Math.abs(k - i) > 1) {
        values.add(d[k]);
      }
    }
    if (values.isEmpty()) {
      return new double[] {0};
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static int[][] histogram(byte[] rgb) {
    int[][] bins = new int[3][BINS];
    for (int p = 0; p < rgb.length; p++) {
      bins[p % 3][(rgb[p] & 0xFF) * BINS / 256]++;
    }
    return bins;
  }

  /**
   * The earth mover's distance between two histograms, per channel (the L1 distance of their
   * cumulative sums, so a small shift of every pixel's colour costs little, unlike bin-by-bin
   * distances where a flat backdrop crossing a bin edge looks like a cut), averaged over channels.
   */
  private static double histogramDistance(int[][] a, int[][] b) {
    double total = 0;
    for (int c = 0; c < 3; c++) {
      long count = Arrays.stream(a[c]).sum();
      if (count == 0) {
        continue;
      }
      long cumulativeA = 0;
      long cumulativeB = 0;
      long moved = 0;
      for (int k = 0; k < BINS - 1; k++) {
        cumulativeA += a[c][k];
        cumulativeB += b[c][k];
        moved += Math.abs(cumulativeA - cumulativeB);
      }
      total += moved / ((double) count * (BINS - 1));
    }
    return total / 3;
  }

  private static double meanAbsoluteDifference(byte[] a, byte[] b) {
    long sum = 0;
    for (int p = 0; p < a.length; p++) {
      sum += Math.abs((a[p] & 0xFF) - (b[p] & 0xFF));
    }
    return sum / (255.0 * a.length);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static double medianAbsoluteDeviation(double[] values, double median) {
    double[] deviations = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      deviations[k] = Math.abs(values[k] - median);
    }
    return median(deviations);
  }
}
