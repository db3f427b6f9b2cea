package org.captionstudio.vision.encoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every grid encoder does around its CNN: decode, resize and crop to the input, normalise, run
 * to the tap vertex, and turn the {@code [B, D, rows, cols]} map into region vectors with their
 * boxes in the original images.
 */
final class RegionGrid {
  private RegionGrid() {}

  static List<DecodedImage> decodeAll(ImageDecoder decoder, List<Path> files)
      throws CaptioningException {
    List<DecodedImage> decoded = new ArrayList<>(files.size());
    for (Path file : files) {
      decoded.add(decoder.decode(file));
    }
    return decoded;
  }

  /** Runs {@code images} through {@code graph} up to {@code tap}. */
  static List<EncodedImage> encode(
      List<DecodedImage> images,
      int size,
      Preprocessing preprocessing,
      ComputationGraph graph,
      String tap) {
    int plane = 3 * size * size;
    float[] input = new float[images.size() * plane]; // [B, 3, size, size]
    List<CropGeometry> geometries = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      ImagePreprocessor.Prepared prepared =
          ImagePreprocessor.prepare(images.get(i), size, preprocessing);
      System.arraycopy(prepared.planar(), 0, input, i * plane, plane);
      geometries.add(prepared.geometry());
    }
    INDArray batch = Nd4j.create(input, new long[] {images.size(), 3, size, size});
    INDArray map = graph.output(List.of(tap), false, new INDArray[] {batch}, null)[0];
    return split(map, images, geometries);
  }

  /**
   * @param map the feature map, {@code [B, D, rows, cols]}
   */
  private static List<EncodedImage> split(
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
      CropGeometry g = geometries.get(i);
      out.add(
          new EncodedImage(
              images.get(i).source(),
              own,
              boxes,
              g.sourceWidth(),
              g.sourceHeight(),
              images.get(i).warnings()));
    }
    return out;
  }
}
