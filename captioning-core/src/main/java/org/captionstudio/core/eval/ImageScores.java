package org.captionstudio.core.eval;

import java.util.Objects;

/**
 * One image's scores.
 *
 * @param imageId the image's id
 * @param scores its BLEU, ROUGE-L and CIDEr-D
 */
public record ImageScores(String imageId, MetricScores scores) {
  public ImageScores {
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(scores, "scores");
  }
}
