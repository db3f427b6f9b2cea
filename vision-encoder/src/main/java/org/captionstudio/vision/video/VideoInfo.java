package org.captionstudio.vision.video;

import java.util.Objects;

/**
 * What a clip is, as its file declares it.
 *
 * @param source the file or folder name, for messages
 * @param format the container as FFmpeg names it (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "avi"), or "frame
 *     folder"
 * @param codec the video codec (e.g. "h264", "vp9", "mjpeg"), or "images" for a frame folder
 * @param width the displayed width in pixels: after the pixel aspect ratio and any rotation
 * @param height the displayed height in pixels
 * @param frameRate frames per second (the average for variable-rate files; 25 when the file does
 *     not say)
 * @param duration seconds of video; for a damaged file, what its header claims
 */
public record VideoInfo(
    String source,
    String format,
    String codec,
    int width,
    int height,
    double frameRate,
    double duration) {
  public VideoInfo {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(codec, "codec");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "width and height must be >= 1, got " + width + "x" + height);
    }
    if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
      throw new IllegalArgumentException("frameRate must be finite and > 0, got " + frameRate);
    }
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("duration must be finite and > 0, got " + duration);
    }
  }
}
