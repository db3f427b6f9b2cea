package org.captionstudio.vision.shapes;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one image (or one frame of a clip) shows: its objects in drawing order, later ones on top.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param objects the objects, bottom first; ids unique
 */
public record Scene(int width, int height, List<ShapeObject> objects) {
  public Scene {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "width and height must be >= 1, got " + width + "x" + height);
    }
    objects = List.copyOf(objects);
    Set<Integer> ids = new HashSet<>();
    for (ShapeObject object : objects) {
      if (!ids.add(object.id())) {
        throw new IllegalArgumentException(
            "object ids must be unique, " + object.id() + " repeats");
      }
    }
  }

  /** The side that relation margins are measured against: the shorter one. */
  public int side() {
    return Math.min(width, height);
  }

  /** The object with this id, if the scene holds it. */
  public Optional<ShapeObject> object(int id) {
    return objects.stream().filter(o -> o.id() == id).findFirst();
  }

  /** Whether {@code a} stands in {@code relation} to {@code b} here. */
  public boolean holds(Relation relation, ShapeObject a, ShapeObject b) {
    return relation.holds(a, b, side());
  }
}
