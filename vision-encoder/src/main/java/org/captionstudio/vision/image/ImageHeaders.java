package org.captionstudio.vision.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the declared size from the header of JPEG, PNG, GIF, BMP, TIFF, WebP and PNM (PPM, PGM,
 * PBM) files, so that decompression bombs are refused before any pixel is decoded.
 */
final class ImageHeaders {
  private ImageHeaders() {}

  /** The format and declared size, or empty when the bytes are none of the known formats. */
  static Optional<ImageHeader> read(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return jpeg(bytes);
    }
    if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return bytes.length >= 24
          ? Optional.of(new ImageHeader("PNG", uint32be(bytes, 16), uint32be(bytes, 20)))
          : Optional.of(new ImageHeader("PNG", 0, 0));
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8')) {
      return bytes.length >= 10
          ? Optional.of(new ImageHeader("GIF", uint16le(bytes, 6), uint16le(bytes, 8)))
          : Optional.of(new ImageHeader("GIF", 0, 0));
    }
    if (startsWith(bytes, 'B', 'M')) {
      return bmp(bytes);
    }
    if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) {
      return tiff(bytes);
    }
    if (startsWith(bytes, 'R', 'I', 'F', 'F')
        && bytes.length >= 16
        && ascii(bytes, 8, 4).equals("WEBP")) {
      return webp(bytes);
    }
    if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '6') {
      return pnm(bytes);
    }
    return Optional.empty();
  }

  private static Optional<ImageHeader> jpeg(byte[] b) {
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        i++;
        continue;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2;
        continue;
      }
      int length = uint16be(b, i + 2);
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        return Optional.of(new ImageHeader("JPEG", uint16be(b, i + 7), uint16be(b, i + 5)));
      }
      if (marker == 0xDA || length < 2) {
        break; // image data before any frame header: damaged
      }
      i += 2 + length;
    }
    return Optional.of(new ImageHeader("JPEG", 0, 0));
  }

  private static Optional<ImageHeader> bmp(byte[] b) {
    if (b.length < 26) {
      return Optional.of(new ImageHeader("BMP", 0, 0));
    }
    long headerSize = uint32le(b, 14);
    if (headerSize == 12) {
      return Optional.of(new ImageHeader("BMP", uint16le(b, 18), uint16le(b, 20)));
    }
    int width = ByteBuffer.wrap(b, 18, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int height = ByteBuffer.wrap(b, 22, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Optional.of(new ImageHeader("BMP", Math.abs((long) width), Math.abs((long) height)));
  }

  private static Optional<ImageHeader> tiff(byte[] b) {
    ByteOrder order = b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    ByteBuffer buffer = ByteBuffer.wrap(b).order(order);
    if (b.length < 8) {
      return Optional.of(new ImageHeader("TIFF", 0, 0));
    }
    long ifd = Integer.toUnsignedLong(buffer.getInt(4));
    if (ifd + 2 > b.length) {
      return Optional.of(new ImageHeader("TIFF", 0, 0));
    }
    int entries = Short.toUnsignedInt(buffer.getShort((int) ifd));
    long width = 0;
    long height = 0;
    for (int e = 0; e < entries; e++) {
      int at = (int) ifd + 2 + 12 * e;
      if (at + 12 > b.length) {
        break;
      }
      int tag = Short.toUnsignedInt(buffer.getShort(at));
      int type = Short.toUnsignedInt(buffer.getShort(at + 2));
      long value =
          type == 3
              ? Short.toUnsignedInt(buffer.getShort(at + 8))
              : Integer.toUnsignedLong(buffer.getInt(at + 8));
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    return Optional.of(new ImageHeader("TIFF", width, height));
  }

  private static Optional<ImageHeader> webp(byte[] b) {
    if (b.length < 30) {
      return Optional.of(new ImageHeader("WebP", 0, 0));
    }
    String chunk = ascii(b, 12, 4);
    switch (chunk) {
      case "VP8 " -> {
        return Optional.of(
            new ImageHeader("WebP", uint16le(b, 26) & 0x3FFF, uint16le(b, 28) & 0x3FFF));
      }
      case "VP8L" -> {
        long bits = uint32le(b, 21);
        return Optional.of(
            new ImageHeader("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
      }
      case "VP8X" -> {
        long width = 1 + ((b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16);
        long height = 1 + ((b[27] & 0xFF) | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16);
        return Optional.of(new ImageHeader("WebP", width, height));
      }
      default -> {
        return Optional.of(new ImageHeader("WebP", 0, 0));
      }
    }
  }

  private static Optional<ImageHeader> pnm(byte[] b) {
    // P1..P6, then width and height as ASCII numbers separated by whitespace and # comments.
    long[] numbers = new long[2];
    int found = 0;
    int i = 2;
    while (found < 2 && i < b.length && i < 1024) {
      int c = b[i] & 0xFF;
      if (c == '#') {
        while (i < b.length && b[i] != '\n') {
          i++;
        }
      } else if (c >= '0' && c <= '9') {
        long value = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && value < 1L << 40) {
          value = value * 10 + (b[i] - '0');
          i++;
        }
        numbers[found++] = value;
        continue;
      } else if (!Character.isWhitespace(c)) {
        return Optional.empty();
      }
      i++;
    }
    return Optional.of(new ImageHeader("PNM", numbers[0], numbers[1]));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] b, int at, int length) {
    return new String(b, at, length, StandardCharsets.US_ASCII);
  }

  private static int uint16be(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static int uint16le(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long uint32be(byte[] b, int at) {
    return Integer.toUnsignedLong(ByteBuffer.wrap(b, at, 4).order(ByteOrder.BIG_ENDIAN).getInt());
  }

  private static long uint32le(byte[] b, int at) {
    return Integer.toUnsignedLong(
        ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
  }
}
