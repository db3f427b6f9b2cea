package org.captionstudio.vision.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.captionstudio.core.MediaDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decode case on files the test creates. */
class ImageDecoderTest {
  private static final int RED = 0xFF0000;
  private static final int BLUE = 0x0000FF;

  @TempDir Path dir;
  private final ImageDecoder decoder = new ImageDecoder();

  /** Left half red, right half blue. */
  private static BufferedImage halves(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  private Path write(String name, BufferedImage image, String format) throws Exception {
    Path file = dir.resolve(name);
    assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
    return file;
  }

  private static byte[] jpeg(BufferedImage image, boolean progressive) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.95f);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    }
    writer.dispose();
    return bytes.toByteArray();
  }

  private static void assertClose(int expected, int actual, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = expected >> shift & 0xFF;
      int a = actual >> shift & 0xFF;
      assertTrue(
          Math.abs(e - a) <= tolerance,
          String.format("expected ~%06X, got %06X", expected, actual));
    }
  }

  private static void assertHalves(DecodedImage image, int tolerance) {
    assertClose(RED, image.rgbAt(2, image.height() / 2), tolerance);
    assertClose(BLUE, image.rgbAt(image.width() - 3, image.height() / 2), tolerance);
    assertTrue(image.isClean(), image.warnings().toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"png", "bmp", "gif", "tiff"})
  void losslessFormatsDecodeToExactRgb(String format) throws Exception {
    DecodedImage image =
        decoder.decode(
            write("halves." + format, halves(40, 20, BufferedImage.TYPE_INT_RGB), format));

    assertEquals(40, image.width());
    assertEquals(20, image.height());
    assertHalves(image, 0);
  }

  @Test
  void baselineAndProgressiveJpegsDecodeInRgbOrder() throws Exception {
    BufferedImage halves = halves(64, 32, BufferedImage.TYPE_INT_RGB);
    for (boolean progressive : new boolean[] {false, true}) {
      Path file = Files.write(dir.resolve("p" + progressive + ".jpg"), jpeg(halves, progressive));
      DecodedImage image = decoder.decode(file);
      assertEquals("JPEG", image.format());
      assertHalves(image, 12);
    }
  }

  @Test
  void webpAndPpmWrittenByOpenCvDecode() throws Exception {
    Mat bgr = new Mat(20, 40, opencv_core.CV_8UC3, new Scalar(255, 0, 0, 0)); // blue in BGR
    for (String extension : new String[] {".webp", ".ppm"}) {
      Path file = dir.resolve("blue" + extension);
      assertTrue(opencv_imgcodecs.imwrite(file.toString(), bgr));
      DecodedImage image = decoder.decode(file);
      assertClose(BLUE, image.rgbAt(5, 5), 4);
      assertEquals(40, image.width());
    }
  }

  @Test
  void palettedAndGreyPngsBecomeRgb() throws Exception {
    DecodedImage palette =
        decoder.decode(
            write("palette.png", halves(40, 20, BufferedImage.TYPE_BYTE_INDEXED), "png"));
    assertHalves(palette, 0);

    BufferedImage grey = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(3, 4, 0, 200);
    DecodedImage decoded = decoder.decode(write("grey.png", grey, "png"));
    assertEquals(0xC8C8C8, decoded.rgbAt(3, 4));
    assertEquals(0x000000, decoded.rgbAt(0, 0));
  }

  @Test
  void sixteenBitPngsAreScaledToEightBitsNotClipped() throws Exception {
    BufferedImage grey16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    grey16.getRaster().setSample(1, 1, 0, 65535);
    grey16.getRaster().setSample(2, 2, 0, 32768);
    DecodedImage grey = decoder.decode(write("grey16.png", grey16, "png"));
    assertEquals(0xFFFFFF, grey.rgbAt(1, 1));
    assertClose(0x808080, grey.rgbAt(2, 2), 1);

    Mat rgb16 = new Mat(4, 4, opencv_core.CV_16UC3, new Scalar(0, 32768, 65535, 0)); // BGR
    Path file = dir.resolve("rgb16.png");
    assertTrue(opencv_imgcodecs.imwrite(file.toString(), rgb16));
    assertClose(0xFF8000, decoder.decode(file).rgbAt(0, 0), 1);
  }

  @Test
  void alphaIsCompositedOverWhite() throws Exception {
    BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x00FF0000); // fully transparent red
    argb.setRGB(1, 0, 0xFF0000FF); // opaque blue
    argb.setRGB(2, 0, 0x80000000); // half-transparent black
    DecodedImage image = decoder.decode(write("alpha.png", argb, "png"));

    assertEquals(0xFFFFFF, image.rgbAt(0, 0));
    assertEquals(BLUE, image.rgbAt(1, 0));
    assertClose(0x7F7F7F, image.rgbAt(2, 0), 1);
  }

  @Test
  void cmykJpegsDecodeToRgb() throws Exception {
    // Adobe-style inverted CMYK, as Photoshop writes it: 255 - ink.
    BufferedImage cmyk = new BufferedImage(16, 16, BufferedImage.TYPE_4BYTE_ABGR);
    WritableRaster raster = cmyk.getRaster();
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        // Pure red in CMYK is C=0, M=100%, Y=100%, K=0; stored inverted.
        raster.setPixel(x, y, new int[] {255, 0, 0, 255});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    }
    Path file = Files.write(dir.resolve("cmyk.jpg"), bytes.toByteArray());

    DecodedImage image = decoder.decode(file);

    assertEquals(16, image.width());
    assertClose(RED, image.rgbAt(8, 8), 40);
  }

  @Test
  void exifOrientationIsApplied() throws Exception {
    // 40 wide, 20 tall, red left, blue right; orientation 6 means "rotate 90° clockwise to view":
    // upright it is 20 wide and 40 tall with red on top.
    byte[] plain = jpeg(halves(40, 20, BufferedImage.TYPE_INT_RGB), false);
    byte[] exif = withExifOrientation(plain, 6);

    DecodedImage image = decoder.decode(Files.write(dir.resolve("rotated.jpg"), exif));

    assertEquals(20, image.width());
    assertEquals(40, image.height());
    assertClose(RED, image.rgbAt(10, 3), 12);
    assertClose(BLUE, image.rgbAt(10, 36), 12);
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderNamingSizeAndLimit() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));

    MediaDecodeException e = assertThrows(MediaDecodeException.class, () -> decoder.decode(bomb));
    assertEquals(
        "bomb.png is 100,000×100,000 pixels (10,000 megapixels), more than the limit of 50"
            + " megapixels, so it was not decoded.",
        e.getMessage());
  }

  @Test
  void aHugeJpegIsDecodedAtReducedResolutionWithAWarning() throws Exception {
    ImageDecoder small = new ImageDecoder(new ImageLimits(1L << 30, 1_000_000, 64_000_000));
    Path file =
        Files.write(
            dir.resolve("big.jpg"), jpeg(halves(2400, 1800, BufferedImage.TYPE_INT_RGB), false));

    DecodedImage image = small.decode(file);

    assertEquals(600, image.width());
    assertEquals(450, image.height());
    assertFalse(image.isClean());
    assertEquals(
        "big.jpg is 2,400×1,800 pixels, more than the 1-megapixel limit, so it was decoded at 1/4"
            + " scale.",
        image.warnings().get(0));
    assertClose(RED, image.rgbAt(10, 200), 12);
  }

  @Test
  void aTruncatedJpegIsFlaggedNotPassedOffAsClean() throws Exception {
    byte[] whole = jpeg(noise(300, 200), false);
    byte[] half = Arrays.copyOf(whole, whole.length * 6 / 10);

    DecodedImage image = decoder.decode(Files.write(dir.resolve("cut.jpg"), half));

    assertEquals(300, image.width());
    assertFalse(image.isClean());
    assertTrue(
        image.warnings().get(0).startsWith("cut.jpg is truncated"), image.warnings().toString());
  }

  @Test
  void aTruncatedPngIsRefusedOrFlaggedNeverClean() throws Exception {
    Path whole = write("noise.png", noise(200, 200), "png");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

    try {
      DecodedImage image = decoder.decode(cut);
      assertFalse(image.isClean(), "a truncated PNG must carry a warning");
    } catch (MediaDecodeException e) {
      assertEquals("cut.png could not be decoded: it is truncated.", e.getMessage());
    }
  }

  @Test
  void brokenFilesGetOneSentenceNamingThem() throws Exception {
    byte[] random = new byte[4096];
    new Random(1).nextBytes(random);
    random[0] = 0x11;
    assertRefused(
        "random.jpg",
        random,
        "random.jpg is not an image Caption Studio can read (JPEG, PNG, BMP, GIF, TIFF, WebP or PPM).");
    assertRefused("empty.png", new byte[0], "empty.png is empty.");
    assertRefused(
        "notes.png",
        "just some text\n".getBytes(StandardCharsets.UTF_8),
        "notes.png is not an image Caption Studio can read (JPEG, PNG, BMP, GIF, TIFF, WebP or PPM).");
    byte[] headerOnly = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      16,
      'J',
      'F',
      'I',
      'F',
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0
    };
    assertRefused(
        "stub.jpg", headerOnly, "stub.jpg is damaged: its JPEG header declares no image size.");
    byte[] garbledPng = pngHeaderOnly(64, 64);
    assertRefused("garbled.png", garbledPng, "garbled.png could not be decoded: it is truncated.");

    MediaDecodeException missing =
        assertThrows(MediaDecodeException.class, () -> decoder.decode(dir.resolve("gone.png")));
    assertEquals("gone.png does not exist.", missing.getMessage());
  }

  private void assertRefused(String name, byte[] bytes, String message) throws Exception {
    Path file = Files.write(dir.resolve(name), bytes);
    MediaDecodeException e = assertThrows(MediaDecodeException.class, () -> decoder.decode(file));
    assertEquals(message, e.getMessage());
  }

  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(3);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    return image;
  }

  /** A PNG signature and IHDR chunk declaring the size, then a tiny IDAT, and no IEND. */
  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
    ihdr.put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00});
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** Inserts an APP1 Exif segment with one Orientation tag right after the JPEG's SOI marker. */
  private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(Integer.reverseBytes(8));
    tiff.putShort(Short.reverseBytes((short) 1));
    tiff.putShort(Short.reverseBytes((short) 0x0112)).putShort(Short.reverseBytes((short) 3));
    tiff.putInt(Integer.reverseBytes(1))
        .putShort(Short.reverseBytes((short) orientation))
        .putShort((short) 0);
    tiff.putInt(0);
    byte[] payload = new byte[6 + tiff.capacity()];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
    System.arraycopy(tiff.array(), 0, payload, 6, tiff.capacity());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  @Test
  void headersDeclareTheSizeWithoutDecoding() {
    assertEquals(
        new ImageHeader("PNG", 100_000, 7),
        ImageHeaders.read(pngHeaderOnly(100_000, 7)).orElseThrow());
    byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 0x10, 0x27, 0x20, 0x4E};
    assertEquals(new ImageHeader("GIF", 10_000, 20_000), ImageHeaders.read(gif).orElseThrow());
    byte[] ppm = "P6\n# made by hand\n640 480\n255\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(new ImageHeader("PNM", 640, 480), ImageHeaders.read(ppm).orElseThrow());
  }

  @Test
  void bytesDecodedInMemoryMatchTheFile() throws Exception {
    Path file = write("h.png", halves(12, 6, BufferedImage.TYPE_INT_RGB), "png");
    DecodedImage fromFile = decoder.decode(file);
    DecodedImage fromBytes = decoder.decode("h.png", Files.readAllBytes(file));
    assertArrayEquals(fromFile.rgb(), fromBytes.rgb());
  }
}
