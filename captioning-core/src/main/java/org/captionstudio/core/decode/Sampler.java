package org.captionstudio.core.decode;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sampling: each word drawn at random from the model's distribution, sharpened or flattened by a
 * temperature and optionally cut to the k most probable words. Diverse captions for the same image,
 * where beam search gives near-duplicates.
 *
 * <p>Image {@code i} of a call draws from its own generator, seeded from the config's seed and
 * {@code i}, so a caption does not depend on the other images in the batch. The reported
 * log-probabilities are the model's own (temperature 1, no cut), comparable with beam search's.
 */
public final class Sampler {
  private final AttentionDecoder decoder;
  private final DecoderParameters parameters;

  public Sampler(AttentionDecoder decoder, DecoderParameters parameters) {
    this.decoder = decoder;
    this.parameters = parameters;
  }

  /** One sampled caption per image of {@code features [I, L, D]}. */
  public List<Hypothesis> decode(INDArray features, SamplingConfig config) {
    int images = (int) features.size(0);
    SplittableRandom[] random = new SplittableRandom[images];
    for (int i = 0; i < images; i++) {
      random[i] = new SplittableRandom(config.seed() ^ (0x9E3779B97F4A7C15L * (i + 1)));
    }
    int size = decoder.config().vocabularySize();
    double[] w = new double[size];
    int[] c = new int[size];
    return PathDecoder.decode(
        decoder,
        parameters,
        features,
        config.maxWords(),
        (image, logP, offset, vocabulary) -> {
          int n = 0;
          for (int word = 0; word < vocabulary; word++) {
            if (PathDecoder.generable(word)) {
              c[n++] = word;
            }
          }
          if (config.topK() > 0 && config.topK() < n) {
            n = keepTop(c, n, config.topK(), logP, offset);
          }
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < n; j++) {
            max = Math.max(max, logP[offset + c[j]]);
          }
          double total = 0;
          for (int j = 0; j < n; j++) {
            w[j] = Math.exp((logP[offset + c[j]] - max) / config.temperature());
            total += w[j];
          }
          double u = random[image].nextDouble() * total;
          for (int j = 0; j < n; j++) {
            u -= w[j];
            if (u < 0) {
              return c[j];
            }
          }
          return c[n - 1]; // rounding: u landed on the total
        });
  }

  /**
   * Moves the {@code k} most probable of the first {@code n} candidates to the front, ties broken
   * by the lower word id, and returns k.
   */
  private static int keepTop(int[] candidates, int n, int k, double[] logP, int offset) {
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = candidates[j];
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byP = Double.compare(logP[offset + b], logP[offset + a]);
          return byP != 0 ? byP : Integer.compare(a, b);
        });
    for (int j = 0; j < k; j++) {
      candidates[j] = order[j];
    }
    return k;
  }
}
