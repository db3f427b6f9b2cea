package org.captionstudio.vision.shapes;

import java.awt.geom.Rectangle2D;
import java.util.Objects;

/**
 * One object of a scene: what it is (shape, colour, size class) and where it is drawn.
 *
 * @param id the object's id, unique within its image or clip
 * @param shape its shape
 * @param colour its colour
 * @param size its size class, as captions name it
 * @param x the x of the centre the outline is drawn around, in pixels
 * @param y the y of that centre (y grows downwards)
 * @param radius the radius the outline is drawn with, in pixels (see {@link SizeClass})
 * @param rotation clockwise rotation in degrees
 */
public record ShapeObject(
    int id,
    Shape shape,
    Colour colour,
    SizeClass size,
    double x,
    double y,
    double radius,
    double rotation) {
  public ShapeObject {
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0, got " + id);
    }
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(size, "size");
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("x and y must be finite, got " + x + ", " + y);
    }
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException("radius must be > 0, got " + radius);
    }
    if (!Double.isFinite(rotation)) {
      throw new IllegalArgumentException("rotation must be finite, got " + rotation);
    }
  }

  /** The outline in pixel coordinates. */
  public java.awt.Shape outline() {
    return shape.outline(x, y, radius, rotation);
  }

  /** The outline's bounding box: the whole shape, including any part another object hides. */
  public Rectangle2D bounds() {
    return outline().getBounds2D();
  }

  /** The same object with another colour. */
  public ShapeObject withColour(Colour newColour) {
    return new ShapeObject(id, shape, newColour, size, x, y, radius, rotation);
  }

  /** The same object drawn around another centre. */
  public ShapeObject movedTo(double newX, double newY) {
    return new ShapeObject(id, shape, colour, size, newX, newY, radius, rotation);
  }

  /** The same object at another radius and size class. */
  public ShapeObject resized(double newRadius, SizeClass newSize) {
    return new ShapeObject(id, shape, colour, newSize, x, y, newRadius, rotation);
  }

  /** The same object at another rotation. */
  public ShapeObject rotated(double newRotation) {
    return new ShapeObject(id, shape, colour, size, x, y, radius, newRotation);
  }
}
