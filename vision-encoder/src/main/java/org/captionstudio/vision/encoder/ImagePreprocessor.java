package org.captionstudio.vision.encoder;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.captionstudio.vision.image.DecodedImage;

/** Resizes (shorter side to the input size), centre-crops and normalises an image for a CNN. */
public final class ImagePreprocessor {
  private ImagePreprocessor() {}

  /**
   * A CNN input and how it was made.
   *
   * @param planar {@code [3, size, size]} floats in the encoder's channel order and scale
   * @param geometry the resize and crop, to map the feature grid back onto the image
   */
  public record Prepared(float[] planar, CropGeometry geometry) {}

  public static Prepared prepare(DecodedImage image, int size, Preprocessing preprocessing) {
    CropGeometry geometry = CropGeometry.centreCrop(image.width(), image.height(), size);
    byte[] cropped = new byte[size * size * 3];
    try (PointerScope scope = new PointerScope()) {
      Mat source = new Mat(image.height(), image.width(), CV_8UC3, new BytePointer(image.rgb()));
      Mat scaled = new Mat();
      boolean shrinking = geometry.scale() < 1;
      resize(
          source,
          scaled,
          new Size(geometry.scaledWidth(), geometry.scaledHeight()),
          0,
          0,
          shrinking ? INTER_AREA : INTER_LINEAR);
      Mat crop = new Mat(scaled, new Rect(geometry.cropX(), geometry.cropY(), size, size)).clone();
      crop.data().get(cropped);
    }
    return new Prepared(preprocessing.toPlanar(cropped, size, size), geometry);
  }
}
