package org.captionstudio.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba 2015) on the flat parameter vector, β1 = 0.9, β2 = 0.999, ε = 1e-8, with bias
 * correction. Its state (both moments and the step count) is part of every checkpoint.
 */
final class Adam {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final INDArray m;
  private final INDArray v;
  private final INDArray scratch;
  private long steps;

  Adam(INDArray m, INDArray v, long steps) {
    this.m = m;
    this.v = v;
    this.scratch = m.ulike();
    this.steps = steps;
  }

  /** Updates {@code params} in place from {@code grad} (which is left unchanged). */
  void update(INDArray params, INDArray grad, double learningRate) {
    // One fused native pass: m, v and the bias-corrected step, written into scratch.
    Nd4j.exec(
        new AdamUpdater(
            grad, v, m, scratch, v, m, learningRate, BETA1, BETA2, EPSILON, (int) steps));
    steps++;
    params.subi(scratch);
  }

  /** The same update written out op by op: the reference the fused one is tested against. */
  void updateUnfused(INDArray params, INDArray grad, double learningRate) {
    steps++;
    scratch.assign(grad).muli(1 - BETA1);
    m.muli(BETA1).addi(scratch); // m = β1 m + (1 − β1) g
    scratch.assign(grad).muli(grad).muli(1 - BETA2);
    v.muli(BETA2).addi(scratch); // v = β2 v + (1 − β2) g²
    double alpha =
        learningRate * Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps));
    Nd4j.exec(new Sqrt(v, scratch));
    scratch.addi(EPSILON); // √v + ε  (ε after the correction's scale)
    params.subi(scratch.rdivi(m).muli(alpha));
  }

  INDArray firstMoment() {
    return m;
  }

  INDArray secondMoment() {
    return v;
  }

  long steps() {
    return steps;
  }
}
