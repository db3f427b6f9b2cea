package org.captionstudio.vision.video;

/**
 * How shot boundaries are looked for.
 *
 * @param framesPerSecond how many small frames per second of video are compared (at most the clip's
 *     own rate); a cut is placed within one such interval
 * @param thumbnailWidth the width the compared frames are shrunk to (height keeps the shape)
 * @param minDifference the least difference (0 = same picture, 1 = nothing alike: half colour
 *     histogram distance, half mean pixel difference) between neighbouring small frames that can be
 *     a cut; a cut must also stand well above the differences around it
 * @param minShotSeconds the shortest shot: of two cuts closer than this, the stronger is kept
 */
public record ShotOptions(
    double framesPerSecond, int thumbnailWidth, double minDifference, double minShotSeconds) {
  public ShotOptions {
    if (!(framesPerSecond > 0) || framesPerSecond > 120) {
      throw new IllegalArgumentException(
          "framesPerSecond must be in (0, 120], got " + framesPerSecond);
    }
    if (thumbnailWidth < 4 || thumbnailWidth > 512) {
      throw new IllegalArgumentException(
          "thumbnailWidth must be in [4, 512], got " + thumbnailWidth);
    }
    if (!(minDifference > 0) || minDifference >= 1) {
      throw new IllegalArgumentException("minDifference must be in (0, 1), got " + minDifference);
    }
    if (!(minShotSeconds >= 0)) {
      throw new IllegalArgumentException("minShotSeconds must be >= 0, got " + minShotSeconds);
    }
  }

  /** The defaults. */
  public static ShotOptions defaults() {
    return new ShotOptions(
        8, // 8 small frames a second: cuts placed within 1/8 s
        32, // 32 px wide (32×18 for 16:9): enough for colour and layout, cheap to compare
        0.15, // a cut changes at least 15% of the picture's colours and pixel values
        1.0); // shots of at least a second
  }
}
