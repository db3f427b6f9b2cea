package org.captionstudio.core.train;

import java.util.Map;

/**
 * What one epoch gave.
 *
 * @param epoch the epoch, counted from 1
 * @param step the global step at its end
 * @param trainingLoss the mean training loss over its steps
 * @param validationLoss the mean cross-entropy per token on the validation captions (NaN if none)
 * @param metrics coco-caption metrics of beam-search captions on the validation images, by
 *     coco-caption name ("Bleu_4", "CIDEr", …); empty if there is no validation split
 * @param seconds wall time of the epoch, validation included
 */
public record EpochReport(
    int epoch,
    long step,
    double trainingLoss,
    double validationLoss,
    Map<String, Double> metrics,
    double seconds) {
  public EpochReport {
    metrics = Map.copyOf(metrics);
  }

  /** CIDEr-D, the early-stopping score; NaN without validation. */
  public double ciderD() {
    return metrics.getOrDefault("CIDEr", Double.NaN);
  }
}
