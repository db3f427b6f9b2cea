package org.captionstudio.benchmarks.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * At toy sizes, the reference beam search decodes what ours decodes from the same weights and
 * features, and the benchmark's check notices when it does not.
 */
class DecodeLatencyTest {
  private static final long SEED = 20_250_612;
  private static final int IMAGES = 2;
  private static final int REGIONS = 7;
  private static final int BEAM = 3;
  private static final int STEPS = 6;

  /** Vocab=17 E=4 N=6 D=5 A=4. */
  private static TorchAttentionDecoder.Config tiny(int layers) {
    return new TorchAttentionDecoder.Config(17, 4, 6, 5, 4, layers, 0f, 4e-4f, 5, 0);
  }

  @ParameterizedTest(name = "layers {0}")
  @ValueSource(ints = {1, 2})
  void theReferenceFindsOurBestCaptionsFromTheSameWeights(int layers) {
    TorchAttentionDecoder.Config config = tiny(layers);
    Map<String, float[]> parameters = DecodeLatency.parameters(config, SEED + layers);

    String agreement = compare(config, parameters, parameters);

    assertTrue(agreement.startsWith("ours and the reference agree"), agreement);
    assertTrue(agreement.contains("every beam ran " + STEPS + " steps"), agreement);
  }

  @Test
  void theCheckFailsLoudlyWhenTheTwoSidesDecodeDifferentModels() {
    TorchAttentionDecoder.Config config = tiny(1);
    Map<String, float[]> ours = DecodeLatency.parameters(config, SEED);
    Map<String, float[]> other = DecodeLatency.parameters(config, SEED + 100);

    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> compare(config, ours, other));

    assertTrue(failure.getMessage().contains("disagree"), failure.getMessage());
  }

  @Test
  void theReferenceReturnsOneCaptionPerImageWithEachStepsAttention() {
    TorchAttentionDecoder.Config config = tiny(1);
    float[] features = DecodeLatency.features(SEED, IMAGES, REGIONS, config.featureSize());

    try (TorchAttentionDecoder decoder = new TorchAttentionDecoder(config, SEED)) {
      decoder.setParameters(DecodeLatency.parameters(config, SEED));
      TorchBeamSearch search = new TorchBeamSearch(decoder);
      try (TorchBeamSearch.Input input = search.upload(features, IMAGES, REGIONS)) {
        List<TorchBeamSearch.Caption> captions = search.decode(input, BEAM, STEPS);

        assertEquals(IMAGES, captions.size());
        for (TorchBeamSearch.Caption caption : captions) {
          assertEquals(STEPS, caption.words().length);
          assertEquals(STEPS, caption.attention().length);
          for (int word : caption.words()) {
            assertTrue(word > TorchBeamSearch.START, "a generated word, got " + word);
          }
          for (float[] alphas : caption.attention()) {
            double sum = 0;
            for (float alpha : alphas) {
              sum += alpha;
            }
            assertEquals(1, sum, 1e-5, "attention weights sum to one");
          }
        }
      }
    }
  }

  /**
   * {@link DecodeLatency#compare} with our side on {@code ours} and the reference on {@code ref}.
   */
  private static String compare(
      TorchAttentionDecoder.Config config, Map<String, float[]> ours, Map<String, float[]> ref) {
    float[] values = DecodeLatency.features(SEED, IMAGES, REGIONS, config.featureSize());
    INDArray features =
        Nd4j.create(values, new long[] {IMAGES, REGIONS, config.featureSize()}, 'c');
    DecoderConfig ourConfig = DecoderTrain.ourConfig(config);
    AttentionDecoder decoder = new AttentionDecoder(ourConfig);
    org.captionstudio.core.model.DecoderParameters ourParameters =
        DecoderTrain.ourParameters(ourConfig, ours);
    try (TorchAttentionDecoder reference = new TorchAttentionDecoder(config, SEED)) {
      reference.setParameters(ref);
      TorchBeamSearch search = new TorchBeamSearch(reference);
      try (TorchBeamSearch.Input input = search.upload(values, IMAGES, REGIONS)) {
        return DecodeLatency.compare(
            decoder,
            ourParameters,
            features,
            new BeamSearch(decoder, ourParameters),
            new BeamSearchConfig(BEAM, STEPS, 0.0, 1),
            search,
            input,
            BEAM,
            STEPS);
      }
    }
  }
}
