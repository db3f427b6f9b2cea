package org.captionstudio.vision.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.video.Timestamps;
import org.captionstudio.vision.image.DecodedImage;

/**
 * A video file decoded by FFmpeg through JavaCV's {@link FFmpegFrameGrabber}.
 *
 * <ul>
 *   <li>The file is read through a {@link GuardedInput}, so the time limit, the stall timeout and
 *       the cancel button reach into FFmpeg's own loops.
 *   <li>Frames are decoded without conversion (JavaCV's raw mode); only the frames kept are
 *       converted to RGB, at the size wanted, then turned upright by the stream's display matrix.
 *   <li>Pixel aspect ratios are applied: an anamorphic frame comes out at its displayed width.
 * </ul>
 */
final class FfmpegSource implements FrameSource {
  private static final Set<String> MP4_BOXES =
      Set.of("ftyp", "moov", "mdat", "free", "wide", "skip");

  /** AV_FRAME_FLAG_CORRUPT, which the 1.5.7 bindings do not map. */
  private static final int FRAME_FLAG_CORRUPT = 1;

  private static final Pattern DURATION_TAG =
      Pattern.compile("(\\d+):(\\d\\d):(\\d\\d(?:\\.\\d+)?)");

  private final String name;
  private final FFmpegFrameGrabber grabber;
  private final GuardedInput input;
  private final DecodeGuard guard;
  private final ClipHeader header;
  private final double start;
  private final int storedWidth;
  private final int storedHeight;
  private final int quarterTurns;
  private final FramePixels pixels = new FramePixels();
  private double lastTime = -1;

  private FfmpegSource(
      String name,
      FFmpegFrameGrabber grabber,
      GuardedInput input,
      DecodeGuard guard,
      ClipHeader header,
      double start,
      int storedWidth,
      int storedHeight,
      int quarterTurns) {
    this.name = name;
    this.grabber = grabber;
    this.input = input;
    this.guard = guard;
    this.header = header;
    this.start = start;
    this.storedWidth = storedWidth;
    this.storedHeight = storedHeight;
    this.quarterTurns = quarterTurns;
  }

  /** Opens the file and reads its header; every failure is one sentence naming the file. */
  static FfmpegSource open(Path file, String name, VideoLimits limits, DecodeGuard guard)
      throws CaptioningException {
    FfmpegLogs.quiet();
    guard.check();
    FileChannel channel;
    byte[] head = new byte[16];
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new MediaDecodeException(name + " does not exist.", e);
    } catch (AccessDeniedException e) {
      throw new MediaDecodeException(name + " cannot be read: permission denied.", e);
    } catch (IOException e) {
      throw readError(name, e);
    }
    GuardedInput input = new GuardedInput(channel, guard);
    guard.closeOnStop(input);
    FFmpegFrameGrabber grabber = null;
    boolean opened = false;
    try {
      long size = channel.size();
      if (size == 0) {
        throw new MediaDecodeException(name + " is empty.");
      }
      channel.read(ByteBuffer.wrap(head), 0);
      grabber = new FFmpegFrameGrabber(input);
      grabber.setImageMode(FrameGrabber.ImageMode.RAW);
      try {
        grabber.start();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        guard.check();
        if (input.failure() != null) {
          throw readError(name, input.failure());
        }
        throw unopenable(name, head, e);
      }
      guard.check();
      FfmpegSource source = describe(name, grabber, input, guard, limits);
      opened = true;
      return source;
    } catch (IOException e) {
      guard.check(); // a file closed by the guard
      throw readError(name, e);
    } finally {
      if (!opened) {
        if (grabber != null) {
          closeQuietly(grabber);
        }
        try {
          input.close();
        } catch (IOException e) {
          // nothing was read from it that matters now
        }
      }
    }
  }

  private static FfmpegSource describe(
      String name,
      FFmpegFrameGrabber grabber,
      GuardedInput input,
      DecodeGuard guard,
      VideoLimits limits)
      throws MediaDecodeException {
    AVFormatContext context = grabber.getFormatContext();
    AVStream stream = videoStream(context);
    String format = grabber.getFormat();
    if (!grabber.hasVideo() || stream == null) {
      throw new MediaDecodeException(
          grabber.hasAudio()
              ? name + " has no video stream: it holds only audio."
              : name + " holds no video stream.");
    }
    if (format != null && (format.endsWith("_pipe") || format.equals("image2"))) {
      throw new MediaDecodeException(
          name + " is a still image, not a video; caption it as an image instead.");
    }
    int width = grabber.getImageWidth();
    int height = grabber.getImageHeight();
    if (width < 1 || height < 1) {
      throw new MediaDecodeException(
          "The video " + name + " declares no frame size, so it cannot be decoded.");
    }
    if ((long) width * height > limits.maxPixels()) {
      throw new MediaDecodeException(
          String.format(
              Locale.ROOT,
              "The video %s has %,d×%,d-pixel frames, more than the %,d-megapixel limit, so it was"
                  + " not decoded.",
              name,
              width,
              height,
              limits.maxPixels() / 1_000_000));
    }
    double duration = duration(context, stream, grabber);
    if (duration > limits.maxDurationSeconds()) {
      throw new MediaDecodeException(
          String.format(
              Locale.ROOT,
              "The video %s declares %s of video, more than the %s limit, so it was not read.",
              name,
              Timestamps.clock(duration),
              Timestamps.clock(limits.maxDurationSeconds())));
    }
    double frameRate = grabber.getFrameRate();
    if (!(frameRate > 0) || frameRate > 1000) {
      frameRate = 25;
    }
    int storedWidth = displayedWidth(width, stream);
    int turns = quarterTurns(stream);
    int shownWidth = turns % 2 == 0 ? storedWidth : height;
    int shownHeight = turns % 2 == 0 ? height : storedWidth;
    String codec = avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString();
    double start = context.start_time() != AV_NOPTS_VALUE ? context.start_time() / 1e6 : 0; // µs
    ClipHeader header = new ClipHeader(format, codec, shownWidth, shownHeight, frameRate, duration);
    return new FfmpegSource(name, grabber, input, guard, header, start, storedWidth, height, turns);
  }

  @Override
  public ClipHeader header() {
    return header;
  }

  @Override
  public SourceFrame next() throws CaptioningException {
    guard.check();
    Frame frame;
    try {
      frame = grabber.grabImage();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      frame = null; // a decoder error mid-stream: the stream ends here, as on damage
    }
    if (frame == null || !(frame.opaque instanceof AVFrame picture)) {
      guard.check();
      if (input.failure() != null) {
        throw readError(name, input.failure());
      }
      return null;
    }
    guard.progress();
    double time;
    if (picture.best_effort_timestamp() == AV_NOPTS_VALUE) {
      time = lastTime < 0 ? 0 : lastTime + 1 / header.frameRate();
    } else {
      time = Math.max(0, frame.timestamp / 1e6 - start);
    }
    lastTime = time;
    boolean damaged =
        picture.decode_error_flags() != 0 || (picture.flags() & FRAME_FLAG_CORRUPT) != 0;
    boolean key = picture.key_frame() != 0 || picture.pict_type() == avutil.AV_PICTURE_TYPE_I;
    return new Decoded(picture, time, damaged, key);
  }

  @Override
  public boolean seek(double seconds) {
    try {
      grabber.setVideoTimestamp(Math.round(Math.max(0, seconds) * 1e6));
      return true;
    } catch (FrameGrabber.Exception | RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean seeksCheaply() {
    return true;
  }

  @Override
  public void close() {
    closeQuietly(grabber);
    pixels.close();
    try {
      input.close();
    } catch (IOException e) {
      // closing a read-only file
    }
  }

  /** The frame the grabber holds now. */
  private final class Decoded implements SourceFrame {
    private final AVFrame picture;
    private final double time;
    private final boolean damaged;
    private final boolean key;

    Decoded(AVFrame picture, double time, boolean damaged, boolean key) {
      this.picture = picture;
      this.time = time;
      this.damaged = damaged;
      this.key = key;
    }

    @Override
    public double time() {
      return time;
    }

    @Override
    public boolean damaged() {
      return damaged;
    }

    @Override
    public boolean keyFrame() {
      return key;
    }

    @Override
    public DecodedImage image(int maxSide) {
      double scale = Math.min(1.0, (double) maxSide / Math.max(storedWidth, storedHeight));
      int width = Math.max(1, (int) Math.round(storedWidth * scale));
      int height = Math.max(1, (int) Math.round(storedHeight * scale));
      byte[] rgb =
          FramePixels.rotate(pixels.rgb(picture, width, height), width, height, quarterTurns);
      boolean sideways = quarterTurns % 2 != 0;
      String at = name + " at " + Timestamps.clockMillis(time);
      return DecodedImage.of(
          at,
          header.codec(),
          sideways ? height : width,
          sideways ? width : height,
          rgb,
          damaged
              ? List.of(
                  at + " was decoded with errors; parts of the frame may be smeared or blocky.")
              : List.of());
    }

    @Override
    public byte[] thumbnail(int width, int height) {
      return pixels.rgb(picture, width, height);
    }
  }

  /** The first video stream that is not a still picture attached to audio (cover art). */
  private static AVStream videoStream(AVFormatContext context) {
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
          && (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
        return stream;
      }
    }
    return null;
  }

  /** The video's own duration, else the Matroska DURATION tag, else the container's; or NaN. */
  private static double duration(
      AVFormatContext context, AVStream stream, FFmpegFrameGrabber grabber) {
    if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
      AVRational base = stream.time_base();
      if (base.num() > 0 && base.den() > 0) {
        return stream.duration() * (double) base.num() / base.den();
      }
    }
    String tag = grabber.getVideoMetadata("DURATION");
    if (tag != null) {
      Matcher m = DURATION_TAG.matcher(tag.strip());
      if (m.matches()) {
        double seconds =
            Long.parseLong(m.group(1)) * 3600.0
                + Long.parseLong(m.group(2)) * 60.0
                + Double.parseDouble(m.group(3));
        if (seconds > 0) {
          return seconds;
        }
      }
    }
    if (context.duration() != AV_NOPTS_VALUE && context.duration() > 0) {
      return context.duration() / 1e6; // AV_TIME_BASE is microseconds
    }
    return Double.NaN;
  }

  /** The stored width stretched by the pixel aspect ratio, as players show it. */
  private static int displayedWidth(int width, AVStream stream) {
    AVRational sar = stream.sample_aspect_ratio();
    if (sar.num() <= 0 || sar.den() <= 0) {
      sar = stream.codecpar().sample_aspect_ratio();
    }
    if (sar.num() <= 0 || sar.den() <= 0 || sar.num() == sar.den()) {
      return width;
    }
    double ratio = (double) sar.num() / sar.den();
    return ratio > 0.1 && ratio < 10 ? (int) Math.max(1, Math.round(width * ratio)) : width;
  }

  /** Clockwise quarter turns that make the picture upright, from the stream's display matrix. */
  private static int quarterTurns(AVStream stream) {
    BytePointer matrix =
        avformat.av_stream_get_side_data(
            stream, avcodec.AV_PKT_DATA_DISPLAYMATRIX, (SizeTPointer) null);
    if (matrix == null || matrix.isNull()) {
      return 0;
    }
    // av_display_rotation_get gives the counter-clockwise angle the matrix applies; players turn
    // the
    // picture clockwise by its negation (as FFmpeg's own autorotate does).
    double degrees = -avutil.av_display_rotation_get(new IntPointer(matrix));
    if (!Double.isFinite(degrees)) {
      return 0;
    }
    return Math.floorMod((int) Math.round(degrees / 90.0), 4);
  }

  private static MediaDecodeException unopenable(String name, byte[] head, Exception cause) {
    String container = container(head);
    if (container != null) {
      return new MediaDecodeException(
          "The "
              + container
              + " video "
              + name
              + " is damaged or incomplete, so it cannot be opened.",
          cause);
    }
    return new MediaDecodeException(
        name + " is not a video Caption Studio can read: FFmpeg recognises no video format in it.",
        cause);
  }

  /** The container the first bytes announce, for a file FFmpeg could not open; null if none. */
  static String container(byte[] head) {
    String ascii = new String(head, StandardCharsets.ISO_8859_1);
    if (MP4_BOXES.contains(ascii.substring(4, 8))) {
      return "MP4/QuickTime";
    }
    if (ascii.startsWith("RIFF") && ascii.startsWith("AVI ", 8)) {
      return "AVI";
    }
    if ((head[0] & 0xFF) == 0x1A
        && (head[1] & 0xFF) == 0x45
        && (head[2] & 0xFF) == 0xDF
        && (head[3] & 0xFF) == 0xA3) {
      return "Matroska/WebM";
    }
    if (ascii.startsWith("FLV")) {
      return "FLV";
    }
    if (ascii.startsWith("OggS")) {
      return "Ogg";
    }
    if (head[0] == 0 && head[1] == 0 && head[2] == 1 && (head[3] & 0xFF) == 0xBA) {
      return "MPEG";
    }
    return null;
  }

  private static MediaDecodeException readError(String name, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new MediaDecodeException(name + " cannot be read (" + why + ").", e);
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      // releasing native memory; the file is done with either way
    }
  }
}
