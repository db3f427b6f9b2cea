package org.captionstudio.benchmarks.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference is the decoder it claims to be: at toy sizes its loss is the equations' loss
 * written out in double precision, its first Adam step moves each weight against that loss's
 * finite-difference gradient, and training lowers the loss.
 */
class TorchAttentionDecoderTest {
  private static final long SEED = 20_250_611;

  /** B=3 T=5 E=4 N=6 L=7 D=5 A=4 Vocab=11. */
  private static TorchAttentionDecoder.Config tiny(
      int layers, float dropout, float learningRate, float clipNorm, float penalty) {
    return new TorchAttentionDecoder.Config(
        11, 4, 6, 5, 4, layers, dropout, learningRate, clipNorm, penalty);
  }

  private static DecoderBatch tinyBatch() {
    return DecoderBatch.synthetic(SEED, 3, 5, 7, 5, 11, 4.0);
  }

  @ParameterizedTest(name = "layers {0}, attention penalty {1}")
  @CsvSource({"1, 0", "2, 0", "1, 0.7", "2, 0.7"})
  void lossIsTheEquationsLossInDoublePrecision(int layers, float penalty) {
    TorchAttentionDecoder.Config config = tiny(layers, 0.5f, 4e-4f, 5, penalty);
    DecoderBatch batch = tinyBatch();
    Map<String, float[]> parameters = DecoderParameters.random(config, SEED + layers);

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      decoder.setParameters(parameters);
      double expected = PlainDecoder.loss(config, PlainDecoder.widen(parameters), batch);

      double actual = decoder.loss(batch);

      assertEquals(expected, actual, 1e-5 * expected, "loss");
      assertEquals(actual, decoder.loss(batch), 0, "loss changes nothing");
    }
  }

  @Test
  void theBatchHasPaddingSoThatMaskingIsTested() {
    DecoderBatch batch = tinyBatch();

    assertTrue(batch.validTokens() < batch.batchSize() * batch.steps(), batch.toString());
  }

  @Test
  void parametersComeBackInTheContractLayoutExactly() {
    TorchAttentionDecoder.Config config = tiny(2, 0.5f, 4e-4f, 5, 0);
    Map<String, float[]> parameters = DecoderParameters.random(config, SEED);

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, 1)) {
      decoder.setParameters(parameters);
      Map<String, float[]> back = decoder.parameters();

      assertEquals(parameters.keySet(), back.keySet());
      parameters.forEach((name, value) -> assertArrayEquals(value, back.get(name), 0f, name));
    }
  }

  @ParameterizedTest(name = "layers {0}, attention penalty {1}")
  @CsvSource({"1, 0", "2, 0.7"})
  void theFirstAdamStepMovesEveryWeightAgainstItsGradient(int layers, float penalty) {
    float learningRate = 1e-3f;
    // No dropout, so that the step's gradient is the gradient of the loss written out.
    TorchAttentionDecoder.Config config = tiny(layers, 0f, learningRate, 5, penalty);
    DecoderBatch batch = tinyBatch();
    Map<String, float[]> before = DecoderParameters.random(config, SEED + 1);
    Map<String, double[]> gradient =
        PlainDecoder.gradient(config, PlainDecoder.widen(before), batch);
    double norm = 0;
    for (double[] g : gradient.values()) {
      for (double value : g) {
        norm += value * value;
      }
    }
    norm = Math.sqrt(norm);

    Map<String, float[]> after;
    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      decoder.setParameters(before);
      decoder.trainStep(batch);
      after = decoder.parameters();
      assertEquals(norm, decoder.gradientNorm(), 1e-3 * norm, "global gradient norm");
    }

    // Adam's first step (DJL's form, ε' = ε / √(1 − β2)) is -lr · g / (|g| + ε'): -lr · sign(g)
    // wherever |g| >> ε' ≈ 3e-7, and nothing where g is 0 (words the batch never reads).
    double adamEpsilon = 1e-8 / Math.sqrt(1 - 0.999);
    int checked = 0;
    int total = 0;
    for (Map.Entry<String, double[]> entry : gradient.entrySet()) {
      String name = entry.getKey();
      double[] g = entry.getValue();
      for (int i = 0; i < g.length; i++) {
        total++;
        double moved = (double) after.get(name)[i] - before.get(name)[i];
        if (g[i] == 0) {
          assertEquals(0, moved, 0, name + "[" + i + "] has no gradient");
        } else if (Math.abs(g[i]) > 1e-6) {
          checked++;
          assertEquals(
              -learningRate * g[i] / (Math.abs(g[i]) + adamEpsilon),
              moved,
              0.01 * learningRate,
              name + "[" + i + "] with gradient " + g[i]);
        }
      }
    }
    assertTrue(checked > 0.8 * total, "checked " + checked + " of " + total + " values");
  }

  @Test
  void clippingScalesTheGradientsDownToTheThreshold() {
    // Adam divides the clipped gradient by its own size, so a first step hides a moderate clip;
    // clipped far below Adam's ε the step all but vanishes.
    float learningRate = 1e-3f;
    TorchAttentionDecoder.Config config = tiny(1, 0f, learningRate, 1e-9f, 0);
    DecoderBatch batch = tinyBatch();
    Map<String, float[]> before = DecoderParameters.random(config, SEED);

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      decoder.setParameters(before);
      decoder.trainStep(batch);
      Map<String, float[]> after = decoder.parameters();

      assertTrue(decoder.gradientNorm() > 1e-3, "the norm before clipping");
      before.forEach(
          (name, value) -> {
            for (int i = 0; i < value.length; i++) {
              assertEquals(value[i], after.get(name)[i], 0.01 * learningRate, name);
            }
          });
    }
  }

  @Test
  void aTrainingStepReturnsTheLossBeforeItsUpdate() {
    TorchAttentionDecoder.Config config = tiny(1, 0f, 1e-2f, 5, 0);
    DecoderBatch batch = tinyBatch();

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      float before = decoder.loss(batch);

      float returned = decoder.trainStep(batch);

      assertEquals(before, returned, 1e-6 * before);
      assertNotEquals(before, decoder.loss(batch), "the step changed the parameters");
    }
  }

  @Test
  void tenTrainingStepsWithDropoutLowerTheLossOnTheBatch() {
    TorchAttentionDecoder.Config config = tiny(1, 0.5f, 1e-2f, 5, 0);
    DecoderBatch batch = tinyBatch();

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED);
        TorchAttentionDecoder.Batch uploaded = decoder.upload(batch)) {
      float before = decoder.loss(uploaded);
      for (int step = 0; step < 10; step++) {
        decoder.trainStep(uploaded);
      }
      float after = decoder.loss(uploaded);

      assertTrue(after < 0.9 * before, "loss " + before + " -> " + after);
    }
  }

  @Test
  void parametersOfAnotherShapeAreRefusedByName() {
    TorchAttentionDecoder.Config config = tiny(1, 0.5f, 4e-4f, 5, 0);
    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      Map<String, float[]> missing = new HashMap<>(DecoderParameters.random(config, SEED));
      missing.remove("att.wa");
      Map<String, float[]> wrongSize = new HashMap<>(DecoderParameters.random(config, SEED));
      wrongSize.put("layer0.Wx", new float[3]);
      Map<String, float[]> unknown = new HashMap<>(DecoderParameters.random(config, SEED));
      unknown.put("layer1.Wx", new float[4 * 6 * 6]);

      assertEquals(
          "parameter att.wa is missing",
          assertThrows(IllegalArgumentException.class, () -> decoder.setParameters(missing))
              .getMessage());
      assertTrue(
          assertThrows(IllegalArgumentException.class, () -> decoder.setParameters(wrongSize))
              .getMessage()
              .startsWith("parameter layer0.Wx must hold 96 values for shape [4, 24], got 3"));
      assertTrue(
          assertThrows(IllegalArgumentException.class, () -> decoder.setParameters(unknown))
              .getMessage()
              .startsWith("parameter layer1.Wx is not one of"));
    }
  }

  @Test
  void wordIdsOutsideTheVocabularyAreRefused() {
    TorchAttentionDecoder.Config config = tiny(1, 0.5f, 4e-4f, 5, 0);
    DecoderBatch batch =
        new DecoderBatch(
            1, 2, 7, 5, new float[7 * 5], new int[] {1, 11}, new int[] {11, 2}, new int[] {2});

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> decoder.loss(batch));
      assertTrue(e.getMessage().contains("ids must be in [0, 11)"), e.getMessage());
    }
  }
}
