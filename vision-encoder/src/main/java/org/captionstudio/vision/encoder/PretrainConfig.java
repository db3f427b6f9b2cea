package org.captionstudio.vision.encoder;

/**
 * Settings for pretraining the ShapesWorld encoder.
 *
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param learningRate Adam's step size
 * @param featureDim channels of the feature grid (the region vector length D)
 * @param seed weight initialisation and shuffling
 * @param maxMinutes stop before an epoch that would pass this budget (0 = no budget)
 */
public record PretrainConfig(
    int epochs, int batchSize, double learningRate, int featureDim, long seed, double maxMinutes) {
  public PretrainConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (featureDim < 8 || featureDim > 1024) {
      throw new IllegalArgumentException("featureDim must be 8 to 1024, got " + featureDim);
    }
    if (maxMinutes < 0 || !Double.isFinite(maxMinutes)) {
      throw new IllegalArgumentException("maxMinutes must be >= 0, got " + maxMinutes);
    }
  }

  /** The defaults: about 15 minutes for 8,000 training images on two cores. */
  public static PretrainConfig defaults() {
    return new PretrainConfig(
        8, // epochs: attribute accuracy levels off by then
        32, // batchSize: small batches train this small network fastest per wall-clock minute
        2e-3, // learningRate: Adam with batch normalisation tolerates a high rate
        128, // featureDim: D of the region vectors the decoder attends over
        1L, // seed: fixed, so pretraining is repeatable
        30); // maxMinutes: the project's pretraining budget on two cores
  }
}
