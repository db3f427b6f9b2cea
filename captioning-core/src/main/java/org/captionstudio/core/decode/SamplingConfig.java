package org.captionstudio.core.decode;

/**
 * How captions are sampled.
 *
 * @param temperature T: words are drawn from {@code p^(1/T)} renormalised; 1 samples the model's
 *     own distribution, below 1 sharpens it, above 1 flattens it
 * @param topK only the k most probable words of each step can be drawn; 0 for all of them
 * @param maxWords the longest caption, in words (without {@code <end>})
 * @param seed the same seed gives the same captions, whatever else is in the batch
 */
public record SamplingConfig(double temperature, int topK, int maxWords, long seed) {
  public SamplingConfig {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 (0 for all words), got " + topK);
    }
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
    }
  }

  /** Temperature 1, every word, 20 words, seed 1. */
  public static SamplingConfig defaults() {
    return new SamplingConfig(1.0, 0, 20, 1);
  }
}
