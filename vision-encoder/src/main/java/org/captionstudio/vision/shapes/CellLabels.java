package org.captionstudio.vision.shapes;

import java.util.List;

/**
 * The targets the ShapesWorld encoder is pretrained on: for every cell of a grid over the image,
 * which shapes, colours and sizes are visible in it, plus an "empty" flag. The grid is the
 * encoder's own feature grid, so the supervision teaches each region vector what lies in that
 * region, which is what the decoder's attention reads.
 *
 * <p>Channels: {@link Shape} values, then {@link Colour} values, then {@link SizeClass} values,
 * then empty. An object marks a cell when its visible pixels cover at least {@link #MIN_COVERAGE}
 * of the cell, or the cell holds its centre.
 */
public final class CellLabels {
  /** Share of a cell an object's visible pixels must cover to count as being in it. */
  public static final double MIN_COVERAGE = 0.2;

  /** Channels per cell. */
  public static final int CHANNELS =
      Shape.values().length + Colour.values().length + SizeClass.values().length + 1;

  static final int COLOUR_OFFSET = Shape.values().length;
  static final int SIZE_OFFSET = COLOUR_OFFSET + Colour.values().length;

  /** The channel that says no object is in the cell. */
  public static final int EMPTY = CHANNELS - 1;

  private CellLabels() {}

  /** The channel of a shape. */
  public static int shapeChannel(Shape shape) {
    return shape.ordinal();
  }

  /** The channel of a colour. */
  public static int colourChannel(Colour colour) {
    return COLOUR_OFFSET + colour.ordinal();
  }

  /** The channel of a size class. */
  public static int sizeChannel(SizeClass size) {
    return SIZE_OFFSET + size.ordinal();
  }

  /**
   * The labels of a scene on a {@code rows × columns} grid.
   *
   * @return {@code [CHANNELS, rows, columns]} flattened, 1 for present and 0 for absent
   */
  public static float[] of(Scene scene, int rows, int columns) {
    int width = scene.width();
    int height = scene.height();
    float[] labels = new float[CHANNELS * rows * columns];
    List<Masks.ObjectMask> masks = Masks.of(scene);
    int[] cellPixels = new int[rows * columns];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        cellPixels[cell(y, height, rows) * columns + cell(x, width, columns)]++;
      }
    }
    boolean[] occupied = new boolean[rows * columns];
    for (int o = 0; o < masks.size(); o++) {
      ShapeObject object = scene.objects().get(o);
      boolean[] visible = masks.get(o).visible();
      int[] covered = new int[rows * columns];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (visible[y * width + x]) {
            covered[cell(y, height, rows) * columns + cell(x, width, columns)]++;
          }
        }
      }
      int centreCell =
          cell(clamp((int) object.y(), height), height, rows) * columns
              + cell(clamp((int) object.x(), width), width, columns);
      for (int c = 0; c < covered.length; c++) {
        boolean inCell =
            covered[c] >= MIN_COVERAGE * cellPixels[c] || (c == centreCell && covered[c] > 0);
        if (inCell) {
          occupied[c] = true;
          set(labels, shapeChannel(object.shape()), c, rows, columns);
          set(labels, colourChannel(object.colour()), c, rows, columns);
          set(labels, sizeChannel(object.size()), c, rows, columns);
        }
      }
    }
    for (int c = 0; c < occupied.length; c++) {
      if (!occupied[c]) {
        set(labels, EMPTY, c, rows, columns);
      }
    }
    return labels;
  }

  /** The channels of each attribute group: shapes, colours, sizes. */
  public static int[][] groups() {
    int[][] groups = new int[3][];
    groups[0] = range(0, Shape.values().length);
    groups[1] = range(COLOUR_OFFSET, Colour.values().length);
    groups[2] = range(SIZE_OFFSET, SizeClass.values().length);
    return groups;
  }

  private static int[] range(int from, int count) {
    int[] channels = new int[count];
    for (int i = 0; i < count; i++) {
      channels[i] = from + i;
    }
    return channels;
  }

  private static void set(float[] labels, int channel, int cell, int rows, int columns) {
    labels[channel * rows * columns + cell] = 1f;
  }

  private static int cell(int pixel, int extent, int cells) {
    return Math.min(cells - 1, pixel * cells / extent);
  }

  private static int clamp(int value, int extent) {
    return Math.max(0, Math.min(extent - 1, value));
  }
}
