package org.captionstudio.vision.encoder;

import java.util.Objects;

/**
 * What a ShapesWorld encoder file says about itself.
 *
 * @param format always {@link #FORMAT}
 * @param version the file format version
 * @param inputSize input side in pixels
 * @param gridHeight feature grid rows
 * @param gridWidth feature grid columns
 * @param featureDim region vector length
 * @param trainImages images it was pretrained on
 * @param epochs passes over them
 * @param seconds pretraining time
 * @param test attribute accuracy on the dataset's test split
 * @param dataset where the pretraining data came from
 */
public record ShapesEncoderCard(
    String format,
    int version,
    int inputSize,
    int gridHeight,
    int gridWidth,
    int featureDim,
    int trainImages,
    int epochs,
    double seconds,
    AttributeAccuracy test,
    String dataset) {
  public static final String FORMAT = "captionstudio-shapesworld-encoder";
  public static final int VERSION = 1;

  public ShapesEncoderCard {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(dataset, "dataset");
    if (inputSize < ShapesWorldNet.STRIDE || inputSize % ShapesWorldNet.STRIDE != 0) {
      throw new IllegalArgumentException(
          "inputSize must be a positive multiple of "
              + ShapesWorldNet.STRIDE
              + ", got "
              + inputSize);
    }
    if (gridHeight != inputSize / ShapesWorldNet.STRIDE || gridWidth != gridHeight) {
      throw new IllegalArgumentException(
          "the grid must be "
              + inputSize / ShapesWorldNet.STRIDE
              + "x"
              + inputSize / ShapesWorldNet.STRIDE
              + " for a "
              + inputSize
              + " px input, got "
              + gridHeight
              + "x"
              + gridWidth);
    }
    if (featureDim < 1 || featureDim > 4096) {
      throw new IllegalArgumentException("featureDim must be 1 to 4096, got " + featureDim);
    }
  }
}
