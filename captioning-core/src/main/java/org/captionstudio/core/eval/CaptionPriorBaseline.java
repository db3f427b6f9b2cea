package org.captionstudio.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The caption-prior baseline: a "model" that never looks at the image and always answers the most
 * frequent training caption (compared after tokenization; ties go to the alphabetically first). Its
 * scores are the floor a captioner must clear: on a dataset where the images matter, it must score
 * badly.
 */
public final class CaptionPriorBaseline {
  private final String caption;
  private final int count;

  private CaptionPriorBaseline(String caption, int count) {
    this.caption = caption;
    this.count = count;
  }

  /**
   * Finds the most frequent caption.
   *
   * @param trainingCaptions the training captions as written
   * @param tokenizer how captions are compared, e.g. the coco-caption tokenizer joined by spaces
   */
  public static CaptionPriorBaseline fit(
      List<String> trainingCaptions, Function<String, String> tokenizer) {
    if (trainingCaptions.isEmpty()) {
      throw new IllegalArgumentException("trainingCaptions must not be empty");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String caption : trainingCaptions) {
      counts.merge(tokenizer.apply(caption), 1, Integer::sum);
    }
    Map.Entry<String, Integer> best = null;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (best == null
          || entry.getValue() > best.getValue()
          || (entry.getValue().equals(best.getValue())
              && entry.getKey().compareTo(best.getKey()) < 0)) {
        best = entry;
      }
    }
    return new CaptionPriorBaseline(best.getKey(), best.getValue());
  }

  /** The caption it gives every image. */
  public String caption() {
    return caption;
  }

  /** How many training captions it equals. */
  public int count() {
    return count;
  }
}
