package org.captionstudio.core.caption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttentionMapTest {
  /**
   * A 2×2 grid over the centre square of a 200×100 image: the preprocessing scaled the short side
   * and cropped 50 px off the left and the right.
   */
  private static final double[] BOXES = {
    50, 0, 50, 50, //
    100, 0, 50, 50, //
    50, 50, 50, 50, //
    100, 50, 50, 50
  };

  @Test
  void thePeakIsTheHeaviestCellInImageCoordinates() {
    AttentionMap map =
        new AttentionMap("circle", 2, 2, new float[] {0.1f, 0.2f, 0.6f, 0.1f}, BOXES, 200, 100);
    assertEquals(2, map.peakCell());
    assertArrayEquals(new double[] {50, 50, 50, 50}, map.peakBox());
  }

  @Test
  void theRasterFollowsTheCellsAndIsEmptyWhereTheCropCutTheImage() {
    AttentionMap map =
        new AttentionMap("circle", 2, 2, new float[] {1f, 0f, 0f, 0f}, BOXES, 200, 100);
    float[] r = map.render(200, 100);
    // Outside the crop: nothing was seen there.
    assertEquals(0f, r[10 * 200 + 20]);
    assertEquals(0f, r[10 * 200 + 180]);
    // The top-left cell's centre (75, 25) carries its full weight, the far cell's centre none.
    assertEquals(1f, r[25 * 200 + 75], 0.02f);
    assertEquals(0f, r[75 * 200 + 125], 0.02f);
    // Between the two top cells' centres the weight falls off linearly: halfway is one half.
    assertEquals(0.5f, r[10 * 200 + 100], 0.02f);
    // Towards the crop's corner it stays at the cell's weight (clamped, not faded to zero).
    assertEquals(1f, r[5 * 200 + 55], 1e-6f);
    // A smaller raster samples the same picture.
    float[] small = map.render(20, 10);
    assertEquals(0f, small[1 * 20 + 2]);
    assertEquals(1f, small[2 * 20 + 7], 0.1f);
  }
}
