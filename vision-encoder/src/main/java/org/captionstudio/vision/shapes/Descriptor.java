package org.captionstudio.vision.shapes;

/**
 * What a noun phrase says about the objects it names: a size, a colour and a shape, each optional
 * (a null shape is the generic noun "shape"/"object").
 */
record Descriptor(SizeClass size, Colour colour, Shape shape) {
  /** Whether the object fits everything the phrase says. */
  boolean matches(ShapeObject object) {
    return (size == null || size == object.size())
        && (colour == null || colour == object.colour())
        && (shape == null || shape == object.shape());
  }
}
