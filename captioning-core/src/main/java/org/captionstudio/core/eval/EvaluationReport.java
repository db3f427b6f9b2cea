package org.captionstudio.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scoring a set of captions.
 *
 * @param images how many images were scored
 * @param corpus the corpus scores, as coco-caption reports them
 * @param perImage each image's scores, in the order the items were given
 */
public record EvaluationReport(int images, MetricScores corpus, List<ImageScores> perImage) {
  public EvaluationReport {
    Objects.requireNonNull(corpus, "corpus");
    perImage = List.copyOf(perImage);
    if (images != perImage.size()) {
      throw new IllegalArgumentException(
          "images must equal the number of per-image scores, got "
              + images
              + " and "
              + perImage.size());
    }
  }
}
