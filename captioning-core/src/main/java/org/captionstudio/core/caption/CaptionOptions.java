package org.captionstudio.core.caption;

import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.SamplingConfig;

/**
 * How files are captioned.
 *
 * @param strategy beam search, greedy, or sampling
 * @param beam beam width, n-best, length penalty and the word limit (for every strategy)
 * @param sampling temperature, top-k and seed, for {@link Strategy#SAMPLE}; {@code nBest} samples
 *     are drawn per image
 * @param batchSize images encoded and decoded together
 */
public record CaptionOptions(
    Strategy strategy, BeamSearchConfig beam, SamplingConfig sampling, int batchSize) {

  /** How words are chosen. */
  public enum Strategy {
    /** The k best partial captions at each step; the n best finished ones. */
    BEAM,
    /** The most probable word at each step: one caption. */
    GREEDY,
    /** Words drawn at random: diverse captions. */
    SAMPLE
  }

  public CaptionOptions {
    if (strategy == null || beam == null || sampling == null) {
      throw new IllegalArgumentException("strategy, beam and sampling must be given");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
  }

  /** Beam 3, the 3 best captions, at most 30 words, 16 images at a time. */
  public static CaptionOptions defaults() {
    return new CaptionOptions(
        Strategy.BEAM, new BeamSearchConfig(3, 30, 0.0, 3), new SamplingConfig(1.0, 0, 30, 1), 16);
  }

  /** How many captions per image are reported. */
  public int nBest() {
    return strategy == Strategy.GREEDY ? 1 : beam.nBest();
  }
}
