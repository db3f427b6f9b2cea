package org.captionstudio.core.features;

import java.util.SplittableRandom;

/** Deterministic fake region features per id, the same in every JVM. */
final class SyntheticFeatures {
  /** A small shape for tests: 3 × 2 grid, 5 channels. */
  static final FeatureStoreHeader SMALL_FP32 =
      FeatureStoreHeader.of("test-encoder", 3, 2, 5, Precision.FP32, "dataset-1");

  private SyntheticFeatures() {}

  /** {@code values} floats in [-8, 8) drawn from a generator seeded by {@code id}. */
  static float[] of(String id, int values) {
    SplittableRandom random = new SplittableRandom(id.hashCode() * 0x9E3779B97F4A7C15L);
    float[] features = new float[values]; // [regions, featureDim]
    for (int i = 0; i < values; i++) {
      features[i] = (float) random.nextDouble(-8, 8);
    }
    return features;
  }

  /** The id of the {@code i}th test item. */
  static String id(int i) {
    return "item-" + i;
  }
}
