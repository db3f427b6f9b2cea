package org.captionstudio.vision.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.captionstudio.core.MediaDecodeException;

/**
 * Decodes JPEG (baseline, progressive, CMYK), PNG (palette, grey, 16-bit, alpha), BMP, GIF (first
 * frame), TIFF, WebP and PNM into upright 8-bit RGB.
 *
 * <ul>
 *   <li>The declared size is read from the header first; images over the pixel limit are refused
 *       before decoding, except JPEGs, which libjpeg can decode at 1/2, 1/4 or 1/8 scale in bounded
 *       memory (with a warning).
 *   <li>OpenCV decodes everything but GIF and applies EXIF orientation; GIF goes through ImageIO.
 *       Alpha is composited over white, 16-bit samples are scaled to 8 bits.
 *   <li>A file that decodes only partly (a truncated JPEG, GIF or WebP) comes back with a warning;
 *       one that does not decode at all is refused.
 *   <li>Every failure is a {@link MediaDecodeException} with one sentence naming the file; no
 *       runtime exception from OpenCV or ImageIO escapes.
 * </ul>
 */
public final class ImageDecoder {
  static final String FORMATS = "JPEG, PNG, BMP, GIF, TIFF, WebP or PPM";
  private final ImageLimits limits;

  public ImageDecoder(ImageLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A decoder with {@link ImageLimits#defaults()}. */
  public ImageDecoder() {
    this(ImageLimits.defaults());
  }

  /** Reads and decodes {@code file}. */
  public DecodedImage decode(Path file) throws MediaDecodeException {
    String name = String.valueOf(file.getFileName());
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new MediaDecodeException(name + " is a folder, not an image.");
      }
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new MediaDecodeException(
            name
                + " is "
                + megabytes(size)
                + ", larger than the "
                + megabytes(limits.maxFileBytes())
                + " limit for an image file.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(size + 1, limits.maxFileBytes() + 1));
      }
    } catch (NoSuchFileException e) {
      throw new MediaDecodeException(name + " does not exist.", e);
    } catch (AccessDeniedException e) {
      throw new MediaDecodeException(name + " cannot be read: permission denied.", e);
    } catch (IOException e) {
      throw new MediaDecodeException(name + " cannot be read: " + e.getMessage(), e);
    }
    return decode(name, bytes);
  }

  /** Decodes an image held in memory; {@code name} is used in messages. */
  public DecodedImage decode(String name, byte[] bytes) throws MediaDecodeException {
    if (bytes.length == 0) {
      throw new MediaDecodeException(name + " is empty.");
    }
    ImageHeader header =
        ImageHeaders.read(bytes)
            .orElseThrow(
                () ->
                    new MediaDecodeException(
                        name + " is not an image Caption Studio can read (" + FORMATS + ")."));
    if (header.width() == 0 || header.height() == 0) {
      throw new MediaDecodeException(
          name + " is damaged: its " + header.format() + " header declares no image size.");
    }
    List<String> warnings = new ArrayList<>();
    int reduction = reduction(name, header);
    if (reduction > 1) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s is %,d×%,d pixels, more than the %,d-megapixel limit, so it was decoded at 1/%d"
                  + " scale.",
              name,
              header.width(),
              header.height(),
              limits.maxPixels() / 1_000_000,
              reduction));
    }
    String truncation = truncation(name, header.format(), bytes);
    if (truncation != null) {
      warnings.add(truncation);
    }
    try {
      DecodedImage image =
          header.format().equals("GIF")
              ? decodeGif(name, bytes, warnings)
              : decodeWithOpenCv(name, header, bytes, reduction, warnings);
      return image;
    } catch (RuntimeException e) {
      throw new MediaDecodeException(
          name + " could not be decoded: the " + header.format() + " data is damaged.", e);
    }
  }

  private int reduction(String name, ImageHeader header) throws MediaDecodeException {
    if (header.pixels() <= limits.maxPixels()) {
      return 1;
    }
    if (header.format().equals("JPEG") && header.pixels() <= limits.maxReducedPixels()) {
      for (int factor : new int[] {2, 4, 8}) {
        if (header.pixels() / ((long) factor * factor) <= limits.maxPixels()) {
          return factor;
        }
      }
    }
    throw new MediaDecodeException(
        String.format(
            Locale.ROOT,
            "%s is %,d×%,d pixels (%,d megapixels), more than the limit of %,d megapixels, so it"
                + " was not decoded.",
            name,
            header.width(),
            header.height(),
            header.pixels() / 1_000_000,
            limits.maxPixels() / 1_000_000));
  }

  /** A warning when the file ends before its format's end marker, else null. */
  static String truncation(String name, String format, byte[] b) {
    int end = b.length;
    switch (format) {
      case "JPEG" -> {
        while (end > 2 && b[end - 1] == 0) {
          end--; // padding after the end-of-image marker is harmless
        }
        if (end < 4 || (b[end - 2] & 0xFF) != 0xFF || (b[end - 1] & 0xFF) != 0xD9) {
          return name
              + " is truncated: the end of the JPEG data is missing, so part of the image"
              + " (usually the bottom) is grey.";
        }
      }
      case "GIF" -> {
        if (b[end - 1] != 0x3B) {
          return name + " is truncated: the GIF data ends early, so part of the image is missing.";
        }
      }
      case "PNG" -> {
        if (end < 12
            || !new String(b, end - 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("IEND")) {
          return name + " is truncated: the PNG data ends before its end marker.";
        }
      }
      case "WebP" -> {
        long declared =
            8
                + ((b[4] & 0xFFL)
                    | (b[5] & 0xFFL) << 8
                    | (b[6] & 0xFFL) << 16
                    | (b[7] & 0xFFL) << 24);
        if (declared > end) {
          return name + " is truncated: the WebP data ends early, so part of the image is missing.";
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private DecodedImage decodeWithOpenCv(
      String name, ImageHeader header, byte[] bytes, int reduction, List<String> warnings)
      throws MediaDecodeException {
    // PNG and WebP may carry alpha, which IMREAD_COLOR would drop (leaving whatever colour the
    // transparent pixels hold); they rarely carry EXIF orientation, which IMREAD_UNCHANGED skips.
    boolean mayHaveAlpha = header.format().equals("PNG") || header.format().equals("WebP");
    int flags =
        switch (reduction) {
          case 2 -> IMREAD_REDUCED_COLOR_2;
          case 4 -> IMREAD_REDUCED_COLOR_4;
          case 8 -> IMREAD_REDUCED_COLOR_8;
          default -> mayHaveAlpha ? IMREAD_UNCHANGED : IMREAD_COLOR;
        };
    try (PointerScope scope = new PointerScope()) {
      Mat encoded = new Mat(new BytePointer(bytes));
      Mat mat = imdecode(encoded, flags);
      if (mat == null || mat.empty()) {
        throw new MediaDecodeException(
            name
                + " could not be decoded: "
                + (warnings.isEmpty()
                    ? "the " + header.format() + " data is damaged."
                    : "it is truncated."));
      }
      if (mat.depth() != CV_8U) {
        Mat eight = new Mat();
        double scale =
            mat.depth() == org.bytedeco.opencv.global.opencv_core.CV_16U ? 1 / 257.0 : 1.0;
        mat.convertTo(eight, CV_8U, scale, 0);
        mat = eight;
      }
      int width = mat.cols();
      int height = mat.rows();
      int channels = mat.channels();
      byte[] raw = new byte[width * height * channels];
      Mat continuous = mat.isContinuous() ? mat : mat.clone();
      continuous.data().get(raw);
      return new DecodedImage(name, header.format(), width, height, toRgb(raw, channels), warnings);
    }
  }

  /** OpenCV's 1 (grey), 2 (grey + alpha), 3 (BGR) or 4 (BGRA) channels to RGB over white. */
  static byte[] toRgb(byte[] raw, int channels) {
    int pixels = raw.length / channels;
    byte[] rgb = new byte[pixels * 3];
    for (int p = 0; p < pixels; p++) {
      int r;
      int g;
      int b;
      int alpha = 255;
      int at = p * channels;
      switch (channels) {
        case 1, 2 -> {
          r = g = b = raw[at] & 0xFF;
          if (channels == 2) {
            alpha = raw[at + 1] & 0xFF;
          }
        }
        case 3, 4 -> {
          b = raw[at] & 0xFF;
          g = raw[at + 1] & 0xFF;
          r = raw[at + 2] & 0xFF;
          if (channels == 4) {
            alpha = raw[at + 3] & 0xFF;
          }
        }
        default -> throw new IllegalArgumentException("channels must be 1 to 4, got " + channels);
      }
      rgb[p * 3] = (byte) overWhite(r, alpha);
      rgb[p * 3 + 1] = (byte) overWhite(g, alpha);
      rgb[p * 3 + 2] = (byte) overWhite(b, alpha);
    }
    return rgb;
  }

  private static int overWhite(int value, int alpha) {
    return alpha == 255 ? value : (value * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  private static DecodedImage decodeGif(String name, byte[] bytes, List<String> warnings)
      throws MediaDecodeException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaDecodeException(name + " could not be decoded: no GIF reader is available.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage frame = reader.read(0);
        int width = frame.getWidth();
        int height = frame.getHeight();
        int[] argb = frame.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[width * height * 3];
        for (int p = 0; p < argb.length; p++) {
          int alpha = argb[p] >>> 24;
          rgb[p * 3] = (byte) overWhite(argb[p] >> 16 & 0xFF, alpha);
          rgb[p * 3 + 1] = (byte) overWhite(argb[p] >> 8 & 0xFF, alpha);
          rgb[p * 3 + 2] = (byte) overWhite(argb[p] & 0xFF, alpha);
        }
        return new DecodedImage(name, "GIF", width, height, rgb, warnings);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new MediaDecodeException(
          name + " could not be decoded: the GIF data is damaged (" + e.getMessage() + ").", e);
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
