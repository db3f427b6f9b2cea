package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PreprocessingTest {
  /** Two pixels: pure red, then pure blue. */
  private static final byte[] RED_BLUE = {(byte) 255, 0, 0, 0, 0, (byte) 255};

  @Test
  void caffeStyleIsBgrPlanesMinusImageNetMeans() {
    float[] planar = Preprocessing.CAFFE_BGR_MEAN.toPlanar(RED_BLUE, 2, 1);

    // [B plane (2 px), G plane, R plane]
    assertArrayEquals(
        new float[] {-103.939f, 255 - 103.939f, -116.779f, -116.779f, 255 - 123.68f, -123.68f},
        planar,
        1e-4f);
  }

  @Test
  void darknetStyleIsRgbPlanesScaledToOne() {
    float[] planar = Preprocessing.RGB_UNIT.toPlanar(RED_BLUE, 2, 1);

    assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, planar, 1e-6f);
  }

  @Test
  void centreCropGeometryMapsGridCellsBackOntoTheImage() {
    CropGeometry geometry = CropGeometry.centreCrop(640, 480, 224);

    assertEquals(299, geometry.scaledWidth());
    assertEquals(224, geometry.scaledHeight());
    assertEquals(37, geometry.cropX());
    assertEquals(0, geometry.cropY());
    // The top-left cell of a 7x7 grid covers 32x32 input pixels, i.e. ~68.6 source pixels,
    // starting 37 scaled pixels (~79.3 source pixels) in from the left.
    double[] cell = geometry.cellInSource(0, 0, 7, 7);
    assertEquals(37 / (224 / 480.0), cell[0], 1e-9);
    assertEquals(0, cell[1], 1e-9);
    assertEquals(32 / (224 / 480.0), cell[2], 1e-9);
    double[] last = geometry.cellInSource(6, 6, 7, 7);
    assertEquals(480, last[1] + last[3], 1e-9, "the bottom row ends at the image's bottom");
  }
}
