package org.captionstudio.vision.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real photographs (Debian's python3-skimage data: astronaut, coffee, chelsea), fetched by {@code
 * .ci/run}. They are lossless PNGs, so OpenCV's decode must equal Java's own pixel for pixel.
 */
class RealPhotoTest {
  private static final Path PHOTOS =
      Path.of(System.getProperty("captionstudio.testPhotos", ".ci/testdata/photos"));

  @ParameterizedTest(name = "{0}")
  @CsvSource({"astronaut.png, 512, 512", "coffee.png, 600, 400", "chelsea.png, 451, 300"})
  void aPhotographDecodesExactlyAsJavaDecodesIt(String name, int width, int height)
      throws Exception {
    Path file = PHOTOS.resolve(name);
    if (!Files.isRegularFile(file)) {
      // CI fetches the photos; elsewhere `bash .ci/run` does, or the test is skipped.
      assertTrue(System.getenv("CI") == null, "CI must have fetched " + file);
      Assumptions.abort("run `bash .ci/run` once to fetch the test photographs");
    }

    DecodedImage image = new ImageDecoder().decode(file);

    assertEquals(width, image.width());
    assertEquals(height, image.height());
    assertTrue(image.isClean(), image.warnings().toString());
    BufferedImage reference = ImageIO.read(file.toFile());
    byte[] expected = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = reference.getRGB(x, y);
        int at = (y * width + x) * 3;
        expected[at] = (byte) (rgb >> 16);
        expected[at + 1] = (byte) (rgb >> 8);
        expected[at + 2] = (byte) rgb;
      }
    }
    assertArrayEquals(expected, image.rgb());
  }
}
