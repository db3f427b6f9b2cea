package org.captionstudio.vision.shapes;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes a clip as an H.264 MP4 (libopenh264 here, as there is no x264; YUV 4:2:0) at the clip's
 * frame rate, drawing its objects over a fixed background frame by frame.
 */
final class ClipEncoder {
  /** Bits per pixel per second: about 400 kbit/s at 128 × 128 and 12 fps. */
  private static final int BITS_PER_PIXEL_SECOND = 25;

  private ClipEncoder() {}

  /**
   * Encodes the clip into {@code file}.
   *
   * @param background a {@code TYPE_3BYTE_BGR} image of the clip's size; left unchanged
   * @throws InterruptedIOException when the thread is interrupted between frames
   */
  static void write(Clip clip, BufferedImage background, SceneRenderer renderer, Path file)
      throws IOException {
    byte[] backdrop = ((DataBufferByte) background.getRaster().getDataBuffer()).getData();
    BufferedImage frame =
        new BufferedImage(clip.width(), clip.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
    try (FFmpegFrameRecorder recorder =
            new FFmpegFrameRecorder(file.toFile(), clip.width(), clip.height());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(clip.fps());
      recorder.setGopSize(clip.fps());
      recorder.setVideoBitrate(BITS_PER_PIXEL_SECOND * clip.width() * clip.height());
      recorder.start();
      for (int i = 0; i < clip.frames(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("cancelled while encoding " + file.getFileName());
        }
        System.arraycopy(backdrop, 0, pixels, 0, pixels.length);
        renderer.draw(frame, clip.frame(i));
        recorder.record(converter.convert(frame));
      }
      recorder.stop();
    }
  }
}
