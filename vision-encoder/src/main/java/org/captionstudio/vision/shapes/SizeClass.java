package org.captionstudio.vision.shapes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How big an object is, as a range of its radius relative to the image side. The ranges leave gaps
 * so that the class can be told from the pixels: at 128 px a small object has a radius of 7.7–9.6
 * px, a medium one 12.2–14.1 px and a large one 16.6–19.2 px.
 */
public enum SizeClass {
  SMALL(0.060, 0.075, "small", "little"),
  MEDIUM(0.095, 0.110, "medium"),
  LARGE(0.130, 0.150, "large", "big");

  private final double minFraction;
  private final double maxFraction;
  private final List<String> words;

  SizeClass(double minFraction, double maxFraction, String... words) {
    this.minFraction = minFraction;
    this.maxFraction = maxFraction;
    this.words = List.of(words);
  }

  /** The name ground truth uses, e.g. "small". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The caption words for this size; the first is the usual one. */
  public List<String> words() {
    return words;
  }

  /** The smallest radius of this class in an image of side {@code imageSize}. */
  public double minRadius(int imageSize) {
    return minFraction * imageSize;
  }

  /** The largest radius of this class in an image of side {@code imageSize}. */
  public double maxRadius(int imageSize) {
    return maxFraction * imageSize;
  }

  /** The size class a caption word names, if any. */
  public static Optional<SizeClass> ofWord(String word) {
    for (SizeClass size : values()) {
      if (size.words.contains(word)) {
        return Optional.of(size);
      }
    }
    return Optional.empty();
  }

  /** The size class with this ground-truth id, e.g. "small". */
  public static SizeClass ofId(String id) {
    for (SizeClass size : values()) {
      if (size.id().equals(id)) {
        return size;
      }
    }
    throw new IllegalArgumentException("unknown size id '" + id + "'");
  }
}
