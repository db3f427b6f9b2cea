package org.captionstudio.vision.video;

/**
 * What a frame source declares before decoding.
 *
 * @param format the container, as {@link VideoInfo#format()}
 * @param codec the video codec, as {@link VideoInfo#codec()}
 * @param width displayed width
 * @param height displayed height
 * @param frameRate frames per second, > 0
 * @param duration seconds, or NaN when the file does not say
 */
record ClipHeader(
    String format, String codec, int width, int height, double frameRate, double duration) {

  /** The clip's description once its duration is known. */
  VideoInfo info(String source, double knownDuration) {
    return new VideoInfo(source, format, codec, width, height, frameRate, knownDuration);
  }
}
