package org.captionstudio.core;

import java.util.List;
import java.util.Objects;

/**
 * One image as an encoder saw it.
 *
 * @param source the file's name, for messages
 * @param regions the region features, {@code [L, D]} flattened row-major (region by region)
 * @param cellBoxes where each region lies in the original image, {@code [L, 4]} flattened as x, y,
 *     width, height in original pixels, so attention can be drawn over the picture
 * @param width the original image's width in pixels (upright, after EXIF orientation)
 * @param height its height
 * @param warnings damage or reduction the decoder reported; empty for a clean image
 */
public record EncodedImage(
    String source,
    float[] regions,
    double[] cellBoxes,
    int width,
    int height,
    List<String> warnings) {
  public EncodedImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(cellBoxes, "cellBoxes");
    if (cellBoxes.length % 4 != 0
        || cellBoxes.length == 0
        || regions.length % (cellBoxes.length / 4) != 0) {
      throw new IllegalArgumentException(
          "regions must hold L*D floats and cellBoxes L*4 doubles, got "
              + regions.length
              + " and "
              + cellBoxes.length);
    }
    warnings = List.copyOf(warnings);
  }

  /** L, the number of regions. */
  public int regionCount() {
    return cellBoxes.length / 4;
  }
}
