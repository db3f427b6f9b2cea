package org.captionstudio.vision.encoder;

/**
 * How an image was resized and cropped to the CNN's square input, so that a point of the input (and
 * so a cell of the feature grid) maps back onto the original image.
 *
 * <p>The shorter side is scaled to {@code size}, then the centre {@code size × size} square is
 * kept.
 *
 * @param sourceWidth the original width
 * @param sourceHeight the original height
 * @param size the CNN's input side
 * @param scale input pixels per original pixel
 * @param cropX left edge of the crop in the scaled image
 * @param cropY top edge of the crop in the scaled image
 */
public record CropGeometry(
    int sourceWidth, int sourceHeight, int size, double scale, int cropX, int cropY) {

  /** Shorter side to {@code size}, centre crop. */
  public static CropGeometry centreCrop(int sourceWidth, int sourceHeight, int size) {
    if (sourceWidth < 1 || sourceHeight < 1 || size < 1) {
      throw new IllegalArgumentException(
          "sizes must be >= 1, got " + sourceWidth + "x" + sourceHeight + " to " + size);
    }
    double scale = size / (double) Math.min(sourceWidth, sourceHeight);
    int scaledWidth = Math.max(size, (int) Math.round(sourceWidth * scale));
    int scaledHeight = Math.max(size, (int) Math.round(sourceHeight * scale));
    return new CropGeometry(
        sourceWidth,
        sourceHeight,
        size,
        scale,
        (scaledWidth - size) / 2,
        (scaledHeight - size) / 2);
  }

  /** The scaled image's width before cropping. */
  public int scaledWidth() {
    return Math.max(size, (int) Math.round(sourceWidth * scale));
  }

  /** The scaled image's height before cropping. */
  public int scaledHeight() {
    return Math.max(size, (int) Math.round(sourceHeight * scale));
  }

  /**
   * The rectangle of the original image that cell {@code (row, column)} of a {@code rows × columns}
   * grid over the input covers: {@code [x, y, width, height]} in original pixels.
   */
  public double[] cellInSource(int row, int column, int rows, int columns) {
    double cellWidth = size / (double) columns;
    double cellHeight = size / (double) rows;
    double x = (cropX + column * cellWidth) / scale;
    double y = (cropY + row * cellHeight) / scale;
    return new double[] {x, y, cellWidth / scale, cellHeight / scale};
  }
}
