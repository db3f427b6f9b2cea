package org.captionstudio.vision.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decoded FFmpeg frames to packed RGB at any size, through swscale (area averaging when shrinking).
 * Only the frames that are kept are converted; one scaling context per output size is cached.
 */
final class FramePixels implements AutoCloseable {
  private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
  private final IntPointer strides = new IntPointer(4);
  private SwsContext context;
  private BytePointer buffer;
  private long capacity;

  /** The frame as {@code [height][width][R, G, B]}, scaled to {@code width}×{@code height}. */
  byte[] rgb(AVFrame frame, int width, int height) {
    context =
        sws_getCachedContext(
            context,
            frame.width(),
            frame.height(),
            frame.format(),
            width,
            height,
            AV_PIX_FMT_RGB24,
            SWS_AREA,
            null,
            null,
            (DoublePointer) null);
    if (context == null || context.isNull()) {
      throw new IllegalStateException(
          "swscale cannot convert pixel format "
              + frame.format()
              + " at "
              + frame.width()
              + "x"
              + frame.height());
    }
    int size = av_image_get_buffer_size(AV_PIX_FMT_RGB24, width, height, 1);
    if (buffer == null || capacity < size) {
      if (buffer != null) {
        buffer.close();
      }
      buffer = new BytePointer(size);
      capacity = size;
    }
    av_image_fill_arrays(planes, strides, buffer, AV_PIX_FMT_RGB24, width, height, 1);
    sws_scale(context, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
    byte[] rgb = new byte[size];
    buffer.position(0).get(rgb, 0, size);
    return rgb;
  }

  /**
   * Packed RGB turned clockwise by {@code quarterTurns} × 90°; width and height swap on odd turns.
   */
  static byte[] rotate(byte[] rgb, int width, int height, int quarterTurns) {
    int turns = Math.floorMod(quarterTurns, 4);
    if (turns == 0) {
      return rgb;
    }
    byte[] out = new byte[rgb.length];
    int outWidth = turns % 2 == 0 ? width : height;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int tx;
        int ty;
        switch (turns) {
          case 1 -> {
            tx = height - 1 - y;
            ty = x;
          }
          case 2 -> {
            tx = width - 1 - x;
            ty = height - 1 - y;
          }
          default -> {
            tx = y;
            ty = width - 1 - x;
          }
        }
        System.arraycopy(rgb, (y * width + x) * 3, out, (ty * outWidth + tx) * 3, 3);
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (context != null) {
      sws_freeContext(context);
      context = null;
    }
    if (buffer != null) {
      buffer.close();
    }
    planes.close();
    strides.close();
  }
}
