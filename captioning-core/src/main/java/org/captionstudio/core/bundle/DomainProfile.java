package org.captionstudio.core.bundle;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * What the training images looked like to the encoder, and how sure the model was on validation
 * images: so a caption for a picture unlike the training data, or an unusually unsure caption, can
 * carry a warning.
 *
 * <p>An image's distance is the root mean square over feature dimensions of the z-score of its
 * pooled feature (the mean over regions) against the training images' mean and standard deviation
 * per dimension. Training images sit near 1; {@code distanceLimit} is 1.5 × the 99.9th percentile
 * of the training images' distances, so a warning means "further out than practically every
 * training image, by a wide margin".
 *
 * @param featureMean the training images' mean pooled feature, {@code D} values
 * @param featureScale their standard deviation per dimension, floored at a small positive value
 * @param distanceLimit the distance above which an image is out of the model's domain
 * @param confidenceLimit the mean log-probability per token (end included) below which a caption is
 *     flagged as unsure: the 2nd percentile over validation captions; -∞ when unknown
 * @param images how many training images the statistics come from
 */
public record DomainProfile(
    float[] featureMean,
    float[] featureScale,
    double distanceLimit,
    double confidenceLimit,
    int images) {
  /** How far above the training images' 99.9th percentile distance an image may lie. */
  static final double MARGIN = 1.5;

  private static final double MIN_SCALE = 1e-4;

  public DomainProfile {
    if (featureMean == null
        || featureScale == null
        || featureMean.length != featureScale.length
        || featureMean.length == 0) {
      throw new IllegalArgumentException("featureMean and featureScale must have one equal length");
    }
    for (int d = 0; d < featureMean.length; d++) {
      if (!Float.isFinite(featureMean[d]) || !(featureScale[d] > 0) || featureScale[d] > 1e30f) {
        throw new IllegalArgumentException("feature statistics must be finite, scales positive");
      }
    }
    if (!(distanceLimit > 0) || Double.isInfinite(distanceLimit)) {
      throw new IllegalArgumentException("distanceLimit must be finite and positive");
    }
    if (Double.isNaN(confidenceLimit) || confidenceLimit > 0) {
      throw new IllegalArgumentException("confidenceLimit must be <= 0 or -Infinity");
    }
    if (images < 1) {
      throw new IllegalArgumentException("images must be >= 1");
    }
    featureMean = featureMean.clone();
    featureScale = featureScale.clone();
  }

  /**
   * The profile of {@code count} training images, reading each one's region features {@code [L, D]}
   * twice (mean and spread, then distances), so a store larger than memory is fine.
   */
  public static DomainProfile of(
      int count, int regions, int dim, IntFunction<float[]> regionsOf, double confidenceLimit) {
    if (count < 1) {
      throw new IllegalArgumentException("no images to profile");
    }
    double[] sum = new double[dim];
    double[] sumSquares = new double[dim];
    for (int i = 0; i < count; i++) {
      double[] pooled = pooled(regionsOf.apply(i), regions, dim);
      for (int d = 0; d < dim; d++) {
        sum[d] += pooled[d];
        sumSquares[d] += pooled[d] * pooled[d];
      }
    }
    float[] mean = new float[dim];
    float[] scale = new float[dim];
    for (int d = 0; d < dim; d++) {
      double m = sum[d] / count;
      double variance = Math.max(0, sumSquares[d] / count - m * m);
      mean[d] = (float) m;
      scale[d] = (float) Math.max(MIN_SCALE, Math.sqrt(variance));
    }
    double[] distances = new double[count];
    for (int i = 0; i < count; i++) {
      distances[i] = distance(mean, scale, pooled(regionsOf.apply(i), regions, dim));
    }
    Arrays.sort(distances);
    double p999 = distances[(int) Math.min(count - 1, Math.ceil(0.999 * count) - 1)];
    return new DomainProfile(
        mean, scale, MARGIN * Math.max(p999, MIN_SCALE), confidenceLimit, count);
  }

  /** The 2nd percentile of these mean per-token log-probabilities, -∞ for none. */
  public static double confidenceLimit(double[] meanLogProbabilities) {
    if (meanLogProbabilities.length == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] sorted = meanLogProbabilities.clone();
    Arrays.sort(sorted);
    return Math.min(0, sorted[(int) Math.floor(0.02 * (sorted.length - 1))]);
  }

  /** The distance of one image, given its region features {@code [L, D]} row-major. */
  public double distance(float[] regions) {
    int dim = featureMean.length;
    if (regions.length % dim != 0) {
      throw new IllegalArgumentException(
          regions.length + " values are not whole " + dim + "-dim regions");
    }
    return distance(featureMean, featureScale, pooled(regions, regions.length / dim, dim));
  }

  /** Whether an image lies outside the training images. */
  public boolean outOfDomain(float[] regions) {
    return distance(regions) > distanceLimit;
  }

  private static double distance(float[] mean, float[] scale, double[] pooled) {
    double s = 0;
    for (int d = 0; d < mean.length; d++) {
      double z = (pooled[d] - mean[d]) / scale[d];
      s += z * z;
    }
    return Math.sqrt(s / mean.length);
  }

  private static double[] pooled(float[] regions, int count, int dim) {
    if (regions.length != count * dim) {
      throw new IllegalArgumentException(
          "expected " + count + "x" + dim + " values, got " + regions.length);
    }
    double[] pooled = new double[dim];
    for (int r = 0; r < count; r++) {
      for (int d = 0; d < dim; d++) {
        pooled[d] += regions[r * dim + d];
      }
    }
    for (int d = 0; d < dim; d++) {
      pooled[d] /= count;
    }
    return pooled;
  }

  @Override
  public float[] featureMean() {
    return featureMean.clone();
  }

  @Override
  public float[] featureScale() {
    return featureScale.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainProfile p
        && Arrays.equals(featureMean, p.featureMean)
        && Arrays.equals(featureScale, p.featureScale)
        && distanceLimit == p.distanceLimit
        && confidenceLimit == p.confidenceLimit
        && images == p.images;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(featureMean) * 31 + images;
  }

  @Override
  public String toString() {
    return "DomainProfile[D="
        + featureMean.length
        + ", distanceLimit="
        + distanceLimit
        + ", confidenceLimit="
        + confidenceLimit
        + ", images="
        + images
        + "]";
  }
}
