package org.captionstudio.vision.encoder;

import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.vision.image.DecodedImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns a CNN's feature map into region vectors with their boxes in the original images. */
final class RegionGrid {
  private RegionGrid() {}

  /**
   * @param map the feature map, {@code [B, D, rows, cols]}
   * @param images the images the batch was made from, for names and warnings
   * @param geometries how each image was resized and cropped
   */
  static List<EncodedImage> split(
      INDArray map, List<DecodedImage> images, List<CropGeometry> geometries) {
    int rows = (int) map.size(2);
    int cols = (int) map.size(3);
    int dim = (int) map.size(1);
    // [B, D, rows, cols] -> [B, rows, cols, D]: region-major, one D-vector per cell
    float[] regions = map.permute(0, 2, 3, 1).dup('c').data().asFloat();
    int perImage = rows * cols * dim;
    List<EncodedImage> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      float[] own = new float[perImage];
      System.arraycopy(regions, i * perImage, own, 0, perImage);
      double[] boxes = new double[rows * cols * 4];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          System.arraycopy(
              geometries.get(i).cellInSource(r, c, rows, cols), 0, boxes, (r * cols + c) * 4, 4);
        }
      }
      out.add(new EncodedImage(images.get(i).source(), own, boxes, images.get(i).warnings()));
    }
    return out;
  }
}
