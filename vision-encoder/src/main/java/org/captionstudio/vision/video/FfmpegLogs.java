package org.captionstudio.vision.video;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own log off the terminal: it prints every opened file at INFO and every damaged
 * packet at ERROR to stderr. Damage reaches the user as warnings instead.
 */
final class FfmpegLogs {
  private FfmpegLogs() {}

  /** Lowers FFmpeg's log level to fatal errors only (it is process-wide). */
  static void quiet() {
    if (avutil.av_log_get_level() > avutil.AV_LOG_FATAL) {
      avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }
  }
}
