package org.captionstudio.core.decode;

import java.util.Arrays;

/**
 * One decoded caption.
 *
 * @param words the word ids, without {@code <start>} and {@code <end>}
 * @param wordLogProbabilities log p of each word and, last, of {@code <end>} if it finished
 * @param attention per generated token (the words, then {@code <end>}), the attention weights over
 *     the L regions
 * @param finished whether it ended with {@code <end>} (rather than at the length limit)
 * @param score the ranking score, {@code logProbability / length^α}
 */
public record Hypothesis(
    int[] words,
    double[] wordLogProbabilities,
    float[][] attention,
    boolean finished,
    double score) {
  public Hypothesis {
    words = words.clone();
    wordLogProbabilities = wordLogProbabilities.clone();
    attention = Arrays.stream(attention).map(float[]::clone).toArray(float[][]::new);
  }

  /** The total log-probability of the caption, {@code <end>} included. */
  public double logProbability() {
    return Arrays.stream(wordLogProbabilities).sum();
  }

  /**
   * The log-probability per generated token ({@code <end>} counted when it finished): a length-fair
   * measure of how sure the model was.
   */
  public double meanLogProbability() {
    return wordLogProbabilities.length == 0 ? 0 : logProbability() / wordLogProbabilities.length;
  }

  @Override
  public int[] words() {
    return words.clone();
  }

  @Override
  public double[] wordLogProbabilities() {
    return wordLogProbabilities.clone();
  }

  @Override
  public float[][] attention() {
    return Arrays.stream(attention).map(float[]::clone).toArray(float[][]::new);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hypothesis h
        && Arrays.equals(words, h.words)
        && Arrays.equals(wordLogProbabilities, h.wordLogProbabilities)
        && finished == h.finished;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "Hypothesis" + Arrays.toString(words) + " logP=" + logProbability();
  }
}
