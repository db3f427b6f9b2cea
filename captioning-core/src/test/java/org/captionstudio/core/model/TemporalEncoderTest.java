package org.captionstudio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The temporal encoder against an LSTM written out in plain Java: the decoder attends over its
 * outputs frame by frame and starts from its final state, each clip on its own whatever the batch.
 */
class TemporalEncoderTest {
  private static final int FRAMES = 4;

  private static DecoderParameters parameters(DecoderConfig config) {
    DecoderParameters p = DecoderParameters.initialized(config, DataType.DOUBLE, 3);
    SplittableRandom random = new SplittableRandom(8);
    INDArray flat = p.flat();
    for (long i = 0; i < flat.length(); i++) {
      flat.putScalar(i, flat.getDouble(i) + 0.4 * (random.nextDouble() - 0.5));
    }
    return p;
  }

  private static INDArray clips(int count, int featureSize) {
    INDArray clips = Nd4j.create(DataType.DOUBLE, count, FRAMES, featureSize);
    SplittableRandom random = new SplittableRandom(2);
    for (long i = 0; i < clips.length(); i++) {
      clips.reshape(clips.length()).putScalar(i, 2 * random.nextDouble() - 1);
    }
    return clips;
  }

  @Test
  void theDecoderReadsAnLstmRunOverTheFramesInOrder() {
    DecoderConfig config = new DecoderConfig(9, 4, 5, 3, 4, 1, CellType.LSTM, 0.0, 0.0, true);
    DecoderParameters p = parameters(config);
    INDArray clips = clips(3, 3);
    DecoderState state = new AttentionDecoder(config).start(p, clips);
    assertEquals(FRAMES, state.regions());
    for (int r = 0; r < 3; r++) {
      double[][][] expected = lstm(p, clips.get(NDArrayIndex.point(r)).dup(), 5);
      for (int t = 0; t < FRAMES; t++) {
        for (int j = 0; j < 5; j++) {
          assertEquals(expected[0][t][j], state.regions.getDouble(r, t, j), 1e-12, "h_" + t);
        }
      }
      for (int j = 0; j < 5; j++) {
        assertEquals(expected[0][FRAMES - 1][j], state.hidden[0].getDouble(r, j), 1e-12, "h_F");
        assertEquals(expected[1][FRAMES - 1][j], state.cell[0].getDouble(r, j), 1e-12, "c_F");
      }
    }
    // The same frames in reverse order are another clip.
    INDArray reversed = clips.dup();
    for (int t = 0; t < FRAMES; t++) {
      reversed
          .get(NDArrayIndex.all(), NDArrayIndex.point(t))
          .assign(clips.get(NDArrayIndex.all(), NDArrayIndex.point(FRAMES - 1 - t)));
    }
    DecoderState backwards = new AttentionDecoder(config).start(p, reversed);
    assertNotEquals(
        state.hidden[0].getDouble(0, 0), backwards.hidden[0].getDouble(0, 0), 1e-6, "h_F");
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void aBatchScoresEachClipAsItWouldAlone(CellType cell) {
    // Captions from short to long: the batch reorders its rows, and the clips must follow.
    DecoderConfig config = new DecoderConfig(9, 4, 5, 3, 4, 2, cell, 0.0, 0.2, true);
    DecoderParameters p = parameters(config);
    INDArray clips = clips(3, 3);
    List<int[]> captions = List.of(new int[] {4}, new int[] {5, 6, 4}, new int[] {7, 8, 5, 6, 4});
    AttentionDecoder decoder = new AttentionDecoder(config);
    DecoderBatch batch = DecoderBatch.of(clips, captions, 10);
    AttentionDecoder.Loss all = decoder.loss(p, batch);
    double nll = 0;
    double regularizer = 0;
    for (int r = 0; r < 3; r++) {
      DecoderBatch one =
          DecoderBatch.of(
              clips.get(NDArrayIndex.interval(r, r + 1)).dup(), List.of(captions.get(r)), 10);
      AttentionDecoder.Loss alone = decoder.loss(p, one);
      nll += alone.crossEntropy() * alone.tokens();
      regularizer += alone.regularization();
    }
    assertEquals(nll, all.crossEntropy() * all.tokens(), 1e-10);
    assertEquals(regularizer, all.regularization() * 3, 1e-10);
  }

  /** {h_t} and {c_t} of one clip {@code [F, D]} from zero state, gates i, f, g, o. */
  private static double[][][] lstm(DecoderParameters p, INDArray frames, int n) {
    INDArray wx = p.get(ParameterNames.TEMPORAL_WX);
    INDArray wh = p.get(ParameterNames.TEMPORAL_WH);
    INDArray b = p.get(ParameterNames.TEMPORAL_B);
    int d = (int) frames.size(1);
    double[] h = new double[n];
    double[] c = new double[n];
    double[][][] out = new double[2][FRAMES][];
    for (int t = 0; t < FRAMES; t++) {
      double[] z = new double[4 * n];
      for (int j = 0; j < 4 * n; j++) {
        z[j] = b.getDouble(j);
        for (int i = 0; i < d; i++) {
          z[j] += frames.getDouble(t, i) * wx.getDouble(i, j);
        }
        for (int i = 0; i < n; i++) {
          z[j] += h[i] * wh.getDouble(i, j);
        }
      }
      double[] hNew = new double[n];
      for (int j = 0; j < n; j++) {
        double in = sigmoid(z[j]);
        double forget = sigmoid(z[n + j]);
        double g = Math.tanh(z[2 * n + j]);
        double o = sigmoid(z[3 * n + j]);
        c[j] = forget * c[j] + in * g;
        hNew[j] = o * Math.tanh(c[j]);
      }
      h = hNew;
      out[0][t] = h.clone();
      out[1][t] = c.clone();
    }
    return out;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
