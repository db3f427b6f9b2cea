package org.captionstudio.core;

import java.util.Objects;

/**
 * What an image encoder produces: a grid of region feature vectors.
 *
 * @param id the encoder's id, e.g. "shapesworld" or "resnet50"; model bundles record it
 * @param inputSize the square input side the CNN sees, in pixels
 * @param gridHeight rows of the feature grid
 * @param gridWidth columns of the feature grid
 * @param featureDim D, the length of each region vector
 * @param description one line for listings and model cards
 */
public record EncoderInfo(
    String id, int inputSize, int gridHeight, int gridWidth, int featureDim, String description) {
  public EncoderInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    if (inputSize < 1 || gridHeight < 1 || gridWidth < 1 || featureDim < 1) {
      throw new IllegalArgumentException(
          "inputSize, gridHeight, gridWidth and featureDim must be >= 1, got "
              + inputSize
              + ", "
              + gridHeight
              + ", "
              + gridWidth
              + ", "
              + featureDim);
    }
  }

  /** L = rows × columns: the number of regions the decoder attends over. */
  public int regions() {
    return gridHeight * gridWidth;
  }
}
