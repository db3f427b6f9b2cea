package org.captionstudio.core.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch for teacher forcing: region features and captions, packed time-major.
 *
 * <p>Rows are sorted by caption length, longest first, so that the rows still running at step t are
 * a prefix {@code [0, batchSize(t))} of the batch. Token k of step t and row b sits at {@code
 * offset(t) + b}: every array indexed by token holds valid tokens only, so padding costs nothing. A
 * row's caption {@code w_1 … w_n} gives n + 1 tokens: inputs {@code <start> w_1 … w_n}, targets
 * {@code w_1 … w_n <end>}.
 */
public final class DecoderBatch implements PackedSteps {
  private final INDArray features;
  private final int[] rowOrder;
  private final int[] lengths;
  private final int[] batchSizes;
  private final int[] offsets;
  private final int[] inputs;
  private final int[] targets;

  private DecoderBatch(
      INDArray features, int[] rowOrder, int[] lengths, int[] inputs, int[] targets) {
    this.features = features;
    this.rowOrder = rowOrder;
    this.lengths = lengths;
    int steps = lengths[0];
    this.batchSizes = new int[steps];
    this.offsets = new int[steps];
    int offset = 0;
    for (int t = 0; t < steps; t++) {
      int active = 0;
      while (active < lengths.length && lengths[active] > t) {
        active++;
      }
      batchSizes[t] = active;
      offsets[t] = offset;
      offset += active;
    }
    this.inputs = inputs;
    this.targets = targets;
  }

  /**
   * Builds a batch.
   *
   * @param features {@code [B, L, D]} region features, one row per caption (the same image may
   *     appear in several rows)
   * @param captions word ids per row, without {@code <start>} and {@code <end>}; each at most
   *     {@code maxWords} long (longer ones are cut)
   * @param maxWords the longest caption kept, at least 1
   */
  public static DecoderBatch of(INDArray features, List<int[]> captions, int maxWords) {
    if (features.rank() != 3) {
      throw new IllegalArgumentException(
          "features must be [batch, regions, featureSize], got rank " + features.rank());
    }
    int b = captions.size();
    if (b == 0 || features.size(0) != b) {
      throw new IllegalArgumentException(
          "features have " + features.size(0) + " rows but there are " + b + " captions");
    }
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
    }
    int[] order =
        IntStream.range(0, b)
            .boxed()
            .sorted(
                Comparator.comparingInt((Integer i) -> Math.min(captions.get(i).length, maxWords))
                    .reversed())
            .mapToInt(Integer::intValue)
            .toArray();
    int[] lengths = new int[b];
    for (int r = 0; r < b; r++) {
      lengths[r] = Math.min(captions.get(order[r]).length, maxWords) + 1;
    }
    int tokens = Arrays.stream(lengths).sum();
    int[] inputs = new int[tokens];
    int[] targets = new int[tokens];
    int k = 0;
    for (int t = 0; t < lengths[0]; t++) {
      for (int r = 0; r < b && lengths[r] > t; r++) {
        int[] words = captions.get(order[r]);
        int n = lengths[r] - 1;
        inputs[k] = t == 0 ? Vocabulary.START_ID : words[t - 1];
        targets[k] = t < n ? words[t] : Vocabulary.END_ID;
        k++;
      }
    }
    boolean sorted = IntStream.range(0, b).allMatch(r -> order[r] == r);
    INDArray rows = sorted ? features : permuteRows(features, order);
    return new DecoderBatch(rows, order, lengths, inputs, targets);
  }

  private static INDArray permuteRows(INDArray features, int[] order) {
    long l = features.size(1);
    long d = features.size(2);
    INDArray flat = features.dup('c').reshape(features.size(0), l * d);
    return Nd4j.pullRows(flat, 1, order).reshape(order.length, l, d);
  }

  /** {@code [B, L, D]}, rows in this batch's order (longest caption first). */
  public INDArray features() {
    return features;
  }

  /** B. */
  @Override
  public int rows() {
    return lengths.length;
  }

  /** The number of steps, the longest row's tokens. */
  @Override
  public int steps() {
    return batchSizes.length;
  }

  /** The number of valid tokens, the sum of the lengths. */
  @Override
  public int tokens() {
    return inputs.length;
  }

  /** The rows still running at step t. */
  @Override
  public int batchSize(int t) {
    return batchSizes[t];
  }

  /** Where step t's tokens start in the packed arrays. */
  @Override
  public int offset(int t) {
    return offsets[t];
  }

  /** Tokens of row r (its words plus {@code <end>}). */
  public int length(int r) {
    return lengths[r];
  }

  /** Which of the given captions row r is. */
  public int sourceRow(int r) {
    return rowOrder[r];
  }

  /** The input word of each token, packed. */
  public int[] inputs() {
    return inputs.clone();
  }

  /** The target word of each token, packed. */
  public int[] targets() {
    return targets.clone();
  }

  int[] inputsView() {
    return inputs;
  }

  int[] targetsView() {
    return targets;
  }
}
