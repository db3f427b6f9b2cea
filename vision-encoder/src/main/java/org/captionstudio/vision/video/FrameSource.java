package org.captionstudio.vision.video;

import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.vision.image.DecodedImage;

/** The frames of a clip in time order: a video file decoded by FFmpeg, or a folder of images. */
interface FrameSource extends AutoCloseable {

  /** What the clip declares; its duration is NaN when the file does not say. */
  ClipHeader header();

  /** The next frame, or null at the end (or where damage ends the stream early). */
  SourceFrame next() throws CaptioningException;

  /**
   * Moves so that the next frame is the first at or after {@code seconds} (or somewhat before it).
   *
   * @return false when the source cannot seek there; its position is then unknown
   */
  boolean seek(double seconds);

  /** Whether a seek skips work (true for files with an index; decoding forward costs the same). */
  boolean seeksCheaply();

  @Override
  void close();

  /** One frame; valid until the next call to {@link #next()}. */
  interface SourceFrame {
    /** Seconds from the clip's first frame. */
    double time();

    /** Whether the decoder reported errors in this frame (concealed damage). */
    boolean damaged();

    /**
     * Whether the frame stands alone (a keyframe): frames after damage are whole again from one.
     */
    boolean keyFrame();

    /** The frame upright in RGB, at most {@code maxSide} on its long side. */
    DecodedImage image(int maxSide) throws MediaDecodeException;

    /** The frame shrunk to {@code width}×{@code height} RGB, not rotated: for comparisons. */
    byte[] thumbnail(int width, int height) throws MediaDecodeException;
  }
}
