package org.captionstudio.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.model.DecoderState;
import org.captionstudio.core.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SamplerTest {
  private static final DecoderConfig CONFIG =
      new DecoderConfig(9, 4, 5, 3, 4, 1, CellType.LSTM, 0.0, 0.0);
  private final AttentionDecoder decoder = new AttentionDecoder(CONFIG);
  private final DecoderParameters params = BeamSearchTest.peaked(CONFIG, 5).castTo(DataType.DOUBLE);
  private final INDArray image = Nd4j.rand(DataType.DOUBLE, 1, 4, 3).muli(2);

  /** The model's first-word distribution for {@link #image}. */
  private double[] firstWordProbabilities() {
    DecoderState start = decoder.start(params, image);
    INDArray logP = decoder.step(params, start, new int[] {Vocabulary.START_ID}).logProbabilities();
    return Arrays.stream(logP.dup().data().asDouble()).map(Math::exp).toArray();
  }

  /** How often each word starts a caption, over {@code n} copies of the image in one batch. */
  private double[] firstWordFrequencies(int n, double temperature, int topK) {
    INDArray batch =
        Nd4j.concat(0, java.util.Collections.nCopies(n, image).toArray(INDArray[]::new));
    List<Hypothesis> samples =
        new Sampler(decoder, params).decode(batch, new SamplingConfig(temperature, topK, 1, 9));
    double[] freq = new double[CONFIG.vocabularySize()];
    for (Hypothesis h : samples) {
      int first = h.words().length > 0 ? h.words()[0] : Vocabulary.END_ID;
      freq[first] += 1.0 / n;
    }
    return freq;
  }

  @Test
  void samplesFollowTheModelsDistributionSharpenedByTheTemperature() {
    double[] p = firstWordProbabilities();
    int n = 6000;
    for (double temperature : new double[] {1.0, 0.5}) {
      double[] expected = new double[p.length];
      double total = 0;
      for (int w = 0; w < p.length; w++) {
        if (PathDecoder.generable(w)) {
          expected[w] = Math.pow(p[w], 1 / temperature);
          total += expected[w];
        }
      }
      double[] freq = firstWordFrequencies(n, temperature, 0);
      for (int w = 0; w < p.length; w++) {
        expected[w] /= total;
        // Five standard errors of a binomial share: fails for a wrong distribution, not by chance.
        double tolerance = 5 * Math.sqrt(expected[w] * (1 - expected[w]) / n) + 1e-9;
        assertEquals(expected[w], freq[w], tolerance, "T=" + temperature + " word " + w);
      }
    }
  }

  @Test
  void topKDrawsOnlyTheKMostProbableWords() {
    double[] p = firstWordProbabilities();
    Integer[] order = new Integer[p.length];
    for (int w = 0; w < p.length; w++) {
      order[w] = w;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    List<Integer> allowed = Arrays.stream(order).filter(PathDecoder::generable).limit(2).toList();
    double[] freq = firstWordFrequencies(2000, 3.0, 2);
    for (int w = 0; w < p.length; w++) {
      if (!allowed.contains(w)) {
        assertEquals(0.0, freq[w], "word " + w + " is outside the top 2 " + allowed);
      }
    }
    assertTrue(freq[allowed.get(0)] > 0 && freq[allowed.get(1)] > 0);
  }

  @Test
  void topOneIsGreedyAndTheLogProbabilitiesAreTheModels() {
    INDArray images = Nd4j.rand(DataType.DOUBLE, 4, 4, 3).muli(2);
    List<Hypothesis> greedy = new GreedyDecoder(decoder, params).decode(images, 7);
    List<Hypothesis> top1 =
        new Sampler(decoder, params).decode(images, new SamplingConfig(0.3, 1, 7, 4));
    for (int i = 0; i < greedy.size(); i++) {
      assertArrayEquals(greedy.get(i).words(), top1.get(i).words());
      assertEquals(greedy.get(i).logProbability(), top1.get(i).logProbability(), 1e-12);
    }
  }

  @Test
  void theSameSeedGivesTheSameCaptionsWhateverElseIsInTheBatch() {
    INDArray images = Nd4j.rand(DataType.DOUBLE, 6, 4, 3).muli(2);
    Sampler sampler = new Sampler(decoder, params);
    SamplingConfig config = new SamplingConfig(1.5, 0, 10, 77);
    List<Hypothesis> a = sampler.decode(images, config);
    List<Hypothesis> b = sampler.decode(images, config);
    List<Hypothesis> firstThree =
        sampler.decode(images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)), config);
    for (int i = 0; i < 6; i++) {
      assertArrayEquals(a.get(i).words(), b.get(i).words());
    }
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a.get(i).words(), firstThree.get(i).words());
    }
    List<Hypothesis> other = sampler.decode(images, new SamplingConfig(1.5, 0, 10, 78));
    assertNotEquals(
        a.stream().map(h -> Arrays.toString(h.words())).toList(),
        other.stream().map(h -> Arrays.toString(h.words())).toList());
  }
}
