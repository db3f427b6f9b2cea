package org.captionstudio.core.model;

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

  DecoderState(
      INDArray regions, INDArray projected, INDArray[] hidden, INDArray[] cell, INDArray alpha) {
    this.regions = regions;
    this.projected = projected;
    this.hidden = hidden;
    this.cell = cell;
    this.alpha = alpha;
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

  /** The rows {@code from[0], from[1], …} of this state, in that order (beams are reordered so). */
  public DecoderState select(int... from) {
    INDArray[] h = new INDArray[hidden.length];
    INDArray[] c = new INDArray[hidden.length];
    for (int l = 0; l < hidden.length; l++) {
      h[l] = Nd4j.pullRows(hidden[l], 1, from);
      c[l] = cell[l] == null ? null : Nd4j.pullRows(cell[l], 1, from);
    }
    return new DecoderState(
        pull3(regions, from),
        pull3(projected, from),
        h,
        c,
        alpha == null ? null : Nd4j.pullRows(alpha, 1, from));
  }

  private static INDArray pull3(INDArray x, int[] from) {
    long a = x.size(1);
    long b = x.size(2);
    return Nd4j.pullRows(x.reshape(x.size(0), a * b), 1, from).reshape(from.length, a, b);
  }
}
