package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.captionstudio.core.ModelLoadException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of a user's own weights, with models the test builds and saves. */
class WeightsImportTest {
  @TempDir Path dir;

  @Test
  void aSavedSqueezeNetGraphIsCheckedAndCopiedIntoPlace() throws Exception {
    Path saved = dir.resolve("my-squeezenet.zip");
    ComputationGraph graph = ZooEncoder.SQUEEZENET.randomlyInitialised();
    ModelSerializer.writeModel(graph, saved.toFile(), false);
    WeightsImport imports = new WeightsImport(dir.resolve("home"));

    Path imported = imports.importFile(ZooEncoder.SQUEEZENET, saved);

    assertEquals(dir.resolve("home/encoders/squeezenet/imported.zip"), imported);
    assertTrue(imports.has(ZooEncoder.SQUEEZENET));
    assertArrayEquals(Files.readAllBytes(saved), Files.readAllBytes(imported));
    assertFalse(imports.has(ZooEncoder.RESNET50));
  }

  @Test
  void aGraphOfAnotherArchitectureIsRefusedNamingTheMissingTap() throws Exception {
    Path saved = dir.resolve("darknet.zip");
    ModelSerializer.writeModel(ZooEncoder.DARKNET19.randomlyInitialised(), saved.toFile(), false);
    WeightsImport imports = new WeightsImport(dir.resolve("home"));

    ModelLoadException e =
        assertThrows(
            ModelLoadException.class, () -> imports.importFile(ZooEncoder.SQUEEZENET, saved));

    assertEquals(
        "darknet.zip has no vertex \"fire9\", where SqueezeNet features are read; is it a SqueezeNet?",
        e.getMessage());
    assertFalse(imports.has(ZooEncoder.SQUEEZENET));
  }

  @Test
  void aFileThatIsNotADl4jGraphIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("weights.zip"), "not a zip");
    WeightsImport imports = new WeightsImport(dir.resolve("home"));

    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> imports.importFile(ZooEncoder.RESNET50, text));

    assertEquals(
        "weights.zip is neither a DL4J ComputationGraph zip (as ModelSerializer writes one) nor a"
            + " Keras .h5 model.",
        e.getMessage());
    ModelLoadException missing =
        assertThrows(
            ModelLoadException.class,
            () -> imports.importFile(ZooEncoder.RESNET50, dir.resolve("gone.zip")));
    assertEquals("gone.zip does not exist.", missing.getMessage());
  }
}
