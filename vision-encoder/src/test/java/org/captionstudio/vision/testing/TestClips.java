package org.captionstudio.vision.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Small video clips written in a test with JavaCV's recorder, in each format the bundled FFmpeg can
 * encode (libopenh264, mpeg4, MPEG-2, MJPEG, libvpx VP8 and VP9; there is no x264), and the
 * painters that draw them.
 */
public final class TestClips {
  private TestClips() {}

  /** A container and a video codec. */
  public enum Format {
    MP4_H264("mp4", "mp4", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, "h264"),
    MOV_H264("mov", "mov", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, "h264"),
    MOV_MPEG4("mov", "mov", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P, "mpeg4"),
    MKV_H264("mkv", "matroska", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, "h264"),
    MKV_VP9("mkv", "matroska", avcodec.AV_CODEC_ID_VP9, avutil.AV_PIX_FMT_YUV420P, "vp9"),
    AVI_MPEG4("avi", "avi", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P, "mpeg4"),
    AVI_MJPEG("avi", "avi", avcodec.AV_CODEC_ID_MJPEG, avutil.AV_PIX_FMT_YUVJ420P, "mjpeg"),
    WEBM_VP8("webm", "webm", avcodec.AV_CODEC_ID_VP8, avutil.AV_PIX_FMT_YUV420P, "vp8"),
    WEBM_VP9("webm", "webm", avcodec.AV_CODEC_ID_VP9, avutil.AV_PIX_FMT_YUV420P, "vp9"),
    /** With B-frames, so frames are decoded out of display order; timestamps start late in TS. */
    TS_MPEG2(
        "ts", "mpegts", avcodec.AV_CODEC_ID_MPEG2VIDEO, avutil.AV_PIX_FMT_YUV420P, "mpeg2video"),
    /** With B-frames. */
    MP4_MPEG4_B("mp4", "mp4", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P, "mpeg4");

    private final String extension;
    private final String container;
    private final int codec;
    private final int pixelFormat;
    private final String codecName;

    Format(String extension, String container, int codec, int pixelFormat, String codecName) {
      this.extension = extension;
      this.container = container;
      this.codec = codec;
      this.pixelFormat = pixelFormat;
      this.codecName = codecName;
    }

    public String extension() {
      return extension;
    }

    /** The codec's name as FFmpeg reports it when reading. */
    public String codecName() {
      return codecName;
    }

    /** A file name for a clip in this format, e.g. "clip-mkv_vp9.mkv". */
    public String fileName(String stem) {
      return stem + "-" + name().toLowerCase(java.util.Locale.ROOT) + "." + extension;
    }
  }

  /** Draws frame {@code index} of a clip onto a cleared {@code width}×{@code height} image. */
  @FunctionalInterface
  public interface Painter {
    void paint(Graphics2D g, int index, int width, int height);
  }

  /** Writes a clip of {@code frames} frames at {@code fps}. */
  public static Path write(
      Path file, Format format, int width, int height, int fps, int frames, Painter painter)
      throws IOException {
    return write(file, format, width, height, fps, frames, 1.0, painter);
  }

  /** Writes a clip whose pixels are {@code pixelAspect} times as wide as they are high. */
  public static Path write(
      Path file,
      Format format,
      int width,
      int height,
      int fps,
      int frames,
      double pixelAspect,
      Painter painter)
      throws IOException {
    quietFfmpeg();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat(format.container);
      recorder.setVideoCodec(format.codec);
      recorder.setPixelFormat(format.pixelFormat);
      recorder.setFrameRate(fps);
      recorder.setGopSize(fps);
      recorder.setVideoBitrate(Math.max(200_000, 40 * width * height));
      recorder.setVideoQuality(format.codec == avcodec.AV_CODEC_ID_MJPEG ? 2 : -1);
      if (pixelAspect != 1.0) {
        recorder.setAspectRatio(pixelAspect);
      }
      if (format.codec == avcodec.AV_CODEC_ID_VP8 || format.codec == avcodec.AV_CODEC_ID_VP9) {
        Map.of("deadline", "realtime", "cpu-used", "8").forEach(recorder::setVideoOption);
      }
      if (format == Format.TS_MPEG2 || format == Format.MP4_MPEG4_B) {
        recorder.setVideoOption("bf", "2");
      }
      recorder.start();
      for (int i = 0; i < frames; i++) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        painter.paint(g, i, width, height);
        g.dispose();
        recorder.record(converter.convert(image));
      }
      recorder.stop();
    }
    return file;
  }

  /** Writes one second of a 440 Hz tone and no video, e.g. ("wav", PCM) or ("mp4", AAC). */
  public static Path audioOnly(Path file, String container, int audioCodec) throws IOException {
    quietFfmpeg();
    int rate = 48_000;
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
      recorder.setFormat(container);
      recorder.setAudioCodec(audioCodec);
      recorder.setSampleRate(rate);
      recorder.start();
      ShortBuffer samples = ShortBuffer.allocate(rate);
      for (int i = 0; i < rate; i++) {
        samples.put(i, (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
      }
      recorder.recordSamples(rate, 1, samples);
      recorder.stop();
    }
    return file;
  }

  /**
   * The frame number in binary: eight 8×8 blocks along the top edge, white for 1 and black for 0,
   * lowest bit first (the clip must be at least 64 px wide), over a backdrop with a box that moves
   * one pixel a frame. Read back with {@link #counterIndex}; numbers wrap at 256.
   */
  public static Painter counter() {
    return (g, index, width, height) -> {
      g.setColor(new Color(40, 70, 110));
      g.fillRect(0, 0, width, height);
      g.setColor(Color.ORANGE);
      g.fillRect(index % Math.max(1, width - 12) + 2, Math.max(16, height / 2), 8, 8);
      for (int bit = 0; bit < 8; bit++) {
        g.setColor((index >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
        g.fillRect(8 * bit, 0, 8, 8);
      }
    };
  }

  /**
   * The frame number {@link #counter()} drew, read from packed RGB pixels of width {@code width}.
   */
  public static int counterIndex(byte[] rgb, int width) {
    int index = 0;
    for (int bit = 0; bit < 8; bit++) {
      long sum = 0;
      for (int y = 2; y < 6; y++) {
        for (int x = 8 * bit + 2; x < 8 * bit + 6; x++) {
          int at = (y * width + x) * 3;
          sum += (rgb[at] & 0xFF) + (rgb[at + 1] & 0xFF) + (rgb[at + 2] & 0xFF);
        }
      }
      if (sum / (3.0 * 16) > 128) {
        index |= 1 << bit;
      }
    }
    return index;
  }

  /**
   * Hard cuts between scenes at the given frames: each scene its own backdrop colour and shape,
   * with the shape moving inside it.
   */
  public static Painter scenes(int... cutFrames) {
    Color[] backdrops = {
      new Color(30, 60, 170),
      new Color(40, 150, 60),
      new Color(170, 40, 40),
      new Color(200, 200, 60)
    };
    Color[] shapes = {Color.WHITE, Color.MAGENTA, Color.CYAN, Color.BLACK};
    return (g, index, width, height) -> {
      int scene = 0;
      while (scene < cutFrames.length && index >= cutFrames[scene]) {
        scene++;
      }
      g.setColor(backdrops[scene % backdrops.length]);
      g.fillRect(0, 0, width, height);
      g.setColor(shapes[scene % shapes.length]);
      int x = (index * 2) % Math.max(1, width / 2) + 4;
      int size = height / 3;
      switch (scene % 3) {
        case 0 -> g.fillOval(x, height / 3, size, size);
        case 1 -> g.fillRect(x, height / 4, size, size * 2);
        default ->
            g.fillPolygon(
                new int[] {x, x + size, x + size / 2}, new int[] {height - 4, height - 4, 4}, 3);
      }
    };
  }

  /** One scene that brightens slowly while a ball rolls across: no cut anywhere. */
  public static Painter smooth(int frames) {
    return (g, index, width, height) -> {
      float t = (float) index / Math.max(1, frames - 1);
      g.setColor(new Color(0.2f + 0.5f * t, 0.3f + 0.2f * t, 0.6f - 0.3f * t));
      g.fillRect(0, 0, width, height);
      g.setColor(Color.YELLOW);
      g.fillOval((int) (t * (width - 12)), height / 2 - 6, 12, 12);
    };
  }

  /**
   * Marks an MP4 or MOV file's first track as turned by {@code degrees} (90, 180 or 270 clockwise,
   * as a phone held upright records), by writing the rotation into its track header's matrix.
   */
  public static void rotateMp4(Path file, int degrees) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int box = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("tkhd");
    if (box < 0 || bytes[box + 4] != 0) {
      throw new IOException("no version-0 tkhd box in " + file);
    }
    // tkhd v0: version/flags, creation, modification, track id, reserved, duration (4 bytes each),
    // reserved (8), layer, group, volume, reserved (2 each), then the 3×3 matrix in 16.16 fixed.
    int matrix = box + 4 + 4 * 6 + 8 + 2 * 4;
    int one = 0x10000;
    int[] values =
        switch (degrees) {
          case 90 -> new int[] {0, one, 0, -one, 0, 0, 0, 0, 0x40000000};
          case 180 -> new int[] {-one, 0, 0, 0, -one, 0, 0, 0, 0x40000000};
          case 270 -> new int[] {0, -one, 0, one, 0, 0, 0, 0, 0x40000000};
          default -> throw new IllegalArgumentException("degrees must be 90, 180 or 270");
        };
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int i = 0; i < 9; i++) {
      buffer.putInt(matrix + 4 * i, values[i]);
    }
    Files.write(file, bytes);
  }

  /** FFmpeg prints every file it opens at INFO level; tests only want errors. */
  public static void quietFfmpeg() {
    if (avutil.av_log_get_level() > avutil.AV_LOG_ERROR) {
      avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }
  }
}
