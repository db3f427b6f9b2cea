package org.captionstudio.vision.shapes;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.Locale;
import java.util.Optional;

/**
 * The six object shapes. Each is drawn around a centre point with a radius and a rotation; the
 * polygon proportions are chosen so that the shapes cover similar areas at the same radius and so
 * that a square never turns into a diamond within its allowed rotation.
 */
public enum Shape {
  CIRCLE("circle", "circles", 1.0, 0),
  SQUARE("square", "squares", 0.82 * Math.sqrt(2), 15),
  TRIANGLE("triangle", "triangles", 1.3, 12),
  STAR("star", "stars", 1.3, 36),
  DIAMOND("diamond", "diamonds", 1.25, 10),
  HEXAGON("hexagon", "hexagons", 1.0, 30);

  private static final double STAR_INNER = 0.5;
  private static final double DIAMOND_HALF_WIDTH = 0.8;

  private final String word;
  private final String plural;
  private final double extent;
  private final double maxTilt;

  Shape(String word, String plural, double extent, double maxTilt) {
    this.word = word;
    this.plural = plural;
    this.extent = extent;
    this.maxTilt = maxTilt;
  }

  /** The name ground truth uses, e.g. "circle". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The caption noun, e.g. "circle". */
  public String word() {
    return word;
  }

  /** The plural caption noun, e.g. "circles". */
  public String plural() {
    return plural;
  }

  /** The farthest any point of the outline lies from its centre, in radii. */
  public double extent() {
    return extent;
  }

  /**
   * How far (in degrees, either way) a still image may tilt this shape from its upright pose:
   * enough to look natural, too little to turn a square into a diamond.
   */
  public double maxTilt() {
    return maxTilt;
  }

  /**
   * The outline in pixel coordinates (y grows downwards).
   *
   * @param x centre x
   * @param y centre y (for a triangle the centre of its circumscribed circle)
   * @param radius the shape's radius
   * @param rotation clockwise rotation in degrees
   */
  public java.awt.Shape outline(double x, double y, double radius, double rotation) {
    double turn = Math.toRadians(rotation);
    return switch (this) {
      case CIRCLE -> new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
      case SQUARE -> regular(x, y, radius * extent, 4, turn + Math.PI / 4);
      case TRIANGLE -> regular(x, y, radius * extent, 3, turn - Math.PI / 2);
      case HEXAGON -> regular(x, y, radius * extent, 6, turn);
      case STAR -> star(x, y, radius * extent, turn - Math.PI / 2);
      case DIAMOND -> diamond(x, y, radius, turn);
    };
  }

  /** The shape a caption noun names, singular or plural. */
  public static Optional<Shape> ofWord(String word) {
    for (Shape shape : values()) {
      if (shape.word.equals(word) || shape.plural.equals(word)) {
        return Optional.of(shape);
      }
    }
    return Optional.empty();
  }

  /** The shape with this ground-truth id, e.g. "circle". */
  public static Shape ofId(String id) {
    for (Shape shape : values()) {
      if (shape.id().equals(id)) {
        return shape;
      }
    }
    throw new IllegalArgumentException("unknown shape id '" + id + "'");
  }

  private static Path2D regular(
      double x, double y, double circumradius, int corners, double first) {
    double[][] points = new double[corners][];
    for (int i = 0; i < corners; i++) {
      double angle = first + 2 * Math.PI * i / corners;
      points[i] =
          new double[] {x + circumradius * Math.cos(angle), y + circumradius * Math.sin(angle)};
    }
    return polygon(points);
  }

  private static Path2D star(double x, double y, double outer, double first) {
    double[][] points = new double[10][];
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : outer * STAR_INNER;
      double angle = first + Math.PI * i / 5;
      points[i] = new double[] {x + r * Math.cos(angle), y + r * Math.sin(angle)};
    }
    return polygon(points);
  }

  private static Path2D diamond(double x, double y, double radius, double turn) {
    double[][] corners = {
      {0, -DIAMOND.extent * radius},
      {DIAMOND_HALF_WIDTH * radius, 0},
      {0, DIAMOND.extent * radius},
      {-DIAMOND_HALF_WIDTH * radius, 0}
    };
    double cos = Math.cos(turn);
    double sin = Math.sin(turn);
    double[][] points = new double[corners.length][];
    for (int i = 0; i < corners.length; i++) {
      points[i] =
          new double[] {
            x + corners[i][0] * cos - corners[i][1] * sin,
            y + corners[i][0] * sin + corners[i][1] * cos
          };
    }
    return polygon(points);
  }

  /** The closed polygon through the points, in order. */
  private static Path2D polygon(double[][] points) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(points[0][0], points[0][1]);
    for (int i = 1; i < points.length; i++) {
      path.lineTo(points[i][0], points[i][1]);
    }
    path.closePath();
    return path;
  }
}
