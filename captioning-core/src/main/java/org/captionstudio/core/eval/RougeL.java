package org.captionstudio.core.eval;

import java.util.List;

/**
 * ROUGE-L as coco-caption's {@code rouge.py} computes it: the longest common subsequence with each
 * reference, precision and recall each maximised separately over the references, combined as an
 * F-measure with β = 1.2. The corpus score is the mean of the per-image scores.
 */
final class RougeL {
  private static final double BETA = 1.2;

  private RougeL() {}

  /**
   * @return {@code [0]} the corpus score, {@code [1 + i]} item i's
   */
  static double[] score(List<int[]> hypotheses, List<List<int[]>> references) {
    int items = hypotheses.size();
    double[] scores = new double[items + 1];
    double sum = 0;
    for (int item = 0; item < items; item++) {
      double score = scoreOne(hypotheses.get(item), references.get(item));
      scores[item + 1] = score;
      sum += score;
    }
    scores[0] = items == 0 ? Double.NaN : sum / items;
    return scores;
  }

  static double scoreOne(int[] hypothesis, List<int[]> refs) {
    int[] candidate = splitOnSpace(hypothesis);
    double bestPrecision = 0;
    double bestRecall = 0;
    for (int[] ref : refs) {
      int[] reference = splitOnSpace(ref);
      int lcs = longestCommonSubsequence(reference, candidate);
      bestPrecision = Math.max(bestPrecision, lcs / (double) candidate.length);
      bestRecall = Math.max(bestRecall, lcs / (double) reference.length);
    }
    if (bestPrecision == 0 || bestRecall == 0) {
      return 0.0;
    }
    double beta2 = BETA * BETA;
    return ((1 + beta2) * bestPrecision * bestRecall) / (bestRecall + beta2 * bestPrecision);
  }

  /**
   * coco-caption splits captions on " ", so an empty caption is one empty token: length 1, and
   * equal to another empty caption. A word id of -1 stands for that empty token.
   */
  private static int[] splitOnSpace(int[] words) {
    return words.length == 0 ? EMPTY_CAPTION : words;
  }

  private static final int[] EMPTY_CAPTION = {-1};

  /** Length of the longest common subsequence, in O(|a|·|b|) time and O(min) memory. */
  static int longestCommonSubsequence(int[] a, int[] b) {
    int[] shorter = a.length < b.length ? a : b;
    int[] longer = a.length < b.length ? b : a;
    int[] previous = new int[shorter.length + 1];
    int[] current = new int[shorter.length + 1];
    for (int word : longer) {
      for (int j = 1; j <= shorter.length; j++) {
        current[j] =
            word == shorter[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[shorter.length];
  }
}
