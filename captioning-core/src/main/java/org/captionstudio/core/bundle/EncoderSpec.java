package org.captionstudio.core.bundle;

/**
 * Which image encoder a bundle's decoder was trained on.
 *
 * @param id the encoder's id as feature stores record it (e.g. "shapesworld", "resnet50")
 * @param embedded true if the encoder's weights travel inside the bundle ({@code encoder.zip}),
 *     false for a zoo encoder whose weights come from the zoo cache
 * @param description one line for the model card
 * @param inputSize the square input in pixels
 * @param gridHeight the feature grid's rows
 * @param gridWidth its columns
 * @param featureDim D, one region's feature size
 */
public record EncoderSpec(
    String id,
    boolean embedded,
    String description,
    int inputSize,
    int gridHeight,
    int gridWidth,
    int featureDim) {
  public EncoderSpec {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (inputSize < 1 || gridHeight < 1 || gridWidth < 1 || featureDim < 1) {
      throw new IllegalArgumentException(
          "sizes must be >= 1, got input "
              + inputSize
              + ", grid "
              + gridHeight
              + "x"
              + gridWidth
              + ", features "
              + featureDim);
    }
    description = description == null ? "" : description;
  }
}
