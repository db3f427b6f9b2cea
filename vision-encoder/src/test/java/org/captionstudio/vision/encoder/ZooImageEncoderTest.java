package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.vision.weights.WeightsStore;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zoo encoders load only real (or imported) weights, and lay their grid over the image. */
class ZooImageEncoderTest {
  @TempDir Path dir;

  @Test
  void withoutWeightsTheEncoderRefusesAndSaysHowToGetThem() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ZooImageEncoder.load(
                    ZooEncoder.RESNET50,
                    new WeightsStore(dir.resolve("dl4j")),
                    new WeightsImport(dir.resolve("home"))));

    assertEquals(
        "ResNet50 has no ImageNet weights on this machine, and an encoder is never used with random"
            + " weights: run `./captionstudio encoders download resnet50` (add --mirror DIR|URL when"
            + " offline) or import your own with `./captionstudio encoders import resnet50 FILE`.",
        e.getMessage());
  }

  @Test
  void importedWeightsEncodeAWideImageIntoA13By13GridOverItsCentre() throws Exception {
    Path saved = dir.resolve("squeezenet.zip");
    ModelSerializer.writeModel(ZooEncoder.SQUEEZENET.randomlyInitialised(), saved.toFile(), false);
    WeightsImport imports = new WeightsImport(dir.resolve("home"));
    imports.importFile(ZooEncoder.SQUEEZENET, saved);
    Path photo = dir.resolve("wide.png");
    ImageIO.write(new BufferedImage(454, 227, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

    try (ZooImageEncoder encoder =
        ZooImageEncoder.load(
            ZooEncoder.SQUEEZENET, new WeightsStore(dir.resolve("dl4j")), imports)) {
      EncodedImage encoded = encoder.encode(List.of(photo)).get(0);

      assertEquals(169, encoded.regionCount());
      assertEquals(169 * 512, encoded.regions().length);
      assertTrue(encoder.info().description().startsWith("SqueezeNet (imported weights)"));
      // 454x227 keeps its scale (shorter side already 227) and is cropped to x 113..340.
      double cell = 227 / 13.0;
      assertArrayEquals(
          new double[] {113, 0, cell, cell}, Arrays.copyOfRange(encoded.cellBoxes(), 0, 4), 1e-9);
      double[] last = Arrays.copyOfRange(encoded.cellBoxes(), 168 * 4, 169 * 4);
      assertEquals(340, last[0] + last[2], 1e-9);
      assertEquals(227, last[1] + last[3], 1e-9);
    }
  }
}
