package org.captionstudio.vision.shapes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The eight object colours of ShapesWorld, far enough apart to tell under noise and compression,
 * and never used for a background.
 */
public enum Colour {
  RED(215, 35, 35, "red"),
  GREEN(40, 170, 60, "green"),
  BLUE(45, 85, 230, "blue"),
  YELLOW(240, 215, 40, "yellow"),
  PURPLE(150, 60, 200, "purple"),
  ORANGE(245, 135, 25, "orange"),
  WHITE(240, 240, 240, "white"),
  GRAY(135, 135, 135, "gray", "grey");

  private final int red;
  private final int green;
  private final int blue;
  private final List<String> words;

  Colour(int red, int green, int blue, String... words) {
    this.red = red;
    this.green = green;
    this.blue = blue;
    this.words = List.of(words);
  }

  /** The name ground truth uses, e.g. "gray". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The caption words for this colour; the first is the usual one ("gray", then "grey"). */
  public List<String> words() {
    return words;
  }

  public int red() {
    return red;
  }

  public int green() {
    return green;
  }

  public int blue() {
    return blue;
  }

  /** The colour a caption word names, if any. */
  public static Optional<Colour> ofWord(String word) {
    for (Colour colour : values()) {
      if (colour.words.contains(word)) {
        return Optional.of(colour);
      }
    }
    return Optional.empty();
  }

  /** The colour with this ground-truth id, e.g. "red". */
  public static Colour ofId(String id) {
    for (Colour colour : values()) {
      if (colour.id().equals(id)) {
        return colour;
      }
    }
    throw new IllegalArgumentException("unknown colour id '" + id + "'");
  }

  /** The palette colour nearest to an RGB value (squared Euclidean distance). */
  public static Colour nearest(double red, double green, double blue) {
    Colour best = RED;
    double bestDistance = Double.MAX_VALUE;
    for (Colour colour : values()) {
      double dr = red - colour.red;
      double dg = green - colour.green;
      double db = blue - colour.blue;
      double distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = colour;
      }
    }
    return best;
  }
}
