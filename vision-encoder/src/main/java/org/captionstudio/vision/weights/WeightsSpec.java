package org.captionstudio.vision.weights;

import java.util.Objects;

/**
 * One pretrained weights file as the DL4J zoo publishes it.
 *
 * @param cacheFolder the sub-folder of the zoo cache, e.g. "resnet50"
 * @param fileName the file, e.g. "resnet50_dl4j_inference.v3.zip"
 * @param adler32 its Adler32 checksum
 */
public record WeightsSpec(String cacheFolder, String fileName, long adler32) {
  public WeightsSpec {
    Objects.requireNonNull(cacheFolder, "cacheFolder");
    Objects.requireNonNull(fileName, "fileName");
    if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("fileName must be a plain file name, got " + fileName);
    }
  }

  /** The path below the zoo's base download URL (and below a mirror folder). */
  public String remotePath() {
    return "models/" + fileName;
  }
}
