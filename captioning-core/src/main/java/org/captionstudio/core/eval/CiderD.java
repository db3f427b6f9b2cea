package org.captionstudio.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D as coco-caption's {@code cider_scorer.py} computes it (coco-caption reports it as
 * "CIDEr").
 *
 * <ul>
 *   <li>TF-IDF vectors of the 1..4-grams; document frequencies count the images whose references
 *       contain the n-gram, over the evaluated set only, and the IDF uses log(number of images), so
 *       a single image scores 0.
 *   <li>Per order, the candidate's weights are clipped to the reference's before the cosine.
 *   <li>A Gaussian length penalty with σ = 6. Like coco-caption, "length" counts bigrams, so it is
 *       the word count minus one for non-empty captions.
 *   <li>Mean over orders, mean over references, times 10; the corpus score is the mean over images.
 * </ul>
 */
final class CiderD {
  private static final double SIGMA = 6.0;

  private CiderD() {}

  /** One caption as coco-caption's {@code counts2vec} builds it. */
  private record Vector(List<Map<NGrams.NGram, Double>> weights, double[] norms, int length) {}

  /**
   * @return {@code [0]} the corpus score, {@code [1 + i]} item i's
   */
  static double[] score(List<int[]> hypotheses, List<List<int[]>> references) {
    int items = hypotheses.size();
    List<Map<NGrams.NGram, Integer>> hypothesisCounts = new ArrayList<>(items);
    List<List<Map<NGrams.NGram, Integer>>> referenceCounts = new ArrayList<>(items);
    Map<NGrams.NGram, Integer> documentFrequency = new HashMap<>();
    for (int item = 0; item < items; item++) {
      hypothesisCounts.add(NGrams.count(hypotheses.get(item), NGrams.MAX_ORDER));
      List<Map<NGrams.NGram, Integer>> refs = new ArrayList<>();
      Set<NGrams.NGram> seen = new HashSet<>();
      for (int[] ref : references.get(item)) {
        Map<NGrams.NGram, Integer> counts = NGrams.count(ref, NGrams.MAX_ORDER);
        refs.add(counts);
        seen.addAll(counts.keySet());
      }
      referenceCounts.add(refs);
      for (NGrams.NGram gram : seen) {
        documentFrequency.merge(gram, 1, Integer::sum);
      }
    }

    double logImages = Math.log(items);
    double[] scores = new double[items + 1];
    double sum = 0;
    for (int item = 0; item < items; item++) {
      Vector candidate = vector(hypothesisCounts.get(item), documentFrequency, logImages);
      double[] total = new double[NGrams.MAX_ORDER];
      List<Map<NGrams.NGram, Integer>> refs = referenceCounts.get(item);
      for (Map<NGrams.NGram, Integer> ref : refs) {
        double[] similarity = similarity(candidate, vector(ref, documentFrequency, logImages));
        for (int k = 0; k < total.length; k++) {
          total[k] += similarity[k];
        }
      }
      double mean = 0;
      for (double value : total) {
        mean += value;
      }
      double score = mean / total.length / refs.size() * 10.0;
      scores[item + 1] = score;
      sum += score;
    }
    scores[0] = items == 0 ? Double.NaN : sum / items;
    return scores;
  }

  private static Vector vector(
      Map<NGrams.NGram, Integer> counts,
      Map<NGrams.NGram, Integer> documentFrequency,
      double logImages) {
    List<Map<NGrams.NGram, Double>> weights = new ArrayList<>(NGrams.MAX_ORDER);
    for (int k = 0; k < NGrams.MAX_ORDER; k++) {
      weights.add(new HashMap<>());
    }
    double[] squaredNorms = new double[NGrams.MAX_ORDER];
    int length = 0;
    for (Map.Entry<NGrams.NGram, Integer> entry : counts.entrySet()) {
      NGrams.NGram gram = entry.getKey();
      int termFrequency = entry.getValue();
      // An n-gram absent from every reference counts as appearing in one document.
      double df = Math.log(Math.max(1.0, documentFrequency.getOrDefault(gram, 0)));
      int k = gram.order() - 1;
      double weight = termFrequency * (logImages - df);
      weights.get(k).put(gram, weight);
      squaredNorms[k] += weight * weight;
      if (k == 1) {
        length += termFrequency; // coco-caption's "length": the number of bigrams
      }
    }
    double[] norms = new double[NGrams.MAX_ORDER];
    for (int k = 0; k < norms.length; k++) {
      norms[k] = Math.sqrt(squaredNorms[k]);
    }
    return new Vector(weights, norms, length);
  }

  private static double[] similarity(Vector candidate, Vector reference) {
    double delta = candidate.length() - reference.length();
    double penalty = Math.exp(-(delta * delta) / (2 * SIGMA * SIGMA));
    double[] value = new double[NGrams.MAX_ORDER];
    for (int k = 0; k < value.length; k++) {
      Map<NGrams.NGram, Double> referenceWeights = reference.weights().get(k);
      for (Map.Entry<NGrams.NGram, Double> entry : candidate.weights().get(k).entrySet()) {
        double referenceWeight = referenceWeights.getOrDefault(entry.getKey(), 0.0);
        value[k] += Math.min(entry.getValue(), referenceWeight) * referenceWeight;
      }
      if (candidate.norms()[k] != 0 && reference.norms()[k] != 0) {
        value[k] /= candidate.norms()[k] * reference.norms()[k];
      }
      value[k] *= penalty;
    }
    return value;
  }
}
