package org.captionstudio.benchmarks.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoderParametersTest {

  @Test
  void theHeadlineShapesFollowTheContract() {
    Map<String, int[]> shapes = DecoderParameters.shapes(TorchAttentionDecoder.Config.defaults());

    assertEquals(
        List.of(
            "embedding",
            "init0.hW",
            "init0.hb",
            "init0.cW",
            "init0.cb",
            "layer0.Wx",
            "layer0.Wh",
            "layer0.b",
            "att.Wv",
            "att.bv",
            "att.Wg",
            "att.wa",
            "out.Wo",
            "out.bo",
            "out.Wp",
            "out.bp"),
        List.copyOf(shapes.keySet()));
    assertArrayEquals(new int[] {10000, 256}, shapes.get("embedding"));
    assertArrayEquals(new int[] {512, 512}, shapes.get("init0.hW"));
    assertArrayEquals(new int[] {256, 2048}, shapes.get("layer0.Wx"));
    assertArrayEquals(new int[] {512, 2048}, shapes.get("layer0.Wh"));
    assertArrayEquals(new int[] {2048}, shapes.get("layer0.b"));
    assertArrayEquals(new int[] {512}, shapes.get("att.wa"));
    assertArrayEquals(new int[] {1024, 512}, shapes.get("out.Wo"));
    assertArrayEquals(new int[] {512, 10000}, shapes.get("out.Wp"));
  }

  @Test
  void aSecondLayerReadsTheFirstLayersState() {
    TorchAttentionDecoder.Config config =
        new TorchAttentionDecoder.Config(11, 4, 6, 5, 4, 2, 0.5f, 4e-4f, 5, 0);

    Map<String, int[]> shapes = DecoderParameters.shapes(config);

    assertArrayEquals(new int[] {4, 24}, shapes.get("layer0.Wx"));
    assertArrayEquals(new int[] {6, 24}, shapes.get("layer1.Wx"));
    assertArrayEquals(new int[] {5, 6}, shapes.get("init1.cW"));
  }

  @Test
  void randomParametersAreSeededAndScaledAsPyTorchScalesThem() {
    TorchAttentionDecoder.Config config = TorchAttentionDecoder.Config.defaults();

    Map<String, float[]> first = DecoderParameters.random(config, 3);

    assertArrayEquals(first.get("out.Wp"), DecoderParameters.random(config, 3).get("out.Wp"));
    assertNotEquals(first.get("out.Wp")[0], DecoderParameters.random(config, 4).get("out.Wp")[0]);
    assertEquals(1 / Math.sqrt(512), maxAbs(first.get("layer0.Wx")), 1e-4);
    assertEquals(1 / Math.sqrt(512), maxAbs(first.get("layer0.b")), 1e-3);
    assertEquals(1 / Math.sqrt(1024), maxAbs(first.get("out.Wo")), 1e-4);
    assertEquals(1 / Math.sqrt(1024), maxAbs(first.get("out.bo")), 2e-3);
    assertEquals(1 / Math.sqrt(512), maxAbs(first.get("att.wa")), 2e-3);
    assertEquals(1, standardDeviation(first.get("embedding")), 0.01);
  }

  private static double maxAbs(float[] values) {
    double max = 0;
    for (float value : values) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }

  private static double standardDeviation(float[] values) {
    double sum = 0;
    double squares = 0;
    for (float value : values) {
      sum += value;
      squares += (double) value * value;
    }
    double mean = sum / values.length;
    return Math.sqrt(squares / values.length - mean * mean);
  }
}
