package org.captionstudio.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DomainProfileTest {
  private static final int REGIONS = 4;
  private static final int DIM = 16;

  /** Region features around a per-dimension centre, as an encoder gives for one kind of image. */
  private static float[][] images(int count, long seed, double shift, double spread) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] out = new float[count][REGIONS * DIM];
    for (int i = 0; i < count; i++) {
      for (int r = 0; r < REGIONS; r++) {
        for (int d = 0; d < DIM; d++) {
          double centre = d % 3 + shift;
          out[i][r * DIM + d] = (float) (centre + spread * gaussian(random));
        }
      }
    }
    return out;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Test
  void imagesLikeTheTrainingImagesPassAndOthersAreFlagged() {
    float[][] training = images(3000, 1, 0, 1);
    DomainProfile p = DomainProfile.of(training.length, REGIONS, DIM, i -> training[i], -0.5);
    assertEquals(3000, p.images());
    assertEquals(-0.5, p.confidenceLimit());
    // Training images sit near distance 1, and the limit is 1.5 × their 99.9th percentile.
    assertTrue(p.distanceLimit() > 1.5 && p.distanceLimit() < 3, "limit " + p.distanceLimit());

    float[][] fresh = images(2000, 2, 0, 1);
    long flagged = java.util.Arrays.stream(fresh).filter(p::outOfDomain).count();
    assertTrue(flagged <= 2, flagged + " of 2000 in-domain images flagged");

    // Another kind of picture: features shifted or far more spread out than anything trained on.
    for (float[][] other : new float[][][] {images(200, 3, 2.5, 1), images(200, 4, 0, 8)}) {
      long out = java.util.Arrays.stream(other).filter(p::outOfDomain).count();
      assertEquals(200, out, "out-of-domain images caught");
    }
    assertFalse(p.outOfDomain(training[0]));
  }

  @Test
  void theConfidenceLimitIsTheSecondPercentile() {
    double[] values = new double[101];
    for (int i = 0; i <= 100; i++) {
      values[i] = -i / 100.0;
    }
    assertEquals(-0.98, DomainProfile.confidenceLimit(values), 1e-12);
    assertEquals(Double.NEGATIVE_INFINITY, DomainProfile.confidenceLimit(new double[0]));
  }

  @Test
  void badStatisticsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DomainProfile(new float[] {0, 1}, new float[] {1}, 2, -1, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DomainProfile(new float[] {0}, new float[] {0}, 2, -1, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DomainProfile(new float[] {Float.NaN}, new float[] {1}, 2, -1, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DomainProfile(new float[] {0}, new float[] {1}, Double.NaN, -1, 5));
  }
}
