package org.captionstudio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences in double precision against the written-out backward pass, on every
 * parameter tensor, with variable caption lengths (so masks matter) and repeated words (so the
 * embedding gradient must add up); for images and, with the temporal encoder, for video clips (so
 * the gradient must reach the encoder through the attention, the context and the initial state).
 */
class GradientCheckTest {
  /**
   * The step of the five-point stencil: its truncation error is O(h⁴) ≈ 1e-12 and its rounding
   * error ≈ 1e-16 / h, so gradients down to ~1e-7 are checked to five digits.
   */
  private static final double EPSILON = 1e-3;

  private static final double MAX_RELATIVE_ERROR = 1e-6;

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of(CellType.LSTM, 1, 0.0, 0.0, false),
        Arguments.of(CellType.LSTM, 2, 0.3, 0.0, false),
        Arguments.of(CellType.LSTM, 1, 0.0, 0.7, false),
        Arguments.of(CellType.GRU, 1, 0.0, 0.0, false),
        Arguments.of(CellType.GRU, 2, 0.3, 0.5, false),
        Arguments.of(CellType.LSTM, 1, 0.0, 0.0, true),
        Arguments.of(CellType.LSTM, 2, 0.3, 0.5, true),
        Arguments.of(CellType.GRU, 1, 0.3, 0.0, true),
        Arguments.of(CellType.GRU, 2, 0.0, 0.7, true));
  }

  @ParameterizedTest(
      name = "{0}, {1} layer(s), dropout {2}, attention regulariser {3}, temporal encoder {4}")
  @MethodSource("configurations")
  void analyticGradientMatchesFiniteDifferencesOnEveryTensor(
      CellType cell, int layers, double dropout, double lambda, boolean temporal) {
    DecoderConfig config =
        new DecoderConfig(13, 5, 6, 4, 5, layers, cell, dropout, lambda, temporal);
    DecoderParameters p = DecoderParameters.initialized(config, DataType.DOUBLE, 7);
    // Biases start at zero; perturb everything so no derivative is trivially zero.
    SplittableRandom random = new SplittableRandom(3);
    INDArray flat = p.flat();
    for (long i = 0; i < flat.length(); i++) {
      flat.putScalar(i, flat.getDouble(i) + 0.3 * (random.nextDouble() - 0.5));
    }
    DecoderBatch batch = toyBatch(config, DataType.DOUBLE);
    AttentionDecoder decoder = new AttentionDecoder(config);
    DecoderParameters grad = p.zerosLike();
    long seed = 11;
    AttentionDecoder.Loss loss = decoder.lossAndGradient(p, batch, grad, seed);
    assertTrue(loss.loss() > 0 && Double.isFinite(loss.loss()), "loss " + loss.loss());
    assertEquals(batch.steps(), loss.hiddenGradientNorms().length);

    List<String> names = p.tensors().stream().map(DecoderParameters.Tensor::name).toList();
    assertEquals(temporal, names.contains(ParameterNames.TEMPORAL_WX), names.toString());
    assertEquals(temporal, names.contains(ParameterNames.TEMPORAL_WH), names.toString());
    assertEquals(temporal, names.contains(ParameterNames.TEMPORAL_B), names.toString());
    assertEquals(!temporal, names.contains(ParameterNames.initHiddenWeight(0)), names.toString());

    List<String> failures = new ArrayList<>();
    for (DecoderParameters.Tensor t : p.tensors()) {
      INDArray view = p.get(t.name());
      INDArray g = grad.get(t.name());
      long length = view.length();
      SplittableRandom pick = new SplittableRandom(t.name().hashCode());
      int checks = (int) Math.min(length, 10);
      double maxError = 0;
      for (int c = 0; c < checks; c++) {
        long i = length <= 10 ? c : pick.nextLong(length);
        INDArray flatView = view.reshape(length);
        double original = flatView.getDouble(i);
        double[] f = new double[4];
        double[] shifts = {2, 1, -1, -2};
        for (int s = 0; s < 4; s++) {
          flatView.putScalar(i, original + shifts[s] * EPSILON);
          f[s] = decoder.trainingLoss(p, batch, seed).loss();
        }
        flatView.putScalar(i, original);
        double numeric = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * EPSILON);
        double analytic = g.reshape(length).getDouble(i);
        double error =
            Math.abs(numeric - analytic) / Math.max(1e-7, Math.abs(numeric) + Math.abs(analytic));
        maxError = Math.max(maxError, error);
        // Below 1e-10 the difference is rounding in the loss (an unused word's embedding row).
        if (error > MAX_RELATIVE_ERROR && Math.abs(numeric - analytic) > 1e-10) {
          failures.add(t.name() + "[" + i + "]: analytic " + analytic + ", numeric " + numeric);
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * Five captions of lengths 4, 1, 6, 2, 4 words with repeated words; one image (or clip of three
   * frames) twice.
   */
  static DecoderBatch toyBatch(DecoderConfig config, DataType type) {
    SplittableRandom random = new SplittableRandom(5);
    int rows = 5;
    int regions = 3;
    INDArray features =
        org.nd4j.linalg.factory.Nd4j.rand(type, rows, regions, config.featureSize())
            .subi(0.5)
            .muli(2);
    features
        .get(org.nd4j.linalg.indexing.NDArrayIndex.point(4))
        .assign(features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)));
    int[][] words = {{4, 5, 4, 6}, {7}, {8, 9, 4, 4, 10, 11}, {12, 5}, {6, 6, 7, 9}};
    List<int[]> captions = new ArrayList<>();
    for (int[] w : words) {
      captions.add(w);
    }
    random.nextInt();
    return DecoderBatch.of(features, captions, 5);
  }
}
