package org.captionstudio.vision.shapes;

import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * A spatial relation between two objects, judged on their bounding boxes so that it means the same
 * thing to the generator, the checker and anyone reading the ground truth:
 *
 * <ul>
 *   <li>{@code LEFT_OF(a, b)}: the centre of a's box lies at least {@link #MARGIN} × image side to
 *       the left of the centre of b's box ({@code RIGHT_OF}, {@code ABOVE}, {@code BELOW} alike; y
 *       grows downwards);
 *   <li>{@code NEXT_TO(a, b)}: the boxes overlap or the gap between them is at most {@link
 *       #NEAR_GAP} × image side.
 * </ul>
 *
 * The caption generator states a direction only along the axis where the centres differ most, so
 * its captions are clear; the checker accepts any direction that holds.
 */
public enum Relation {
  LEFT_OF,
  RIGHT_OF,
  ABOVE,
  BELOW,
  NEXT_TO;

  /** The centre offset, as a fraction of the image side, that makes a direction clear. */
  public static final double MARGIN = 0.15;

  /** The largest gap between boxes, as a fraction of the image side, that is still "next to". */
  public static final double NEAR_GAP = 0.08;

  /** The name ground truth uses, e.g. "left_of". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The relation with this ground-truth id, e.g. "left_of". */
  public static Relation ofId(String id) {
    for (Relation relation : values()) {
      if (relation.id().equals(id)) {
        return relation;
      }
    }
    throw new IllegalArgumentException("unknown relation id '" + id + "'");
  }

  /** The relation with subject and object swapped: LEFT_OF ↔ RIGHT_OF, ABOVE ↔ BELOW. */
  public Relation converse() {
    return switch (this) {
      case LEFT_OF -> RIGHT_OF;
      case RIGHT_OF -> LEFT_OF;
      case ABOVE -> BELOW;
      case BELOW -> ABOVE;
      case NEXT_TO -> NEXT_TO;
    };
  }

  /** Whether {@code a} stands in this relation to {@code b} in an image of side {@code side}. */
  public boolean holds(ShapeObject a, ShapeObject b, int side) {
    Rectangle2D boxA = a.bounds();
    Rectangle2D boxB = b.bounds();
    double margin = MARGIN * side;
    return switch (this) {
      case LEFT_OF -> boxB.getCenterX() - boxA.getCenterX() >= margin;
      case RIGHT_OF -> boxA.getCenterX() - boxB.getCenterX() >= margin;
      case ABOVE -> boxB.getCenterY() - boxA.getCenterY() >= margin;
      case BELOW -> boxA.getCenterY() - boxB.getCenterY() >= margin;
      case NEXT_TO -> gap(boxA, boxB) <= NEAR_GAP * side;
    };
  }

  /**
   * Whether the relation holds and, for a direction, is also the dominant one: the centres differ
   * at least as much along its axis as along the other. The generator states only these.
   */
  public boolean clearlyHolds(ShapeObject a, ShapeObject b, int side) {
    if (!holds(a, b, side)) {
      return false;
    }
    Rectangle2D boxA = a.bounds();
    Rectangle2D boxB = b.bounds();
    double dx = Math.abs(boxA.getCenterX() - boxB.getCenterX());
    double dy = Math.abs(boxA.getCenterY() - boxB.getCenterY());
    return switch (this) {
      case LEFT_OF, RIGHT_OF -> dx >= dy;
      case ABOVE, BELOW -> dy >= dx;
      case NEXT_TO -> true;
    };
  }

  /** The Euclidean gap between two boxes; 0 where they touch or overlap. */
  static double gap(Rectangle2D a, Rectangle2D b) {
    double gapX =
        Math.max(0, Math.max(a.getMinX(), b.getMinX()) - Math.min(a.getMaxX(), b.getMaxX()));
    double gapY =
        Math.max(0, Math.max(a.getMinY(), b.getMinY()) - Math.min(a.getMaxY(), b.getMaxY()));
    return Math.hypot(gapX, gapY);
  }
}
