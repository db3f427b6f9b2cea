package org.captionstudio.vision.shapes;

import java.util.Objects;

/**
 * What {@link ShapesWorld#generate} makes.
 *
 * @param images number of still images, over all splits
 * @param videos number of video clips, over all splits
 * @param seed everything follows from it: the same config gives the same dataset
 * @param size image and video side in pixels; even, from 32 to 1024
 * @param validationShare share of items in the validation split, from 0 to 1
 * @param testShare share of items in the test split, from 0 to 1
 * @param captions how the five captions of an image relate: {@link CaptionStyle#VARIED} (COCO-like)
 *     or {@link CaptionStyle#CANONICAL} (the same content, framed five ways); clip captions are the
 *     same in both
 */
public record SynthConfig(
    int images,
    int videos,
    long seed,
    int size,
    double validationShare,
    double testShare,
    CaptionStyle captions) {

  /** The smallest side: below it, small objects shrink to a few pixels. */
  public static final int MIN_SIZE = 32;

  /** The largest side. */
  public static final int MAX_SIZE = 1024;

  public SynthConfig {
    Objects.requireNonNull(captions, "captions");
    if (images < 0) {
      throw new IllegalArgumentException("images must be >= 0, got " + images);
    }
    if (videos < 0) {
      throw new IllegalArgumentException("videos must be >= 0, got " + videos);
    }
    if (size < MIN_SIZE || size > MAX_SIZE || size % 2 != 0) {
      throw new IllegalArgumentException(
          "size must be an even number from "
              + MIN_SIZE
              + " to "
              + MAX_SIZE
              + " (H.264 needs even sides), got "
              + size);
    }
    checkShare("validationShare", validationShare);
    checkShare("testShare", testShare);
    if (validationShare + testShare > 1) {
      throw new IllegalArgumentException(
          "validationShare + testShare must be <= 1, got " + (validationShare + testShare));
    }
  }

  /** A config with {@link CaptionStyle#VARIED} captions, as every dataset had before styles. */
  public SynthConfig(
      int images, int videos, long seed, int size, double validationShare, double testShare) {
    this(images, videos, seed, size, validationShare, testShare, CaptionStyle.VARIED);
  }

  /** The defaults: about half a minute on two cores (images ~570/s, clips ~65/s at 128 px). */
  public static SynthConfig defaults() {
    return new SynthConfig(
        10_000, // images: enough to train the ShapesWorld captioner to near-perfect accuracy
        500, // videos: clips for the video captioner
        42L, // seed: fixed, so every machine makes the same dataset
        128, // size: 128 x 128 pixels, plenty for shapes and fast to encode
        0.1, // validationShare: 10% for validation and early stopping
        0.1, // testShare: 10% held out for the final score
        CaptionStyle.VARIED); // captions: COCO-like, and what older datasets of a seed hold
  }

  /** A copy with another number of images and videos. */
  public SynthConfig withCounts(int newImages, int newVideos) {
    return new SynthConfig(newImages, newVideos, seed, size, validationShare, testShare, captions);
  }

  /** A copy with another seed. */
  public SynthConfig withSeed(long newSeed) {
    return new SynthConfig(images, videos, newSeed, size, validationShare, testShare, captions);
  }

  /** A copy with another caption style. */
  public SynthConfig withCaptions(CaptionStyle newCaptions) {
    return new SynthConfig(images, videos, seed, size, validationShare, testShare, newCaptions);
  }

  /** How the images divide into splits. */
  public SplitCounts imageSplits() {
    return SplitCounts.of(images, validationShare, testShare);
  }

  /** How the videos divide into splits. */
  public SplitCounts videoSplits() {
    return SplitCounts.of(videos, validationShare, testShare);
  }

  private static void checkShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1, got " + share);
    }
  }
}
