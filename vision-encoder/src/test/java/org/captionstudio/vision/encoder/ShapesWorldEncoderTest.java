package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.vision.shapes.CellLabels;
import org.captionstudio.vision.shapes.ShapesGroundTruth;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pretraining at small scale (400 images, 60 steps) and the frozen encoder it writes. */
class ShapesWorldEncoderTest {
  @TempDir static Path dir;
  private static Path dataset;
  private static Path encoderFile;
  private static EncoderPretraining.Report report;

  @BeforeAll
  static void pretrainOnATinyShapesWorld() throws Exception {
    dataset = dir.resolve("shapes");
    ShapesWorld.generate(
        new SynthConfig(400, 0, 11, 128, 0.0, 0.2), dataset, ProgressListener.NONE);
    encoderFile = dir.resolve("encoder.zip");
    report =
        EncoderPretraining.run(
            dataset,
            encoderFile,
            new PretrainConfig(6, 32, 2e-3, 64, 5, 0),
            ProgressListener.NONE,
            Cancellation.none());
  }

  @Test
  void pretrainingLearnsTheCellAttributes() throws Exception {
    ShapesGroundTruth truth =
        ShapesGroundTruth.read(dataset.resolve("annotations/groundtruth.json"));
    List<EncoderPretraining.Sample> train =
        EncoderPretraining.load(dataset, "train", truth, ProgressListener.NONE);
    ComputationGraph untrained = ShapesWorldNet.build(128, 64, CellLabels.CHANNELS, 5, 2e-3);
    AttributeAccuracy before = EncoderPretraining.evaluate(untrained, train, 128, 8, 32);
    AttributeAccuracy after =
        EncoderPretraining.evaluate(ShapesEncoderFile.read(encoderFile).graph(), train, 128, 8, 32);

    // Colour is the easiest attribute: from chance (1 in 8) to right in most cells after 60
    // steps (0.66 measured); full-size pretraining reaches about 0.97 on the test split.
    assertTrue(before.colour() < 0.3, "untrained colour accuracy " + before.colour());
    assertTrue(after.colour() > 0.45, "trained colour accuracy " + after.colour());
    assertTrue(after.occupancy() > before.occupancy(), before + " -> " + after);
  }

  @Test
  void theFileRecordsItsGridAndTestAccuracy() {
    ShapesEncoderCard card = report.card();

    assertEquals(128, card.inputSize());
    assertEquals(8, card.gridHeight());
    assertEquals(64, card.featureDim());
    assertEquals(320, card.trainImages());
    assertEquals(6, card.epochs());
    assertEquals(80L * 64, card.test().cells());
    assertTrue(card.test().occupancy() >= 0 && card.test().occupancy() <= 1);
  }

  @Test
  void theEncoderGivesOneFeatureVectorPerCellWithItsBox() throws Exception {
    Path image;
    try (Stream<Path> files = Files.list(dataset.resolve("images/test"))) {
      image = files.sorted().findFirst().orElseThrow();
    }
    try (ShapesWorldEncoder encoder = ShapesWorldEncoder.load(encoderFile)) {
      List<EncodedImage> encoded = encoder.encode(List.of(image, image));

      assertEquals(64, encoder.info().regions());
      assertEquals(2, encoded.size());
      assertEquals(64 * 64, encoded.get(0).regions().length);
      assertArrayEquals(encoded.get(0).regions(), encoded.get(1).regions(), 1e-5f);
      // A 128 px image on an 8x8 grid: cell (1, 2) covers x 32..48, y 16..32.
      double[] boxes = encoded.get(0).cellBoxes();
      int cell = (1 * 8 + 2) * 4;
      assertArrayEquals(
          new double[] {32, 16, 16, 16}, java.util.Arrays.copyOfRange(boxes, cell, cell + 4), 1e-9);
      assertTrue(encoded.get(0).warnings().isEmpty());
    }
  }

  @Test
  void brokenEncoderFilesAreRefusedInOneSentence() throws Exception {
    Path notZip = Files.writeString(dir.resolve("text.zip"), "hello");
    assertRefused(notZip, "text.zip is not a ShapesWorld encoder: it lacks encoder.json.");

    Path stranger = dir.resolve("stranger.zip");
    try (OutputStream out = Files.newOutputStream(stranger);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("../../etc/passwd"));
      zip.write(1);
      zip.closeEntry();
    }
    assertRefused(
        stranger,
        "stranger.zip is not a ShapesWorld encoder: it holds an unexpected entry \"../../etc/passwd\".");

    Path wrongVersion = dir.resolve("v9.zip");
    try (OutputStream out = Files.newOutputStream(wrongVersion);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("encoder.json"));
      zip.write("{\"format\": 1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("graph.bin"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    assertRefused(wrongVersion, "v9.zip: encoder.json is not a valid encoder card.");

    assertRefused(dir.resolve("missing.zip"), "missing.zip does not exist.");
  }

  private static void assertRefused(Path file, String message) {
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ShapesWorldEncoder.load(file));
    assertEquals(message, e.getMessage());
  }
}
