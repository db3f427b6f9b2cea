package org.captionstudio.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bundles written by earlier versions keep loading, and keep captioning the same way. The files
 * under {@code src/test/resources/bundles} were written once and are never regenerated: if this
 * test fails, the change broke users' model files.
 */
class OldBundlesTest {

  @Test
  void theFirstFormatVersionLoadsAndDecodesAsItDidWhenItWasWritten() throws Exception {
    ModelBundle b =
        ModelBundle.read(Path.of(OldBundlesTest.class.getResource("/bundles/v1-lstm.zip").toURI()));
    DecoderConfig config = b.manifest().decoder();
    assertEquals(new DecoderConfig(14, 8, 12, 5, 6, 1, CellType.LSTM, 0.3, 0), config);
    assertEquals(1, b.manifest().version());
    assertEquals("toy-grid", b.manifest().encoder().id());
    assertEquals(2, b.manifest().encoder().gridHeight());
    assertEquals("7", b.manifest().provenance().get("seed"));
    assertEquals(0.25, b.manifest().metrics().get("val.CIDEr"));
    assertNull(b.manifest().domain(), "written before domain profiles existed");
    assertEquals(
        List.of("<pad>", "<start>", "<end>", "<unk>", "a"), b.vocabulary().tokens().subList(0, 5));
    assertEquals(-7.375175476074219, b.parameters().flat().sumNumber().doubleValue(), 1e-5);

    float[] features = new float[4 * 5];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) Math.sin(i + 1);
    }
    List<Hypothesis> best =
        new BeamSearch(new AttentionDecoder(config), b.parameters())
            .decode(
                Nd4j.createFromArray(features).reshape(1, 4, 5), new BeamSearchConfig(3, 6, 0, 3))
            .get(0);
    assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10}, best.get(0).words());
    assertArrayEquals(new int[] {5, 10, 10, 10, 10, 10}, best.get(1).words());
    assertArrayEquals(new int[] {7, 10, 10, 10, 10, 10}, best.get(2).words());
    assertEquals(-14.472253322601318, best.get(0).logProbability(), 1e-4);
    assertEquals(-14.619457006454468, best.get(1).logProbability(), 1e-4);
    assertEquals(-14.62680983543396, best.get(2).logProbability(), 1e-4);
  }
}
