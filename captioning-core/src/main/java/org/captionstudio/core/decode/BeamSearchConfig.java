package org.captionstudio.core.decode;

/**
 * How beam search runs.
 *
 * @param beamSize k, the hypotheses kept per image at each step
 * @param maxWords the longest caption, in words (without {@code <end>})
 * @param lengthPenalty α: hypotheses are ranked by {@code logP / length^α}, length counting {@code
 *     <end>}; 0 ranks by total log-probability
 * @param nBest how many finished captions to return per image, at most {@code beamSize}
 */
public record BeamSearchConfig(int beamSize, int maxWords, double lengthPenalty, int nBest) {
  public BeamSearchConfig {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
    }
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
    }
    if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
      throw new IllegalArgumentException(
          "lengthPenalty must be a finite value >= 0, got " + lengthPenalty);
    }
    if (nBest < 1 || nBest > beamSize) {
      throw new IllegalArgumentException(
          "nBest must be between 1 and beamSize (" + beamSize + "), got " + nBest);
    }
  }

  /** Beam 3, 20 words, no length penalty, the best caption only. */
  public static BeamSearchConfig defaults() {
    return new BeamSearchConfig(3, 20, 0.0, 1);
  }

  public BeamSearchConfig withBeam(int k, int n) {
    return new BeamSearchConfig(k, maxWords, lengthPenalty, n);
  }
}
