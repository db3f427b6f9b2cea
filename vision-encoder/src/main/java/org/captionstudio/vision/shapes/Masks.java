package org.captionstudio.vision.shapes;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Pixel masks of a scene's objects. A pixel belongs to an object when the pixel's centre lies
 * inside the outline; it is visible when no later (higher) object covers it. Masks are kept as
 * row-major {@code boolean[height * width]} and written as COCO uncompressed RLE (column-major).
 */
final class Masks {
  private Masks() {}

  /**
   * One object's mask.
   *
   * @param shapeArea pixels inside the whole outline
   * @param visible the pixels nothing covers, row-major
   * @param visibleArea how many of those there are
   */
  record ObjectMask(int shapeArea, boolean[] visible, int visibleArea) {
    /** The visible share of the shape, from 0 to 1. */
    double visibleFraction() {
      return shapeArea == 0 ? 0 : (double) visibleArea / shapeArea;
    }
  }

  /** Every pixel inside the object's outline, row-major. */
  static boolean[] full(ShapeObject object, int width, int height) {
    boolean[] mask = new boolean[width * height];
    java.awt.Shape outline = object.outline();
    Rectangle2D box = outline.getBounds2D();
    int x0 = Math.max(0, (int) Math.floor(box.getMinX()));
    int x1 = Math.min(width - 1, (int) Math.ceil(box.getMaxX()));
    int y0 = Math.max(0, (int) Math.floor(box.getMinY()));
    int y1 = Math.min(height - 1, (int) Math.ceil(box.getMaxY()));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        if (outline.contains(x + 0.5, y + 0.5)) {
          mask[y * width + x] = true;
        }
      }
    }
    return mask;
  }

  /** The masks of all the scene's objects, in scene order, with occlusion by later objects. */
  static List<ObjectMask> of(Scene scene) {
    int width = scene.width();
    int height = scene.height();
    List<boolean[]> full = new ArrayList<>();
    for (ShapeObject object : scene.objects()) {
      full.add(full(object, width, height));
    }
    List<ObjectMask> masks = new ArrayList<>();
    for (int i = 0; i < full.size(); i++) {
      boolean[] own = full.get(i);
      boolean[] visible = own.clone();
      for (int j = i + 1; j < full.size(); j++) {
        boolean[] above = full.get(j);
        for (int p = 0; p < visible.length; p++) {
          visible[p] &= !above[p];
        }
      }
      masks.add(new ObjectMask(count(own), visible, count(visible)));
    }
    return masks;
  }

  /** How many pixels are set. */
  static int count(boolean[] mask) {
    int n = 0;
    for (boolean b : mask) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /**
   * COCO uncompressed RLE of a row-major mask: run lengths over the pixels in column-major order
   * (down each column, columns left to right), alternating unset and set, starting with unset (so
   * the first run may be 0).
   */
  static int[] rle(boolean[] mask, int width, int height) {
    List<Integer> counts = new ArrayList<>();
    boolean current = false;
    int run = 0;
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        boolean value = mask[y * width + x];
        if (value != current) {
          counts.add(run);
          run = 0;
          current = value;
        }
        run++;
      }
    }
    counts.add(run);
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The row-major mask a COCO uncompressed RLE describes. */
  static boolean[] decode(int[] counts, int width, int height) {
    boolean[] mask = new boolean[width * height];
    int index = 0;
    boolean value = false;
    for (int run : counts) {
      for (int k = 0; k < run; k++, index++) {
        if (value) {
          int x = index / height;
          int y = index % height;
          mask[y * width + x] = true;
        }
      }
      value = !value;
    }
    if (index != width * height) {
      throw new IllegalArgumentException(
          "the RLE covers " + index + " pixels, the image has " + width * height);
    }
    return mask;
  }
}
