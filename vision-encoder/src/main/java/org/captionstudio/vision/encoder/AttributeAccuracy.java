package org.captionstudio.vision.encoder;

/**
 * How well the ShapesWorld encoder's pretraining head reads a split, cell by cell.
 *
 * @param occupancy share of cells whose empty-or-not is right
 * @param shape share of single-object cells whose most likely shape is right
 * @param colour share of single-object cells whose most likely colour is right
 * @param size share of single-object cells whose most likely size is right
 * @param cells cells scored for occupancy
 * @param objectCells single-object cells scored for shape, colour and size
 */
public record AttributeAccuracy(
    double occupancy, double shape, double colour, double size, long cells, long objectCells) {

  /** The weakest of shape, colour and size: what the captioner can rely on. */
  public double weakestAttribute() {
    return Math.min(shape, Math.min(colour, size));
  }
}
