package org.captionstudio.core.train;

import java.nio.file.Path;

/**
 * What a training run reports, on the thread that trains. The GUI adapts it to the FX thread; the
 * CLI prints lines.
 */
public interface TrainingListener {

  /**
   * One step.
   *
   * @param epoch the epoch, from 1
   * @param step the global step, from 1
   * @param totalSteps the steps of the whole run if it runs all its epochs
   * @param loss the training loss of the step
   * @param learningRate the rate used
   * @param gradientNorm the global gradient norm before clipping
   * @param hiddenGradientNorms ‖∂L/∂h_t‖ per step t of the caption (vanishing/exploding monitor)
   * @param tokensPerSecond throughput of this step
   * @param etaSeconds an estimate of the time left for the whole run
   */
  record Step(
      int epoch,
      long step,
      long totalSteps,
      double loss,
      double learningRate,
      double gradientNorm,
      double[] hiddenGradientNorms,
      double tokensPerSecond,
      double etaSeconds) {}

  default void onStep(Step step) {}

  /** An epoch ended and was validated. */
  default void onEpoch(EpochReport report, boolean best) {}

  /** A checkpoint was written. */
  default void onCheckpoint(Path file, long step) {}

  /** A stage started, e.g. "Validating" with its size. */
  default void onStage(String stage, long done, long total) {}

  TrainingListener NONE = new TrainingListener() {};
}
