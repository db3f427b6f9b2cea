package org.captionstudio.vision.image;

import java.util.Objects;

/**
 * What an image file's header declares, read without decoding any pixels.
 *
 * @param format the container, e.g. "JPEG" or "PNG"
 * @param width declared width in pixels
 * @param height declared height in pixels
 */
public record ImageHeader(String format, long width, long height) {
  public ImageHeader {
    Objects.requireNonNull(format, "format");
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException(
          "width and height must be >= 0, got " + width + "x" + height);
    }
  }

  /** Declared pixel count. */
  public long pixels() {
    return width * height;
  }
}
