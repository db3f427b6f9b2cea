package org.captionstudio.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.model.DecoderState;
import org.captionstudio.core.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BeamSearchTest {
  /** Four special tokens and three words: small enough to enumerate every caption. */
  private static final DecoderConfig CONFIG =
      new DecoderConfig(7, 4, 5, 3, 4, 1, CellType.LSTM, 0.0, 0.0);

  private final AttentionDecoder decoder = new AttentionDecoder(CONFIG);
  private final DecoderParameters params = peaked(CONFIG, 21);
  private final INDArray features = Nd4j.rand(DataType.DOUBLE, 3, 4, 3).muli(2);

  /** Larger weights than the initialiser's so that the model prefers some words strongly. */
  static DecoderParameters peaked(DecoderConfig config, long seed) {
    DecoderParameters p = DecoderParameters.initialized(config, DataType.DOUBLE, seed);
    p.flat().muli(4);
    return p;
  }

  @Test
  void beamOfOneMatchesGreedy() {
    List<Hypothesis> greedy = new GreedyDecoder(decoder, params).decode(features, 6);
    List<List<Hypothesis>> beam =
        new BeamSearch(decoder, params).decode(features, new BeamSearchConfig(1, 6, 0.0, 1));
    for (int i = 0; i < greedy.size(); i++) {
      assertArrayEquals(greedy.get(i).words(), beam.get(i).get(0).words(), "image " + i);
      assertEquals(greedy.get(i).logProbability(), beam.get(i).get(0).logProbability(), 1e-12);
    }
  }

  @Test
  void aWideBeamFindsTheExhaustiveBest() {
    int maxWords = 3;
    List<List<Hypothesis>> beam =
        new BeamSearch(decoder, params)
            .decode(features, new BeamSearchConfig(80, maxWords, 0.0, 5));
    for (int image = 0; image < 3; image++) {
      List<double[]> all = new ArrayList<>(); // {score, finished, words...}
      enumerate(image, new int[0], maxWords, all);
      // Finished captions first, then those cut at the word limit; each by log-probability.
      all.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(b[0], a[0]));
      List<Hypothesis> found = beam.get(image);
      assertEquals(5, found.size());
      for (int r = 0; r < 5; r++) {
        double[] expected = all.get(r);
        int[] words = Arrays.stream(expected, 2, expected.length).mapToInt(x -> (int) x).toArray();
        assertArrayEquals(words, found.get(r).words(), "image " + image + " rank " + r);
        assertEquals(expected[0], found.get(r).logProbability(), 1e-9);
      }
    }
  }

  @Test
  void aCaptionCutAtTheWordLimitNeverOutranksAFinishedOne() {
    // Two words are too few for most captions here: the cut ones have the higher log-probability
    // (fewer factors), but a complete caption is what a user wants first.
    List<List<Hypothesis>> beam =
        new BeamSearch(decoder, params).decode(features, new BeamSearchConfig(6, 2, 0.0, 6));
    for (List<Hypothesis> n : beam) {
      boolean seenUnfinished = false;
      for (Hypothesis h : n) {
        assertTrue(h.finished() || h.words().length == 2, h.toString());
        seenUnfinished |= !h.finished();
        assertTrue(!(seenUnfinished && h.finished()), "finished after unfinished: " + n);
      }
    }
  }

  @Test
  void theNBestListIsSortedAndDistinct() {
    List<List<Hypothesis>> beam =
        new BeamSearch(decoder, params).decode(features, new BeamSearchConfig(6, 8, 0.7, 6));
    for (List<Hypothesis> n : beam) {
      assertEquals(6, n.size());
      for (int r = 1; r < n.size(); r++) {
        if (n.get(r - 1).finished() == n.get(r).finished()) {
          assertTrue(n.get(r - 1).score() >= n.get(r).score(), "sorted by score");
        } else {
          assertTrue(n.get(r - 1).finished(), "finished captions first");
        }
        for (int q = 0; q < r; q++) {
          assertNotEquals(Arrays.toString(n.get(q).words()), Arrays.toString(n.get(r).words()));
        }
      }
    }
  }

  @Test
  void aReportedLogProbabilityIsTheTeacherForcedLikelihood() {
    List<List<Hypothesis>> beam =
        new BeamSearch(decoder, params).decode(features, new BeamSearchConfig(4, 8, 0.0, 3));
    for (int image = 0; image < 3; image++) {
      for (Hypothesis h : beam.get(image)) {
        if (!h.finished()) {
          continue;
        }
        INDArray one =
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(image, image + 1));
        DecoderBatch batch = DecoderBatch.of(one, List.of(h.words()), 100);
        double nll = decoder.loss(params, batch).crossEntropy() * batch.tokens();
        assertEquals(-nll, h.logProbability(), 1e-9, "image " + image + " " + h);
      }
    }
  }

  /** Scores every caption of up to maxWords words (finished, or cut at maxWords) by stepping. */
  private void enumerate(int image, int[] prefix, int maxWords, List<double[]> out) {
    INDArray one = features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(image, image + 1));
    DecoderState state = decoder.start(params, one);
    double logP = 0;
    int previous = Vocabulary.START_ID;
    for (int word : prefix) {
      AttentionDecoder.StepResult r = decoder.step(params, state, new int[] {previous});
      logP += r.logProbabilities().getDouble(0, word);
      state = r.state();
      previous = word;
    }
    if (prefix.length == maxWords) {
      out.add(entry(logP, false, prefix));
      return;
    }
    AttentionDecoder.StepResult r = decoder.step(params, state, new int[] {previous});
    out.add(entry(logP + r.logProbabilities().getDouble(0, Vocabulary.END_ID), true, prefix));
    for (int w = Vocabulary.UNK_ID; w < CONFIG.vocabularySize(); w++) {
      int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
      longer[prefix.length] = w;
      enumerate(image, longer, maxWords, out);
    }
  }

  private static double[] entry(double score, boolean finished, int[] words) {
    double[] e = new double[words.length + 2];
    e[0] = score;
    e[1] = finished ? 1 : 0;
    for (int i = 0; i < words.length; i++) {
      e[i + 2] = words[i];
    }
    return e;
  }
}
