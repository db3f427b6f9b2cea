package org.captionstudio.vision.shapes;

import java.util.List;

/**
 * What {@link ShapesCaptionChecker} found about one caption.
 *
 * @param parsed whether the caption follows the ShapesWorld grammar and vocabulary
 * @param correct whether it parsed and every statement in it is true
 * @param reasons one sentence per problem; empty exactly when {@code correct}
 * @param links which words name which objects, as far as the caption could be understood
 */
public record CheckResult(
    boolean parsed, boolean correct, List<String> reasons, List<WordLink> links) {
  public CheckResult {
    reasons = List.copyOf(reasons);
    links = List.copyOf(links);
    if (correct && (!parsed || !reasons.isEmpty())) {
      throw new IllegalArgumentException(
          "a correct caption must be parsed and have no reasons, got " + reasons);
    }
    if (!correct && reasons.isEmpty()) {
      throw new IllegalArgumentException("an incorrect caption needs at least one reason");
    }
  }

  /** A caption that could not be understood. */
  static CheckResult unparsed(String reason) {
    return new CheckResult(false, false, List.of(reason), List.of());
  }
}
