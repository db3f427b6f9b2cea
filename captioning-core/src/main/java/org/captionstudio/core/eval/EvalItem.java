package org.captionstudio.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * One image (or clip) to score: its id, the tokenized candidate caption and the tokenized reference
 * captions.
 *
 * @param imageId the image's id as the annotations give it
 * @param hypothesis the candidate caption's tokens (may be empty)
 * @param references the reference captions' tokens, at least one caption
 */
public record EvalItem(String imageId, List<String> hypothesis, List<List<String>> references) {
  public EvalItem {
    Objects.requireNonNull(imageId, "imageId");
    hypothesis = List.copyOf(hypothesis);
    references = references.stream().map(List::copyOf).toList();
    if (references.isEmpty()) {
      throw new IllegalArgumentException(
          "references must hold at least one caption, got none for image " + imageId);
    }
  }
}
