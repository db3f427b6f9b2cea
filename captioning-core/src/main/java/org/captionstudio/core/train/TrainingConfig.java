package org.captionstudio.core.train;

/**
 * How the decoder is trained.
 *
 * @param epochs passes over the training captions, at most
 * @param batchSize captions per step
 * @param learningRate Adam's step size after warm-up
 * @param learningRateDecay the rate is multiplied by this after each epoch (1 keeps it constant)
 * @param warmupSteps the rate rises linearly from 0 over these first steps
 * @param clipNorm the global gradient norm is scaled down to at most this (Pascanu et al. 2013)
 * @param maxWords captions are cut to this many words in training
 * @param seed shuffling, dropout and initialisation all derive from it
 * @param checkpointEverySteps a checkpoint is written every this many steps (and at each epoch)
 * @param patience stop after this many validations without a better CIDEr-D
 * @param validationBeam the beam width for validation decoding
 * @param validationImages the validation images decoded each epoch, at most (0: all)
 * @param maxMinutes stop, with a checkpoint, once this session has trained this long (0: no limit);
 *     a resumed run gets the same budget again
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    double learningRate,
    double learningRateDecay,
    int warmupSteps,
    double clipNorm,
    int maxWords,
    long seed,
    int checkpointEverySteps,
    int patience,
    int validationBeam,
    int validationImages,
    double maxMinutes) {

  public TrainingConfig {
    atLeast("epochs", epochs, 1);
    atLeast("batchSize", batchSize, 1);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new IllegalArgumentException(
          "learningRateDecay must be in (0, 1], got " + learningRateDecay);
    }
    atLeast("warmupSteps", warmupSteps, 0);
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
    }
    atLeast("maxWords", maxWords, 1);
    atLeast("checkpointEverySteps", checkpointEverySteps, 1);
    atLeast("patience", patience, 1);
    atLeast("validationBeam", validationBeam, 1);
    atLeast("validationImages", validationImages, 0);
    if (!(maxMinutes >= 0)) {
      throw new IllegalArgumentException("maxMinutes must be >= 0, got " + maxMinutes);
    }
  }

  /** Settings that train a COCO-scale decoder well on a CPU. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        20, // epochs, at most: early stopping usually ends sooner
        64, // captions per step
        4e-4, // Adam's learning rate
        0.9, // × per epoch
        200, // warm-up steps
        5.0, // global gradient-norm clip
        20, // words per caption in training
        1, // seed
        500, // steps between checkpoints
        4, // validations without improvement before stopping
        3, // beam width in validation
        1000, // validation images decoded per epoch
        0); // no time limit
  }

  /** The learning rate for a step (counted from 0) in an epoch (counted from 0). */
  public double learningRateAt(long step, int epoch) {
    double warm = warmupSteps == 0 ? 1.0 : Math.min(1.0, (step + 1) / (double) warmupSteps);
    return learningRate * warm * Math.pow(learningRateDecay, epoch);
  }

  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(
        n,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withBatchSize(int n) {
    return new TrainingConfig(
        epochs,
        n,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withLearningRate(double lr, double decay, int warmup) {
    return new TrainingConfig(
        epochs,
        batchSize,
        lr,
        decay,
        warmup,
        clipNorm,
        maxWords,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        s,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withCheckpointEvery(int steps) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        seed,
        steps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withValidation(int beam, int images, int newPatience) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        seed,
        checkpointEverySteps,
        newPatience,
        beam,
        images,
        maxMinutes);
  }

  public TrainingConfig withClipNorm(double clip) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clip,
        maxWords,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  public TrainingConfig withMaxMinutes(double minutes) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        maxWords,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        minutes);
  }

  public TrainingConfig withMaxWords(int words) {
    return new TrainingConfig(
        epochs,
        batchSize,
        learningRate,
        learningRateDecay,
        warmupSteps,
        clipNorm,
        words,
        seed,
        checkpointEverySteps,
        patience,
        validationBeam,
        validationImages,
        maxMinutes);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }
}
