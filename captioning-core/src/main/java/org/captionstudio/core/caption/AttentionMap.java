package org.captionstudio.core.caption;

import java.util.Arrays;

/**
 * Where the model looked while it generated one word: the attention weights over the encoder's
 * {@code gridHeight × gridWidth} cells, with each cell's rectangle in the original image (the
 * preprocessing's resize and crop undone), so the map can be drawn over the picture.
 *
 * @param word the generated word ({@code <end>} for the end of the caption)
 * @param gridHeight rows of the grid
 * @param gridWidth columns of the grid
 * @param weights one weight per cell, row-major; they sum to 1
 * @param cellBoxes per cell {@code x, y, width, height} in original pixels, row-major
 * @param imageWidth the original image's width
 * @param imageHeight its height
 */
public record AttentionMap(
    String word,
    int gridHeight,
    int gridWidth,
    float[] weights,
    double[] cellBoxes,
    int imageWidth,
    int imageHeight) {
  public AttentionMap {
    int cells = gridHeight * gridWidth;
    if (gridHeight < 1
        || gridWidth < 1
        || weights.length != cells
        || cellBoxes.length != 4 * cells) {
      throw new IllegalArgumentException(
          "a "
              + gridHeight
              + "x"
              + gridWidth
              + " grid needs as many weights and 4 box values per cell, got "
              + weights.length
              + " and "
              + cellBoxes.length);
    }
    if (imageWidth < 1 || imageHeight < 1) {
      throw new IllegalArgumentException("image size must be positive");
    }
    weights = weights.clone();
    cellBoxes = cellBoxes.clone();
  }

  /** The cell with the largest weight (the first of equal ones), row-major index. */
  public int peakCell() {
    int best = 0;
    for (int i = 1; i < weights.length; i++) {
      if (weights[i] > weights[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The rectangle {@code x, y, width, height} of the peak cell in original pixels. */
  public double[] peakBox() {
    int p = peakCell();
    return Arrays.copyOfRange(cellBoxes, 4 * p, 4 * p + 4);
  }

  /**
   * The map as a {@code width × height} raster over the whole image (row-major), for an overlay
   * drawn at that size: weights interpolated bilinearly between cell centres, and 0 where the
   * encoder did not see the image (the parts its centre crop cut off).
   */
  public float[] render(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("raster size must be positive");
    }
    double left = cellBoxes[0];
    double top = cellBoxes[1];
    double cellW = cellBoxes[2];
    double cellH = cellBoxes[3];
    double right = left + gridWidth * cellW;
    double bottom = top + gridHeight * cellH;
    float[] out = new float[width * height];
    for (int py = 0; py < height; py++) {
      double y = (py + 0.5) * imageHeight / height;
      if (y < top || y >= bottom) {
        continue;
      }
      double gy = clamp((y - top) / cellH - 0.5, gridHeight - 1);
      int r0 = (int) Math.floor(gy);
      int r1 = Math.min(r0 + 1, gridHeight - 1);
      double fy = gy - r0;
      for (int px = 0; px < width; px++) {
        double x = (px + 0.5) * imageWidth / width;
        if (x < left || x >= right) {
          continue;
        }
        double gx = clamp((x - left) / cellW - 0.5, gridWidth - 1);
        int c0 = (int) Math.floor(gx);
        int c1 = Math.min(c0 + 1, gridWidth - 1);
        double fx = gx - c0;
        double v =
            (1 - fy) * ((1 - fx) * weight(r0, c0) + fx * weight(r0, c1))
                + fy * ((1 - fx) * weight(r1, c0) + fx * weight(r1, c1));
        out[py * width + px] = (float) v;
      }
    }
    return out;
  }

  private float weight(int row, int column) {
    return weights[row * gridWidth + column];
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  @Override
  public float[] weights() {
    return weights.clone();
  }

  @Override
  public double[] cellBoxes() {
    return cellBoxes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttentionMap m
        && word.equals(m.word)
        && gridHeight == m.gridHeight
        && gridWidth == m.gridWidth
        && Arrays.equals(weights, m.weights)
        && Arrays.equals(cellBoxes, m.cellBoxes)
        && imageWidth == m.imageWidth
        && imageHeight == m.imageHeight;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + word.hashCode();
  }

  @Override
  public String toString() {
    return "AttentionMap["
        + word
        + ", "
        + gridHeight
        + "x"
        + gridWidth
        + ", peak "
        + peakCell()
        + "]";
  }
}
