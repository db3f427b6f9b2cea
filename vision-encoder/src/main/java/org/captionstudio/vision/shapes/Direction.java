package org.captionstudio.vision.shapes;

import java.util.Locale;

/** Which way a moving object goes in a clip (y grows downwards). */
public enum Direction {
  LEFT(-1, 0),
  RIGHT(1, 0),
  UP(0, -1),
  DOWN(0, 1);

  private final int dx;
  private final int dy;

  Direction(int dx, int dy) {
    this.dx = dx;
    this.dy = dy;
  }

  /** The name ground truth uses, e.g. "left". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** -1, 0 or 1: the sign of the x step. */
  public int dx() {
    return dx;
  }

  /** -1, 0 or 1: the sign of the y step. */
  public int dy() {
    return dy;
  }

  /** The way back. */
  public Direction opposite() {
    return switch (this) {
      case LEFT -> RIGHT;
      case RIGHT -> LEFT;
      case UP -> DOWN;
      case DOWN -> UP;
    };
  }

  /** The direction with this ground-truth id, e.g. "left". */
  public static Direction ofId(String id) {
    for (Direction direction : values()) {
      if (direction.id().equals(id)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("unknown direction id '" + id + "'");
  }
}
