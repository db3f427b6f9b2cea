package org.captionstudio.vision.shapes;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one thing that happens in a clip: one object moves, grows, shrinks, turns, changes colour,
 * appears or disappears. Times are in seconds from the start of the clip; the object stands still
 * before {@link #start()} and after {@link #end()}. Instant actions (colour change, appearing,
 * disappearing) have {@code start() == end()}.
 */
public sealed interface ClipAction
    permits ClipAction.Move, ClipAction.Resize, ClipAction.Rotate, ClipAction.Instant {

  /** What kind of action it is, as captions tell it apart. */
  enum Kind {
    MOVE,
    GROW,
    SHRINK,
    ROTATE,
    RECOLOUR,
    APPEAR,
    DISAPPEAR;

    /** The name ground truth uses, e.g. "recolour". */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The id of the object that acts. */
  int objectId();

  /** When the action begins, in seconds. */
  double start();

  /** When the action is over, in seconds. */
  double end();

  /** Its kind. */
  Kind kind();

  /**
   * The acting object at {@code seconds}, given how it looks at the start of the clip; empty while
   * it is not in the picture.
   */
  Optional<ShapeObject> stateAt(ShapeObject initial, double seconds);

  /** An action that happens at one moment, {@link #at()}: it starts and ends then. */
  sealed interface Instant extends ClipAction
      permits ClipAction.Recolour, ClipAction.Appear, ClipAction.Disappear {
    /** When it happens, in seconds. */
    double at();

    @Override
    default double start() {
      return at();
    }

    @Override
    default double end() {
      return at();
    }
  }

  /**
   * The object travels {@code distance} pixels in {@code direction}, at constant speed.
   *
   * @param objectId the acting object
   * @param start when it sets off, in seconds
   * @param end when it stops, in seconds
   * @param direction which way
   * @param distance how far, in pixels
   */
  record Move(int objectId, double start, double end, Direction direction, double distance)
      implements ClipAction {
    public Move {
      checkSpan(objectId, start, end);
      Objects.requireNonNull(direction, "direction");
      if (!(distance > 0)) {
        throw new IllegalArgumentException("distance must be > 0, got " + distance);
      }
    }

    @Override
    public Kind kind() {
      return Kind.MOVE;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      double done = distance * progress(start, end, seconds);
      return Optional.of(
          initial.movedTo(
              initial.x() + direction.dx() * done, initial.y() + direction.dy() * done));
    }
  }

  /**
   * The object's radius changes smoothly by {@code scale}; it keeps its old size class until the
   * change is over, then has {@code toSize}.
   *
   * @param objectId the acting object
   * @param start when it begins, in seconds
   * @param end when it is over, in seconds
   * @param scale final radius over initial radius; above 1 it grows, below 1 it shrinks
   * @param toSize the size class at the end
   */
  record Resize(int objectId, double start, double end, double scale, SizeClass toSize)
      implements ClipAction {
    public Resize {
      checkSpan(objectId, start, end);
      if (!(scale > 0) || scale == 1 || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("scale must be > 0 and not 1, got " + scale);
      }
      Objects.requireNonNull(toSize, "toSize");
    }

    @Override
    public Kind kind() {
      return scale > 1 ? Kind.GROW : Kind.SHRINK;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      double p = progress(start, end, seconds);
      double radius = initial.radius() * (1 + (scale - 1) * p);
      return Optional.of(initial.resized(radius, p >= 1 ? toSize : initial.size()));
    }
  }

  /**
   * The object turns on the spot by {@code degrees}, clockwise where positive.
   *
   * @param objectId the acting object
   * @param start when it begins, in seconds
   * @param end when it is over, in seconds
   * @param degrees how far it turns; never 0
   */
  record Rotate(int objectId, double start, double end, double degrees) implements ClipAction {
    public Rotate {
      checkSpan(objectId, start, end);
      if (degrees == 0 || !Double.isFinite(degrees)) {
        throw new IllegalArgumentException("degrees must be finite and not 0, got " + degrees);
      }
    }

    @Override
    public Kind kind() {
      return Kind.ROTATE;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      return Optional.of(
          initial.rotated(initial.rotation() + degrees * progress(start, end, seconds)));
    }
  }

  /**
   * The object changes to colour {@code to} at once, at {@code at} seconds.
   *
   * @param objectId the acting object
   * @param at when, in seconds
   * @param to the new colour
   */
  record Recolour(int objectId, double at, Colour to) implements Instant {
    public Recolour {
      checkSpan(objectId, at, at);
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Kind kind() {
      return Kind.RECOLOUR;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      return Optional.of(seconds >= at ? initial.withColour(to) : initial);
    }
  }

  /**
   * The object is absent until {@code at} seconds, then there.
   *
   * @param objectId the acting object
   * @param at when it appears, in seconds
   */
  record Appear(int objectId, double at) implements Instant {
    public Appear {
      checkSpan(objectId, at, at);
    }

    @Override
    public Kind kind() {
      return Kind.APPEAR;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      return seconds >= at ? Optional.of(initial) : Optional.empty();
    }
  }

  /**
   * The object is there until {@code at} seconds, then gone.
   *
   * @param objectId the acting object
   * @param at when it disappears, in seconds
   */
  record Disappear(int objectId, double at) implements Instant {
    public Disappear {
      checkSpan(objectId, at, at);
    }

    @Override
    public Kind kind() {
      return Kind.DISAPPEAR;
    }

    @Override
    public Optional<ShapeObject> stateAt(ShapeObject initial, double seconds) {
      return seconds < at ? Optional.of(initial) : Optional.empty();
    }
  }

  private static void checkSpan(int objectId, double start, double end) {
    if (objectId < 0) {
      throw new IllegalArgumentException("objectId must be >= 0, got " + objectId);
    }
    if (!(start >= 0) || !(end >= start) || !Double.isFinite(end)) {
      throw new IllegalArgumentException(
          "times must satisfy 0 <= start <= end, got " + start + " and " + end);
    }
  }

  private static double progress(double start, double end, double seconds) {
    if (seconds <= start) {
      return 0;
    }
    if (seconds >= end) {
      return 1;
    }
    return (seconds - start) / (end - start);
  }
}
