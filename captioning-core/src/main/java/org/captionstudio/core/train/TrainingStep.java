package org.captionstudio.core.train;

import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimisation step: forward, backward through time, global-norm clipping, Adam. The trainer
 * calls it once per batch; the {@code decoder-train} benchmark times exactly this.
 */
public final class TrainingStep {

  /** What a step did: the loss before the update and the gradient norm before clipping. */
  public record Result(AttentionDecoder.Loss loss, double gradientNorm) {}

  private final AttentionDecoder decoder;
  private final DecoderParameters params;
  private final DecoderParameters grad;
  private final Adam adam;
  private final double clipNorm;

  TrainingStep(AttentionDecoder decoder, DecoderParameters params, Adam adam, double clipNorm) {
    this.decoder = decoder;
    this.params = params;
    this.grad = params.zerosLike();
    this.adam = adam;
    this.clipNorm = clipNorm;
  }

  /** A step with fresh Adam moments. */
  public static TrainingStep fresh(
      AttentionDecoder decoder, DecoderParameters params, double clipNorm) {
    INDArray m = params.flat().ulike().assign(0);
    INDArray v = params.flat().ulike().assign(0);
    return new TrainingStep(decoder, params, new Adam(m, v, 0), clipNorm);
  }

  /**
   * Trains on one batch: the parameters are updated in place.
   *
   * @param learningRate Adam's step size for this step
   * @param dropoutSeed the seed of this step's dropout mask
   */
  public Result run(DecoderBatch batch, double learningRate, long dropoutSeed) {
    AttentionDecoder.Loss loss = decoder.lossAndGradient(params, batch, grad, dropoutSeed);
    double norm = grad.flat().norm2Number().doubleValue();
    if (Double.isFinite(norm) && Double.isFinite(loss.loss())) {
      if (norm > clipNorm) {
        grad.flat().muli(clipNorm / norm);
      }
      adam.update(params.flat(), grad.flat(), learningRate);
    }
    return new Result(loss, norm);
  }

  public DecoderParameters parameters() {
    return params;
  }

  Adam adam() {
    return adam;
  }
}
