package org.captionstudio.vision.shapes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link ShapesWorld#generate} wrote and how long it took.
 *
 * @param directory the dataset folder
 * @param images images per split
 * @param captions image captions, over all splits
 * @param captionStyle how the captions of an image relate to each other
 * @param videos clips per split
 * @param sentences clip captions, over all splits
 * @param imageTime time spent making images (drawing, PNG, captions)
 * @param videoTime time spent making clips (drawing, H.264, captions)
 * @param elapsed total time, annotation files included
 */
public record SynthSummary(
    Path directory,
    SplitCounts images,
    int captions,
    CaptionStyle captionStyle,
    SplitCounts videos,
    int sentences,
    Duration imageTime,
    Duration videoTime,
    Duration elapsed) {
  public SynthSummary {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(captionStyle, "captionStyle");
    Objects.requireNonNull(videos, "videos");
    Objects.requireNonNull(imageTime, "imageTime");
    Objects.requireNonNull(videoTime, "videoTime");
    Objects.requireNonNull(elapsed, "elapsed");
    if (captions < 0 || sentences < 0) {
      throw new IllegalArgumentException(
          "captions and sentences must be >= 0, got " + captions + " and " + sentences);
    }
  }

  /** Images made per second of {@link #imageTime}; 0 when none were made. */
  public double imagesPerSecond() {
    return rate(images.total(), imageTime);
  }

  /** Clips made per second of {@link #videoTime}; 0 when none were made. */
  public double videosPerSecond() {
    return rate(videos.total(), videoTime);
  }

  private static double rate(int items, Duration time) {
    double seconds = time.toNanos() / 1e9;
    return items == 0 || seconds <= 0 ? 0 : items / seconds;
  }
}
