package org.captionstudio.core.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decoder's state for R running sequences (images or clips × beams): each row's memory (its
 * regions, or with the temporal encoder the encoder's outputs over its frames), its attention
 * projection, the recurrent states and the last step's attention weights. Immutable: {@link
 * AttentionDecoder#step} returns a new state.
 */
public final class DecoderState {
  final INDArray regions; // [R, L, M] the memory: region features (M = D) or encoded frames (M = N)
  final INDArray projected; // [R, L, A]
  final INDArray[] hidden; // per layer [R, N]
  final INDArray[] cell; // per layer [R, N] (LSTM) or null
  final INDArray alpha; // [R, L], or null before the first step
  // Per row, the row of the features given to start() that it decodes. Beams of one image share
  // that image's regions: while the rows keep their images, select() keeps the same arrays.
  final int[] sources;

  DecoderState(
      INDArray regions,
      INDArray projected,
      INDArray[] hidden,
      INDArray[] cell,
      INDArray alpha,
      int[] sources) {
    this.regions = regions;
    this.projected = projected;
    this.hidden = hidden;
    this.cell = cell;
    this.alpha = alpha;
    this.sources = sources;
  }

  /** R. */
  public int rows() {
    return (int) regions.size(0);
  }

  /** L: regions (or frames) attended over. */
  public int regions() {
    return (int) regions.size(1);
  }

  /** {@code [R, L]} the attention weights of the last step, or null before the first. */
  public INDArray attention() {
    return alpha;
  }

  /**
   * The rows {@code from[0], from[1], …} of this state, in that order (beams are reordered so). The
   * regions and their projection are copied only when a row's image changes: beams reordered within
   * their images keep the arrays they read.
   */
  public DecoderState select(int... from) {
    int[] picked = new int[from.length];
    for (int j = 0; j < from.length; j++) {
      if (from[j] < 0 || from[j] >= sources.length) {
        throw new IllegalArgumentException(
            "row " + from[j] + " outside the state's " + sources.length + " rows");
      }
      picked[j] = sources[from[j]];
    }
    boolean sameImages = Arrays.equals(picked, sources);
    INDArray[] h = new INDArray[hidden.length];
    INDArray[] c = new INDArray[hidden.length];
    for (int l = 0; l < hidden.length; l++) {
      h[l] = Nd4j.pullRows(hidden[l], 1, from);
      c[l] = cell[l] == null ? null : Nd4j.pullRows(cell[l], 1, from);
    }
    return new DecoderState(
        sameImages ? regions : pull3(regions, from),
        sameImages ? projected : pull3(projected, from),
        h,
        c,
        alpha == null ? null : Nd4j.pullRows(alpha, 1, from),
        picked);
  }

  private static INDArray pull3(INDArray x, int[] from) {
    long a = x.size(1);
    long b = x.size(2);
    return Nd4j.pullRows(x.reshape(x.size(0), a * b), 1, from).reshape(from.length, a, b);
  }
}
