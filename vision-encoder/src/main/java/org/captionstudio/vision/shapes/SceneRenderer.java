package org.captionstudio.vision.shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a scene's objects, bottom first, each in its palette colour shifted by a small per-object
 * tint, so that two red objects are not the exact same red.
 */
final class SceneRenderer {
  /** Each channel of an object's colour moves by up to this much. */
  static final int TINT = 12;

  private final Map<Integer, int[]> tints;

  private SceneRenderer(Map<Integer, int[]> tints) {
    this.tints = tints;
  }

  /** A renderer with a random tint for each object id from 0 to {@code maxObjects - 1}. */
  static SceneRenderer tinted(int maxObjects, SplittableRandom random) {
    Map<Integer, int[]> tints = new HashMap<>();
    for (int id = 0; id < maxObjects; id++) {
      tints.put(
          id,
          new int[] {
            random.nextInt(-TINT, TINT + 1),
            random.nextInt(-TINT, TINT + 1),
            random.nextInt(-TINT, TINT + 1)
          });
    }
    return new SceneRenderer(tints);
  }

  /** Draws the objects over what the image already shows. */
  void draw(BufferedImage image, Scene scene) {
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      for (ShapeObject object : scene.objects()) {
        int[] tint = tints.getOrDefault(object.id(), new int[3]);
        Colour colour = object.colour();
        g.setColor(
            new Color(
                clamp(colour.red() + tint[0]),
                clamp(colour.green() + tint[1]),
                clamp(colour.blue() + tint[2])));
        g.fill(object.outline());
      }
    } finally {
      g.dispose();
    }
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}
