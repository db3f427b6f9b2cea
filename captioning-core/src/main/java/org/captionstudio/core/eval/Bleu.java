package org.captionstudio.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU-1..4 as coco-caption's {@code bleu_scorer.py} computes it with {@code option='closest'}.
 *
 * <ul>
 *   <li>Clipped n-gram matches against the per-n-gram maximum count over the references.
 *   <li>The effective reference length is the reference length closest to the candidate's; on a tie
 *       the shorter reference wins.
 *   <li>The corpus score sums matches, guesses and lengths over all images before combining;
 *       per-image scores are combined per image. Both use the additive constants 1e-15 (matches,
 *       lengths) and 1e-9 (guesses, reference lengths) exactly where coco-caption does, so a zero
 *       count gives a tiny score rather than a division by zero.
 * </ul>
 */
final class Bleu {
  private static final double TINY = 1e-15;
  private static final double SMALL = 1e-9;

  private Bleu() {}

  /**
   * Scores the items.
   *
   * @return {@code [order - 1][0]} the corpus BLEU-order, {@code [order - 1][1 + i]} item i's
   */
  static double[][] score(List<int[]> hypotheses, List<List<int[]>> references) {
    int n = NGrams.MAX_ORDER;
    int items = hypotheses.size();
    double[][] scores = new double[n][items + 1];
    long[] totalGuess = new long[n];
    long[] totalCorrect = new long[n];
    long totalTestLength = 0;
    long totalRefLength = 0;

    for (int item = 0; item < items; item++) {
      int[] hypothesis = hypotheses.get(item);
      List<int[]> refs = references.get(item);
      Map<NGrams.NGram, Integer> maxRefCounts = new HashMap<>();
      for (int[] ref : refs) {
        NGrams.count(ref, n).forEach((gram, count) -> maxRefCounts.merge(gram, count, Math::max));
      }
      int testLength = hypothesis.length;
      int refLength = closestLength(refs, testLength);
      long[] guess = new long[n];
      long[] correct = new long[n];
      for (int k = 0; k < n; k++) {
        guess[k] = Math.max(0, testLength - k);
      }
      for (Map.Entry<NGrams.NGram, Integer> entry : NGrams.count(hypothesis, n).entrySet()) {
        int clipped = Math.min(maxRefCounts.getOrDefault(entry.getKey(), 0), entry.getValue());
        correct[entry.getKey().order() - 1] += clipped;
      }

      double[] perItem = combine(correct, guess, testLength, refLength);
      for (int k = 0; k < n; k++) {
        scores[k][item + 1] = perItem[k];
        totalGuess[k] += guess[k];
        totalCorrect[k] += correct[k];
      }
      totalTestLength += testLength;
      totalRefLength += refLength;
    }

    double[] corpus = combine(totalCorrect, totalGuess, totalTestLength, totalRefLength);
    for (int k = 0; k < n; k++) {
      scores[k][0] = corpus[k];
    }
    return scores;
  }

  /** The geometric means of the precisions up to each order, times the brevity penalty. */
  private static double[] combine(long[] correct, long[] guess, long testLength, long refLength) {
    int n = correct.length;
    double[] bleu = new double[n];
    double product = 1.0;
    for (int k = 0; k < n; k++) {
      product *= (correct[k] + TINY) / (guess[k] + SMALL);
      bleu[k] = Math.pow(product, 1.0 / (k + 1));
    }
    double ratio = (testLength + TINY) / (refLength + SMALL);
    if (ratio < 1) {
      double penalty = Math.exp(1 - 1 / ratio);
      for (int k = 0; k < n; k++) {
        bleu[k] *= penalty;
      }
    }
    return bleu;
  }

  /** The reference length closest to {@code testLength}; the shorter one on a tie. */
  static int closestLength(List<int[]> refs, int testLength) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int[] ref : refs) {
      int distance = Math.abs(ref.length - testLength);
      if (distance < bestDistance || (distance == bestDistance && ref.length < best)) {
        best = ref.length;
        bestDistance = distance;
      }
    }
    return best;
  }
}
