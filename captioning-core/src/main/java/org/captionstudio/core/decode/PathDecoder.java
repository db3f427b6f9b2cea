package org.captionstudio.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.model.DecoderState;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decoding along one path per image, a word at a time, all images as one batch: the loop that
 * greedy decoding and sampling share. A row leaves the batch when it picks {@code <end>}.
 */
final class PathDecoder {
  private PathDecoder() {}

  /** Picks the next word of an image from its log-probabilities. */
  interface Choice {
    /**
     * @param image the image's index in the batch
     * @param logP log-probabilities of all rows, row-major
     * @param offset where this row's {@code vocabulary} values start
     * @return a word id, never {@code <pad>} or {@code <start>}
     */
    int choose(int image, double[] logP, int offset, int vocabulary);
  }

  /** Whether a word may be generated at all. */
  static boolean generable(int word) {
    return word != Vocabulary.PAD_ID && word != Vocabulary.START_ID;
  }

  /**
   * One caption per image of {@code features [I, L, D]}, at most {@code maxWords} words, each word
   * picked by {@code choice} from the model's log-probabilities.
   */
  static List<Hypothesis> decode(
      AttentionDecoder decoder,
      DecoderParameters parameters,
      INDArray features,
      int maxWords,
      Choice choice) {
    int images = (int) features.size(0);
    List<List<Integer>> words = new ArrayList<>();
    List<List<Double>> logProbs = new ArrayList<>();
    List<List<float[]>> attention = new ArrayList<>();
    boolean[] ended = new boolean[images];
    for (int i = 0; i < images; i++) {
      words.add(new ArrayList<>());
      logProbs.add(new ArrayList<>());
      attention.add(new ArrayList<>());
    }
    DecoderState state = decoder.start(parameters, features);
    int[] running = java.util.stream.IntStream.range(0, images).toArray();
    int[] previous = new int[images];
    Arrays.fill(previous, Vocabulary.START_ID);
    HostValues host = new HostValues();
    // At maxWords words the rows stop unfinished: no step is run whose output nobody reads.
    for (int step = 0; step < maxWords && running.length > 0; step++) {
      AttentionDecoder.StepResult result = decoder.step(parameters, state, previous);
      int v = (int) result.logProbabilities().size(1);
      double[] logP = host.doubles(result.logProbabilities());
      INDArray att = result.state().attention();
      int l = (int) att.size(1);
      float[] alpha = HostValues.floats(att);
      List<Integer> keepRows = new ArrayList<>();
      List<Integer> keepWords = new ArrayList<>();
      for (int r = 0; r < running.length; r++) {
        int image = running[r];
        int best = choice.choose(image, logP, r * v, v);
        logProbs.get(image).add(logP[r * v + best]);
        attention.get(image).add(Arrays.copyOfRange(alpha, r * l, (r + 1) * l));
        if (best == Vocabulary.END_ID) {
          ended[image] = true;
        } else {
          words.get(image).add(best);
          keepRows.add(r);
          keepWords.add(best);
        }
      }
      if (keepRows.isEmpty()) {
        break;
      }
      int[] rows = keepRows.stream().mapToInt(Integer::intValue).toArray();
      int[] nextRunning = new int[rows.length];
      for (int j = 0; j < rows.length; j++) {
        nextRunning[j] = running[rows[j]];
      }
      running = nextRunning;
      state = result.state().select(rows);
      previous = keepWords.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Hypothesis> out = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      double[] lp = logProbs.get(i).stream().mapToDouble(Double::doubleValue).toArray();
      out.add(
          new Hypothesis(
              words.get(i).stream().mapToInt(Integer::intValue).toArray(),
              lp,
              attention.get(i).toArray(float[][]::new),
              ended[i],
              Arrays.stream(lp).sum()));
    }
    return out;
  }
}
