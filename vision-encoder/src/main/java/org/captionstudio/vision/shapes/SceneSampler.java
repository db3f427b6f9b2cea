package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Draws random scenes and clips. Every object lies wholly inside the picture, keeps at least {@link
 * #MIN_VISIBLE} of its pixels visible, and never touches another object of its own colour (two red
 * shapes that touch would read as one).
 */
final class SceneSampler {
  /** The visible share of its pixels every object of an image keeps. */
  static final double MIN_VISIBLE = 0.65;

  /** The most objects an image holds. */
  static final int MAX_OBJECTS = 4;

  /** How often an image object repeats the shape and colour of an earlier one (for counting). */
  private static final double REPEAT = 0.3;

  /** How often an image object is placed close to an earlier one, so that they may overlap. */
  private static final double NEAR = 0.5;

  private static final int PLACEMENT_TRIES = 60;
  private static final int CLIP_TRIES = 200;

  private SceneSampler() {}

  /** A still image of 1 to {@link #MAX_OBJECTS} objects. */
  static Scene image(SplittableRandom random, int side) {
    double roll = random.nextDouble();
    int wanted = roll < 0.2 ? 1 : roll < 0.5 ? 2 : roll < 0.8 ? 3 : 4;
    List<ShapeObject> placed = new ArrayList<>();
    List<boolean[]> visible = new ArrayList<>();
    List<Integer> areas = new ArrayList<>();
    for (int k = 0; k < wanted; k++) {
      Shape shape;
      Colour colour;
      if (!placed.isEmpty() && random.nextDouble() < REPEAT) {
        ShapeObject model = placed.get(random.nextInt(placed.size()));
        shape = model.shape();
        colour = model.colour();
      } else {
        shape = pick(Shape.values(), random);
        colour = pick(Colour.values(), random);
      }
      SizeClass size = pick(SizeClass.values(), random);
      for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
        double radius = radiusIn(size, side, random);
        ShapeObject candidate =
            !placed.isEmpty() && random.nextDouble() < NEAR
                ? placeNear(
                    placed.get(random.nextInt(placed.size())),
                    placed.size(),
                    shape,
                    colour,
                    size,
                    radius,
                    side,
                    random)
                : placeInside(placed.size(), shape, colour, size, radius, side, random);
        if (candidate == null) {
          continue;
        }
        if (sameColourApart(candidate, placed)
            && keepsOthersVisible(candidate, side, visible, areas)) {
          placed.add(candidate);
          boolean[] own = Masks.full(candidate, side, side);
          visible.add(own);
          areas.add(Masks.count(own));
          break;
        }
      }
    }
    return new Scene(side, side, placed);
  }

  /** A clip of one or two objects in which one object acts, 2 to 4 seconds long. */
  static Clip clip(SplittableRandom random, int side, int fps) {
    int frames = fps * (4 + random.nextInt(5)) / 2;
    double duration = (double) frames / fps;
    ClipAction.Kind kind = pickKind(random);
    boolean pair = random.nextDouble() < 0.55;
    for (int attempt = 0; attempt < CLIP_TRIES; attempt++) {
      Optional<Clip> clip =
          tryClip(random, side, fps, frames, duration, kind, pair && attempt < CLIP_TRIES / 2);
      if (clip.isPresent()) {
        return clip.get();
      }
    }
    throw new IllegalStateException("no " + kind.id() + " clip fits in " + side + " px");
  }

  private static Optional<Clip> tryClip(
      SplittableRandom random,
      int side,
      int fps,
      int frames,
      double duration,
      ClipAction.Kind kind,
      boolean pair) {
    int actorId = pair ? random.nextInt(2) : 0;
    Shape shape =
        kind == ClipAction.Kind.ROTATE
            ? Shape.values()[1 + random.nextInt(Shape.values().length - 1)]
            : pick(Shape.values(), random);
    Colour colour = pick(Colour.values(), random);
    SizeClass size =
        switch (kind) {
          case GROW -> random.nextBoolean() ? SizeClass.SMALL : SizeClass.MEDIUM;
          case SHRINK -> random.nextBoolean() ? SizeClass.MEDIUM : SizeClass.LARGE;
          default -> pick(SizeClass.values(), random);
        };
    double radius = radiusIn(size, side, random);
    double start = round(duration * (0.10 + 0.15 * random.nextDouble()));
    double end = round(duration * (0.70 + 0.15 * random.nextDouble()));
    double at = round(duration * (0.35 + 0.25 * random.nextDouble()));

    ClipAction action;
    double reach = radius;
    double travel = 0;
    Direction direction = Direction.LEFT;
    switch (kind) {
      case MOVE -> {
        direction = pick(Direction.values(), random);
        travel = round(side * (0.3 + 0.2 * random.nextDouble()));
        action = new ClipAction.Move(actorId, start, end, direction, travel);
      }
      case GROW, SHRINK -> {
        SizeClass toSize =
            SizeClass.values()[size.ordinal() + (kind == ClipAction.Kind.GROW ? 1 : -1)];
        double toRadius = radiusIn(toSize, side, random);
        double scale = Math.round(toRadius / radius * 1000) / 1000.0;
        reach = Math.max(radius, radius * scale);
        action = new ClipAction.Resize(actorId, start, end, scale, toSize);
      }
      case ROTATE ->
          action = new ClipAction.Rotate(actorId, start, end, random.nextBoolean() ? 180 : -180);
      case RECOLOUR -> {
        Colour to =
            Colour.values()[
                (colour.ordinal() + 1 + random.nextInt(Colour.values().length - 1))
                    % Colour.values().length];
        action = new ClipAction.Recolour(actorId, at, to);
      }
      case APPEAR -> action = new ClipAction.Appear(actorId, at);
      case DISAPPEAR -> action = new ClipAction.Disappear(actorId, at);
      default -> throw new IllegalStateException("unknown kind " + kind);
    }

    double edge = shape.extent() * reach + 2;
    double x = coordinate(random, side, edge, direction.dx() * travel);
    double y = coordinate(random, side, edge, direction.dy() * travel);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Optional.empty();
    }
    List<ShapeObject> objects = new ArrayList<>();
    objects.add(new ShapeObject(actorId, shape, colour, size, x, y, radius, tilt(shape, random)));
    if (pair) {
      Shape otherShape =
          Shape.values()[
              (shape.ordinal() + 1 + random.nextInt(Shape.values().length - 1))
                  % Shape.values().length];
      SizeClass otherSize = pick(SizeClass.values(), random);
      ShapeObject other =
          placeInside(
              1 - actorId,
              otherShape,
              pick(Colour.values(), random),
              otherSize,
              radiusIn(otherSize, side, random),
              side,
              random);
      objects.add(other);
      objects.sort(Comparator.comparingInt(ShapeObject::id));
    }
    Clip clip = new Clip(side, side, fps, frames, objects, action);
    return pair && collides(clip) ? Optional.empty() : Optional.of(clip);
  }

  /** Whether the two objects of a clip come close to touching at any time. */
  private static boolean collides(Clip clip) {
    int steps = 24;
    for (int i = 0; i <= steps; i++) {
      List<ShapeObject> now = clip.sceneAt(clip.duration() * i / steps).objects();
      if (now.size() == 2 && !apart(now.get(0), now.get(1), 4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameColourApart(ShapeObject candidate, List<ShapeObject> placed) {
    for (ShapeObject other : placed) {
      if (other.colour() == candidate.colour() && !apart(candidate, other, 3)) {
        return false;
      }
    }
    return true;
  }

  private static boolean apart(ShapeObject a, ShapeObject b, double clearance) {
    double reach = a.shape().extent() * a.radius() + b.shape().extent() * b.radius() + clearance;
    return Math.hypot(a.x() - b.x(), a.y() - b.y()) >= reach;
  }

  private static boolean keepsOthersVisible(
      ShapeObject candidate, int side, List<boolean[]> visible, List<Integer> areas) {
    boolean[] cover = Masks.full(candidate, side, side);
    List<boolean[]> updated = new ArrayList<>(visible.size());
    for (int i = 0; i < visible.size(); i++) {
      boolean[] still = visible.get(i).clone();
      for (int p = 0; p < still.length; p++) {
        still[p] &= !cover[p];
      }
      if (Masks.count(still) < MIN_VISIBLE * areas.get(i)) {
        return false;
      }
      updated.add(still);
    }
    for (int i = 0; i < updated.size(); i++) {
      visible.set(i, updated.get(i));
    }
    return true;
  }

  private static ShapeObject placeInside(
      int id,
      Shape shape,
      Colour colour,
      SizeClass size,
      double radius,
      int side,
      SplittableRandom random) {
    double edge = shape.extent() * radius + 2;
    double x = coordinate(random, side, edge, 0);
    double y = coordinate(random, side, edge, 0);
    return new ShapeObject(id, shape, colour, size, x, y, radius, tilt(shape, random));
  }

  /**
   * An object placed close to {@code anchor}: their centres are 0.5 to 1.1 times the sum of their
   * reaches apart, so they often overlap a little. Null where that would leave the picture.
   */
  private static ShapeObject placeNear(
      ShapeObject anchor,
      int id,
      Shape shape,
      Colour colour,
      SizeClass size,
      double radius,
      int side,
      SplittableRandom random) {
    double reach = anchor.shape().extent() * anchor.radius() + shape.extent() * radius;
    double distance = reach * (0.5 + 0.6 * random.nextDouble());
    double angle = random.nextDouble(2 * Math.PI);
    double x = round(anchor.x() + distance * Math.cos(angle));
    double y = round(anchor.y() + distance * Math.sin(angle));
    double edge = shape.extent() * radius + 2;
    if (x < edge || x > side - edge || y < edge || y > side - edge) {
      return null;
    }
    return new ShapeObject(id, shape, colour, size, x, y, radius, tilt(shape, random));
  }

  /**
   * A coordinate that keeps an object reaching {@code edge} pixels from its centre inside the
   * picture both before and after moving by {@code shift}; NaN where no such coordinate exists.
   */
  private static double coordinate(SplittableRandom random, int side, double edge, double shift) {
    double low = edge + Math.max(0, -shift);
    double high = side - edge - Math.max(0, shift);
    if (high < low) {
      return Double.NaN;
    }
    return round(low + (high - low) * random.nextDouble());
  }

  private static double radiusIn(SizeClass size, int side, SplittableRandom random) {
    double low = size.minRadius(side);
    double high = size.maxRadius(side);
    return round(low + (high - low) * random.nextDouble());
  }

  private static double tilt(Shape shape, SplittableRandom random) {
    return Math.round((random.nextDouble() * 2 - 1) * shape.maxTilt() * 10) / 10.0;
  }

  private static ClipAction.Kind pickKind(SplittableRandom random) {
    Map<ClipAction.Kind, Double> weights = new EnumMap<>(ClipAction.Kind.class);
    weights.put(ClipAction.Kind.MOVE, 3.0);
    weights.put(ClipAction.Kind.GROW, 1.0);
    weights.put(ClipAction.Kind.SHRINK, 1.0);
    weights.put(ClipAction.Kind.ROTATE, 1.0);
    weights.put(ClipAction.Kind.RECOLOUR, 1.5);
    weights.put(ClipAction.Kind.APPEAR, 1.25);
    weights.put(ClipAction.Kind.DISAPPEAR, 1.25);
    return weighted(List.copyOf(weights.keySet()), weights::get, random);
  }

  /**
   * One of the items, each as likely as its weight; items weighing 0 or less are never picked.
   *
   * @throws IllegalArgumentException when no item weighs more than 0
   */
  static <T> T weighted(List<T> items, ToDoubleFunction<T> weight, SplittableRandom random) {
    double total = 0;
    T last = null;
    for (T item : items) {
      if (weight.applyAsDouble(item) > 0) {
        total += weight.applyAsDouble(item);
        last = item;
      }
    }
    if (last == null) {
      throw new IllegalArgumentException("no item weighs more than 0 among " + items);
    }
    double roll = random.nextDouble(total);
    for (T item : items) {
      double w = weight.applyAsDouble(item);
      if (w > 0) {
        roll -= w;
        if (roll < 0) {
          return item;
        }
      }
    }
    return last;
  }

  static <T> T pick(T[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  /** Rounds to hundredths, so that ground truth holds short, exact decimals. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
