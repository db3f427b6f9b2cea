package org.captionstudio.core.caption;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What captioning one file gave: the caption and its alternatives, where the model looked, how long
 * it took, and anything the user should know; or, for a file that could not be captioned, why.
 *
 * @param file the file
 * @param nBest the captions, best first; empty when it failed
 * @param attention per token of the best caption (its words, then {@code <end>} when it finished),
 *     the attention map over the image
 * @param timings where the time went
 * @param warnings plain sentences: damage, an image unlike the training data, an unsure caption
 * @param error why it failed, one sentence; null on success
 */
public record CaptionResult(
    Path file,
    List<Candidate> nBest,
    List<AttentionMap> attention,
    Timings timings,
    List<String> warnings,
    String error) {

  /**
   * One caption.
   *
   * @param words its words
   * @param logProbability log p of the whole caption, {@code <end>} included when it finished
   * @param wordLogProbabilities log p of each word, then of {@code <end>} when it finished
   * @param finished false when it stopped at the word limit
   */
  public record Candidate(
      List<String> words, double logProbability, double[] wordLogProbabilities, boolean finished) {
    public Candidate {
      words = List.copyOf(words);
      wordLogProbabilities = wordLogProbabilities.clone();
    }

    /** The words with single spaces, as coco-caption results hold them. */
    public String text() {
      return String.join(" ", words);
    }

    /** As a sentence for alt text: capitalised, with a full stop. */
    public String sentence() {
      String t = text();
      return t.isEmpty() ? "" : Character.toUpperCase(t.charAt(0)) + t.substring(1) + ".";
    }

    @Override
    public double[] wordLogProbabilities() {
      return wordLogProbabilities.clone();
    }
  }

  /**
   * Milliseconds spent on this file. Files encoded or decoded in one batch share the batch's time
   * equally.
   *
   * @param encodeMillis reading and decoding the image file and running the CNN
   * @param searchMillis the decoder's search for captions
   */
  public record Timings(double encodeMillis, double searchMillis) {
    public static final Timings NONE = new Timings(0, 0);
  }

  public CaptionResult {
    Objects.requireNonNull(file, "file");
    nBest = List.copyOf(nBest);
    attention = List.copyOf(attention);
    warnings = List.copyOf(warnings);
    if ((error == null) == nBest.isEmpty()) {
      throw new IllegalArgumentException("a result has captions or an error, not both");
    }
  }

  /** A file that could not be captioned. */
  public static CaptionResult failed(Path file, String error, Timings timings) {
    return new CaptionResult(file, List.of(), List.of(), timings, List.of(), error);
  }

  public boolean ok() {
    return error == null;
  }

  /** The best caption's text, or null when it failed. */
  public String caption() {
    return ok() ? nBest.get(0).text() : null;
  }

  /** The best caption's log-probability, NaN when it failed. */
  public double logProbability() {
    return ok() ? nBest.get(0).logProbability() : Double.NaN;
  }
}
