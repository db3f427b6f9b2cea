package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.captionstudio.vision.testing.TinyKerasModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EncodersCommandTest {
  private static final String CACHE_PROPERTY = "org.deeplearning4j.resources.directory";
  private static final String HOME_PROPERTY = "captionstudio.home";
  @TempDir Path dir;

  @BeforeEach
  void useATemporaryZooCacheAndHome() {
    System.setProperty(CACHE_PROPERTY, dir.resolve("dl4j").toString());
    System.setProperty(HOME_PROPERTY, dir.resolve("home").toString());
  }

  @AfterEach
  void restore() {
    System.clearProperty(CACHE_PROPERTY);
    System.clearProperty(HOME_PROPERTY);
  }

  @Test
  void anImportedGraphIsListedAsTheEncodersWeights() throws Exception {
    Path saved = dir.resolve("mine.zip");
    org.deeplearning4j.util.ModelSerializer.writeModel(
        org.deeplearning4j.zoo.model.SqueezeNet.builder().numClasses(1000).build().init(),
        saved.toFile(),
        false);

    CliRun imported = CliRun.of("encoders", "import", "squeezenet", saved.toString());
    CliRun listing = CliRun.of("encoders");

    assertEquals(ExitStatus.OK, imported.status(), imported.err());
    Path target = dir.resolve("home/encoders/squeezenet/imported.zip");
    assertEquals("squeezenet: imported to " + target, imported.out().strip());
    assertTrue(listing.out().contains("imported (" + target + ")"), listing.out());
  }

  @Test
  void aKerasH5IsImportedAndListedAsTheEncodersWeights() throws Exception {
    Path h5 = new TinyKerasModel(3).write(dir.resolve("mine.h5"), "Functional");

    CliRun imported = CliRun.of("encoders", "import", "squeezenet", h5.toString());
    CliRun listing = CliRun.of("encoders");

    assertEquals(ExitStatus.OK, imported.status(), imported.err());
    Path target = dir.resolve("home/encoders/squeezenet/imported.zip");
    assertEquals("squeezenet: imported to " + target, imported.out().strip());
    assertEquals("", imported.err());
    assertTrue(listing.out().contains("imported (" + target + ")"), listing.out());
    ComputationGraph graph = ModelSerializer.restoreComputationGraph(target.toFile(), false);
    assertArrayEquals(
        new long[] {1, 512, 13, 13},
        graph.output(List.of("fire9"), false, new INDArray[] {Nd4j.zeros(1, 3, 227, 227)}, null)[0]
            .shape());
  }

  @Test
  void aTruncatedH5IsOneLineOnStderrAndKeepsTheEarlierImport() throws Exception {
    Path h5 = new TinyKerasModel(3).write(dir.resolve("mine.h5"), "Functional");
    assertEquals(
        ExitStatus.OK, CliRun.of("encoders", "import", "squeezenet", h5.toString()).status());
    Path target = dir.resolve("home/encoders/squeezenet/imported.zip");
    byte[] before = Files.readAllBytes(target);
    byte[] whole = Files.readAllBytes(h5);
    Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, whole.length / 3));

    CliRun run = CliRun.of("encoders", "import", "squeezenet", cut.toString());

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(
        "cut.h5 has an HDF5 signature but cannot be opened, so it is truncated or damaged.",
        run.err().strip());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertArrayEquals(before, Files.readAllBytes(target));
  }

  @Test
  void theListingShowsEveryEncoderWithItsGridAndWeightStatus() throws Exception {
    Path squeezenet = dir.resolve("dl4j/models/squeezenet/squeezenet_dl4j_inference.v2.zip");
    Files.createDirectories(squeezenet.getParent());
    Files.write(squeezenet, new byte[] {1, 2, 3}); // not the zoo's file: its checksum fails

    CliRun run = CliRun.of("encoders");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    assertTrue(
        run.out()
            .contains(
                "resnet50    224px  2048x4x4    BGR, 0-255 minus ImageNet means    not downloaded"),
        run.out());
    assertTrue(run.out().contains("darknet19   224px  1024x7x7    RGB, scaled to 0-1"), run.out());
    assertTrue(
        run.out()
            .contains("squeezenet  227px  512x13x13   BGR, 0-255 minus ImageNet means    corrupt"),
        run.out());
    assertTrue(run.out().contains("Weights cache: " + dir.resolve("dl4j/models")), run.out());
  }

  @Test
  void downloadFromAMirrorFolderThatLacksTheFileIsOneSentence() throws Exception {
    Path mirror = Files.createDirectories(dir.resolve("mirror"));

    CliRun run = CliRun.of("encoders", "download", "resnet50", "--mirror", mirror.toString());

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertTrue(
        run.err()
            .startsWith("The mirror folder " + mirror + " has no resnet50_dl4j_inference.v3.zip"),
        run.err());
  }

  @Test
  void anUnknownEncoderIsNamed() {
    CliRun run = CliRun.of("encoders", "download", "alexnet");

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(
        "Unknown encoder 'alexnet': use vgg16, resnet50, squeezenet, darknet19 or all.",
        run.err().strip());
  }
}
