package org.captionstudio.vision.image;

/**
 * How large an image may be before it is refused or decoded at reduced resolution.
 *
 * @param maxFileBytes the largest file read at all
 * @param maxPixels the most pixels decoded at full resolution
 * @param maxReducedPixels the most declared pixels of a JPEG that is still decoded at 1/2, 1/4 or
 *     1/8 scale (libjpeg scales while decoding, so memory stays bounded); other formats over {@code
 *     maxPixels} are refused
 */
public record ImageLimits(long maxFileBytes, long maxPixels, long maxReducedPixels) {
  public ImageLimits {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be >= 1, got " + maxFileBytes);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
    }
    if (maxReducedPixels < maxPixels) {
      throw new IllegalArgumentException(
          "maxReducedPixels must be >= maxPixels (" + maxPixels + "), got " + maxReducedPixels);
    }
  }

  /** The defaults. */
  public static ImageLimits defaults() {
    return new ImageLimits(
        256L << 20, // 256 MiB: no photograph is larger
        50_000_000L, // 50 megapixels at full resolution (150 MB of RGB)
        50_000_000L * 64); // JPEGs up to 3.2 gigapixels decode at 1/8 scale
  }
}
