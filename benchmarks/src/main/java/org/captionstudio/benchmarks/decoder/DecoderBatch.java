package org.captionstudio.benchmarks.decoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * One teacher-forced training batch of the decoder, as both sides of {@code decoder-train} read it.
 * The arrays are copied in and out: the record cannot be changed once built.
 *
 * @param batchSize B, captions in the batch
 * @param steps T, time steps per caption (the padded length)
 * @param regions L, feature regions per image
 * @param featureSize D, values per region
 * @param features the region features, {@code [B, L, D]} row-major
 * @param inputs the previous word at each step, {@code [B, T]} row-major: {@link #START} first,
 *     then the targets shifted by one; what follows a caption's length is not read
 * @param targets the word to predict at each step, {@code [B, T]} row-major: words, the last one
 *     {@link #END}, then {@link #PADDING} beyond the caption's length
 * @param lengths the valid targets of each caption, {@code [B]}, each in {@code [1, T]}
 */
public record DecoderBatch(
    int batchSize,
    int steps,
    int regions,
    int featureSize,
    float[] features,
    int[] inputs,
    int[] targets,
    int[] lengths) {
  /** The padding id: targets beyond a caption's length. */
  public static final int PADDING = 0;

  /** The start id: the first input of every caption. */
  public static final int START = 1;

  /** The end id: the last valid target of a synthetic caption. */
  public static final int END = 2;

  public DecoderBatch {
    positive("batchSize", batchSize);
    positive("steps", steps);
    positive("regions", regions);
    positive("featureSize", featureSize);
    length("features", features.length, (long) batchSize * regions * featureSize);
    length("inputs", inputs.length, (long) batchSize * steps);
    length("targets", targets.length, (long) batchSize * steps);
    length("lengths", lengths.length, batchSize);
    for (int b = 0; b < batchSize; b++) {
      int length = lengths[b];
      if (length < 1 || length > steps) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "lengths must be in [1, %d], got %d for caption %d",
                steps,
                length,
                b));
      }
      if (inputs[b * steps] != START) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the first input must be the start id %d, got %d for caption %d",
                START,
                inputs[b * steps],
                b));
      }
      for (int t = 0; t < steps; t++) {
        int target = targets[b * steps + t];
        if (t < length && target < 0) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT, "targets must be >= 0, got %d at caption %d step %d", target, b, t));
        }
        if (t < length && target == PADDING) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "targets within the length must not be padding, got %d at caption %d step %d",
                  target,
                  b,
                  t));
        }
        if (t >= length && target != PADDING) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "targets beyond the length must be padding (%d), got %d at caption %d step %d",
                  PADDING,
                  target,
                  b,
                  t));
        }
        if (t > 0 && t < length && inputs[b * steps + t] != targets[b * steps + t - 1]) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "inputs must be the previous targets (teacher forcing), got %d after target %d"
                      + " at caption %d step %d",
                  inputs[b * steps + t],
                  targets[b * steps + t - 1],
                  b,
                  t));
        }
      }
    }
    features = features.clone();
    inputs = inputs.clone();
    targets = targets.clone();
    lengths = lengths.clone();
  }

  /**
   * A batch as a captioning dataset gives one, the same for the same arguments: post-ReLU-like
   * features, word ids drawn Zipf-like from {@code [3, vocabulary)} and caption lengths (the end id
   * included) of mean {@code meanLength}. The shortest caption has {@code min(6, ⌈T/2⌉)} targets;
   * lengths are that plus a binomial count up to T, so at T = 16 and mean 11 they span [6, 16].
   *
   * @param meanLength the expected length, between the shortest length and {@code steps}
   */
  public static DecoderBatch synthetic(
      long seed,
      int batchSize,
      int steps,
      int regions,
      int featureSize,
      int vocabulary,
      double meanLength) {
    positive("batchSize", batchSize);
    positive("steps", steps);
    positive("regions", regions);
    positive("featureSize", featureSize);
    if (vocabulary <= END + 1) {
      throw new IllegalArgumentException(
          "vocabulary must be > "
              + (END + 1)
              + " (padding, start, end and a word), got "
              + vocabulary);
    }
    int shortest = shortestLength(steps);
    if (!(meanLength >= shortest && meanLength <= steps)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "meanLength must be in [%d, %d] for %d steps, got %s",
              shortest,
              steps,
              steps,
              meanLength));
    }
    Random random = new Random(seed);
    double[] wordCumulative = zipfCumulative(vocabulary - END - 1);
    double p = steps == shortest ? 0 : (meanLength - shortest) / (steps - shortest);

    int[] lengths = new int[batchSize];
    int[] inputs = new int[batchSize * steps];
    int[] targets = new int[batchSize * steps];
    for (int b = 0; b < batchSize; b++) {
      int length = shortest;
      for (int trial = shortest; trial < steps; trial++) {
        length += random.nextDouble() < p ? 1 : 0;
      }
      lengths[b] = length;
      int row = b * steps;
      for (int t = 0; t < length - 1; t++) {
        targets[row + t] = END + 1 + draw(wordCumulative, random.nextDouble());
      }
      targets[row + length - 1] = END;
      inputs[row] = START;
      for (int t = 1; t < length; t++) {
        inputs[row + t] = targets[row + t - 1];
      }
    }
    float[] features = new float[batchSize * regions * featureSize];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) Math.max(0, random.nextGaussian());
    }
    return new DecoderBatch(
        batchSize, steps, regions, featureSize, features, inputs, targets, lengths);
  }

  /** The shortest caption {@link #synthetic} draws for {@code steps} time steps. */
  static int shortestLength(int steps) {
    return Math.min(6, (steps + 1) / 2);
  }

  /** The valid targets in the batch: the number the loss averages over. */
  public int validTokens() {
    int count = 0;
    for (int length : lengths) {
      count += length;
    }
    return count;
  }

  /** The mean caption length. */
  public double meanLength() {
    return (double) validTokens() / batchSize;
  }

  @Override
  public float[] features() {
    return features.clone();
  }

  @Override
  public int[] inputs() {
    return inputs.clone();
  }

  @Override
  public int[] targets() {
    return targets.clone();
  }

  @Override
  public int[] lengths() {
    return lengths.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecoderBatch that
        && batchSize == that.batchSize
        && steps == that.steps
        && regions == that.regions
        && featureSize == that.featureSize
        && Arrays.equals(features, that.features)
        && Arrays.equals(inputs, that.inputs)
        && Arrays.equals(targets, that.targets)
        && Arrays.equals(lengths, that.lengths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        batchSize,
        steps,
        regions,
        featureSize,
        Arrays.hashCode(features),
        Arrays.hashCode(inputs),
        Arrays.hashCode(targets),
        Arrays.hashCode(lengths));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "DecoderBatch[B=%d, T=%d, L=%d, D=%d, valid tokens %d, mean length %.2f]",
        batchSize,
        steps,
        regions,
        featureSize,
        validTokens(),
        meanLength());
  }

  /** Cumulative probabilities of ranks 1..words with P(rank) ∝ 1 / rank. */
  private static double[] zipfCumulative(int words) {
    double[] cumulative = new double[words];
    double sum = 0;
    for (int rank = 1; rank <= words; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < words; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  /** The first index whose cumulative probability reaches {@code u}. */
  private static int draw(double[] cumulative, double u) {
    int found = Arrays.binarySearch(cumulative, u);
    int index = found >= 0 ? found : -found - 1;
    return Math.min(index, cumulative.length - 1);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  private static void length(String name, int actual, long expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name + " must hold " + expected + " values for the batch's shape, got " + actual);
    }
  }
}
