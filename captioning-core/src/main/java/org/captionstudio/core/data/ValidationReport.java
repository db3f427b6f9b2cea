package org.captionstudio.core.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What validating a dataset found: what is usable, what was skipped and why, and statistics of the
 * captions.
 *
 * @param format the annotation format
 * @param source the annotation file's name
 * @param mediaChecked whether media files were checked on disk (a media folder was given)
 * @param usableItems images or clips with at least one caption (and, if checked, a readable file)
 * @param usableCaptions their captions
 * @param splitCounts usable items per split
 * @param splitFromFile whether the splits come from the file (else they are assigned by seed)
 * @param problemCounts how many problems of each kind
 * @param problems every problem, one sentence each
 * @param captionLength caption lengths in tokens (coco-caption tokenization)
 * @param vocabulary the words of the usable captions
 */
public record ValidationReport(
    DatasetFormat format,
    String source,
    boolean mediaChecked,
    int usableItems,
    int usableCaptions,
    Map<Split, Integer> splitCounts,
    boolean splitFromFile,
    Map<Problem.Kind, Integer> problemCounts,
    List<Problem> problems,
    LengthStats captionLength,
    VocabularyStats vocabulary) {

  /**
   * Caption lengths in tokens.
   *
   * @param min shortest
   * @param mean mean
   * @param median median
   * @param p95 95th percentile
   * @param max longest
   */
  public record LengthStats(int min, double mean, int median, int p95, int max) {}

  /**
   * @param tokens all tokens of the usable captions
   * @param distinctWords distinct words
   * @param wordsSeenAtLeast5Times words a vocabulary with minimum count 5 would keep
   * @param coverageAtLeast5 the share of tokens those words cover
   */
  public record VocabularyStats(
      long tokens, int distinctWords, int wordsSeenAtLeast5Times, double coverageAtLeast5) {}

  public ValidationReport {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    splitCounts = Collections.unmodifiableMap(new EnumMap<>(splitCounts));
    problemCounts =
        Collections.unmodifiableMap(
            problemCounts.isEmpty()
                ? new EnumMap<>(Problem.Kind.class)
                : new EnumMap<>(problemCounts));
    problems = List.copyOf(problems);
  }

  /** Whether training can use the data: at least one usable image or clip with a caption. */
  public boolean usable() {
    return usableItems > 0;
  }
}
