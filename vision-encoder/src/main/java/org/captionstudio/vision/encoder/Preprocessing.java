package org.captionstudio.vision.encoder;

/** How a CNN wants its input pixels: channel order and scaling, as its weights were trained. */
public enum Preprocessing {
  /**
   * Caffe style, as Keras's ImageNet models (VGG16, ResNet50) and the SqueezeNet port were trained:
   * BGR order, 0–255, minus the ImageNet channel means B 103.939, G 116.779, R 123.68. (DL4J's
   * VGG16ImagePreProcessor subtracts these means in RGB order from BGR data; we do not repeat that
   * mistake.)
   */
  CAFFE_BGR_MEAN("BGR, 0-255 minus ImageNet means"),
  /** Darknet style: RGB order scaled to 0–1. */
  RGB_UNIT("RGB, scaled to 0-1");

  private static final float MEAN_B = 103.939f;
  private static final float MEAN_G = 116.779f;
  private static final float MEAN_R = 123.68f;

  private final String description;

  Preprocessing(String description) {
    this.description = description;
  }

  /** One line for listings, e.g. "RGB, scaled to 0-1". */
  public String description() {
    return description;
  }

  /**
   * Converts interleaved 8-bit RGB pixels to planar (channels-first) floats in this scheme.
   *
   * @param rgb {@code [height * width * 3]}, R G B per pixel
   * @return {@code [3 * height * width]}, plane order as the network expects
   */
  public float[] toPlanar(byte[] rgb, int width, int height) {
    int plane = width * height;
    if (rgb.length != plane * 3) {
      throw new IllegalArgumentException(
          "rgb must hold width*height*3 = " + plane * 3 + " bytes, got " + rgb.length);
    }
    float[] out = new float[plane * 3]; // [channel, height, width]
    for (int p = 0; p < plane; p++) {
      float r = rgb[p * 3] & 0xFF;
      float g = rgb[p * 3 + 1] & 0xFF;
      float b = rgb[p * 3 + 2] & 0xFF;
      if (this == CAFFE_BGR_MEAN) {
        out[p] = b - MEAN_B;
        out[plane + p] = g - MEAN_G;
        out[2 * plane + p] = r - MEAN_R;
      } else {
        out[p] = r / 255f;
        out[plane + p] = g / 255f;
        out[2 * plane + p] = b / 255f;
      }
    }
    return out;
  }
}
