package org.captionstudio.vision;

import java.util.Objects;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.global.opencv_core;

/**
 * The native media libraries JavaCV loaded: FFmpeg for video, OpenCV for images. Probing them loads
 * their natives, so a broken or missing native library shows up here rather than halfway through a
 * batch.
 *
 * @param ffmpegVersion e.g. "5.0"
 * @param opencvVersion e.g. "4.5.5"
 */
public record MediaLibraries(String ffmpegVersion, String opencvVersion) {
  public MediaLibraries {
    Objects.requireNonNull(ffmpegVersion, "ffmpegVersion");
    Objects.requireNonNull(opencvVersion, "opencvVersion");
  }

  /** Loads FFmpeg and OpenCV (about a second the first time) and reports their versions. */
  public static MediaLibraries probe() {
    return new MediaLibraries(avutil.av_version_info().getString(), opencv_core.CV_VERSION());
  }
}
