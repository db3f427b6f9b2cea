package org.captionstudio.vision.image;

import java.util.List;
import java.util.Objects;

/**
 * A decoded image: 8-bit RGB pixels, row-major, three bytes per pixel, upright (EXIF orientation
 * applied), alpha composited over white. Warnings say when the file was damaged or reduced; an
 * image with warnings is never a clean image.
 */
public final class DecodedImage {
  private final String source;
  private final String format;
  private final int width;
  private final int height;
  private final byte[] rgb;
  private final List<String> warnings;

  DecodedImage(
      String source, String format, int width, int height, byte[] rgb, List<String> warnings) {
    this.source = Objects.requireNonNull(source, "source");
    this.format = Objects.requireNonNull(format, "format");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "width and height must be >= 1, got " + width + "x" + height);
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "rgb must hold width*height*3 = " + width * height * 3 + " bytes, got " + rgb.length);
    }
    this.width = width;
    this.height = height;
    this.rgb = rgb;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * An image decoded outside this package (a video frame): {@code rgb} holds {@code
   * [height][width][R, G, B]} upright, and is kept, not copied.
   */
  public static DecodedImage of(
      String source, String format, int width, int height, byte[] rgb, List<String> warnings) {
    return new DecodedImage(source, format, width, height, rgb, warnings);
  }

  /** The file's name, for messages. */
  public String source() {
    return source;
  }

  /** The container format, e.g. "JPEG". */
  public String format() {
    return format;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The pixels: {@code [height][width][R, G, B]} flattened. The array is shared, not copied. */
  public byte[] rgb() {
    return rgb;
  }

  /** One pixel as 0xRRGGBB. */
  public int rgbAt(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    int at = (y * width + x) * 3;
    return (rgb[at] & 0xFF) << 16 | (rgb[at + 1] & 0xFF) << 8 | (rgb[at + 2] & 0xFF);
  }

  /** Plain sentences about damage or reduction; empty for a clean decode. */
  public List<String> warnings() {
    return warnings;
  }

  /** Whether the file decoded completely and at full resolution. */
  public boolean isClean() {
    return warnings.isEmpty();
  }
}
