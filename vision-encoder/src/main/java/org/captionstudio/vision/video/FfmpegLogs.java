package org.captionstudio.vision.video;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own log off the terminal: it prints every opened file at INFO and every damaged
 * packet at ERROR to stderr. Damage reaches the user as warnings instead.
 */
final class FfmpegLogs {
  private FfmpegLogs() {}

  /**
   * Silences FFmpeg's log (the level is process-wide). Decoders log ordinary damage even at fatal
   * level ("No JPEG data found in image"), so nothing less than quiet keeps stderr clean.
   */
  static void quiet() {
    if (avutil.av_log_get_level() > avutil.AV_LOG_QUIET) {
      avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
  }
}
