package org.captionstudio.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Fp16} against a reference written the slow, obvious way: a half's value from its fields in
 * double arithmetic, and rounding as a search for the nearest of all finite halves.
 */
class Fp16Test {
  private static final int LARGEST_FINITE = 0x7BFF;

  /** The value of every non-negative finite half, in bit order, which is also value order. */
  private static final double[] POSITIVE = new double[LARGEST_FINITE + 1];

  static {
    for (int bits = 0; bits <= LARGEST_FINITE; bits++) {
      POSITIVE[bits] = referenceValue(bits);
    }
  }

  /** A finite half's value: (-1)^s × 2^(e-15) × 1.m, or (-1)^s × 2^-14 × 0.m when e = 0. */
  private static double referenceValue(int bits) {
    int exponent = (bits >> 10) & 0x1F;
    int mantissa = bits & 0x3FF;
    double magnitude =
        exponent == 0
            ? Math.scalb((double) mantissa, -24)
            : Math.scalb(1024.0 + mantissa, exponent - 25);
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
  }

  /** The nearest half to a finite float, ties to the even bit pattern, by binary search. */
  private static int referenceRound(float value) {
    int sign = Float.floatToRawIntBits(value) < 0 ? 0x8000 : 0;
    double magnitude = Math.abs((double) value);
    if (magnitude >= 65520.0) {
      return sign | 0x7C00;
    }
    int low = 0;
    int high = LARGEST_FINITE;
    while (low < high) { // the largest half <= magnitude
      int mid = (low + high + 1) >>> 1;
      if (POSITIVE[mid] <= magnitude) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    if (POSITIVE[low] == magnitude || low == LARGEST_FINITE) {
      return sign | low;
    }
    double below = magnitude - POSITIVE[low]; // exact: neighbouring floats differ in few bits
    double above = POSITIVE[low + 1] - magnitude;
    int nearest = below < above ? low : above < below ? low + 1 : (low % 2 == 0 ? low : low + 1);
    return sign | nearest;
  }

  private static void assertRoundsLikeReference(float value) {
    int actual = Fp16.fromFloat(value) & 0xFFFF;
    if (Float.isNaN(value)) {
      int sign = Float.floatToRawIntBits(value) < 0 ? 0x8000 : 0;
      if ((actual & 0x7C00) != 0x7C00 || (actual & 0x3FF) == 0 || (actual & 0x8000) != sign) {
        fail(
            "NaN "
                + Integer.toHexString(Float.floatToRawIntBits(value))
                + " became "
                + hex(actual));
      }
      return;
    }
    int expected = referenceRound(value);
    if (actual != expected) {
      fail(
          value
              + " ("
              + Float.toHexString(value)
              + ") became "
              + hex(actual)
              + ", not "
              + hex(expected));
    }
  }

  private static String hex(int half) {
    return String.format("0x%04X", half);
  }

  @Test
  void everyHalfConvertsToItsExactValue() {
    for (int bits = 0; bits <= 0xFFFF; bits++) {
      float actual = Fp16.toFloat((short) bits);
      int exponent = (bits >> 10) & 0x1F;
      int mantissa = bits & 0x3FF;
      boolean negative = (bits & 0x8000) != 0;
      if (exponent == 0x1F && mantissa == 0) {
        assertEquals(negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, actual);
      } else if (exponent == 0x1F) {
        assertTrue(Float.isNaN(actual), hex(bits));
        int floatBits = Float.floatToRawIntBits(actual);
        assertEquals(negative, floatBits < 0, hex(bits));
        assertEquals(mantissa, (floatBits >>> 13) & 0x3FF, "NaN payload of " + hex(bits));
      } else {
        float expected = (float) referenceValue(bits);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), hex(bits));
      }
    }
  }

  @Test
  void everyFiniteHalfSurvivesARoundTripThroughFloat() {
    for (int bits = 0; bits <= 0xFFFF; bits++) {
      if ((bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0) {
        continue; // NaN payloads are checked separately: fromFloat makes them quiet
      }
      assertEquals(bits, Fp16.fromFloat(Fp16.toFloat((short) bits)) & 0xFFFF, hex(bits));
    }
  }

  @Test
  void quietNaNsKeepTheirPayloadAndSignallingOnesBecomeQuiet() {
    for (int bits = 0x7C01; bits <= 0xFFFF; bits++) {
      if ((bits & 0x7C00) != 0x7C00 || (bits & 0x3FF) == 0) {
        continue;
      }
      int back = Fp16.fromFloat(Fp16.toFloat((short) bits)) & 0xFFFF;
      assertEquals(bits | 0x200, back, hex(bits));
    }
  }

  @Test
  void pointsHalfwayBetweenNeighbouringHalvesRoundToEvenAndTheirNeighboursRoundToTheNearer() {
    for (int bits = 0; bits < LARGEST_FINITE; bits++) {
      float mid = (float) ((POSITIVE[bits] + POSITIVE[bits + 1]) / 2); // exact: 12 significant bits
      for (float value : new float[] {mid, Math.nextUp(mid), Math.nextDown(mid)}) {
        assertRoundsLikeReference(value);
        assertRoundsLikeReference(-value);
      }
      int even = bits % 2 == 0 ? bits : bits + 1;
      assertEquals(even, Fp16.fromFloat(mid) & 0xFFFF, "tie above " + hex(bits));
    }
  }

  @Test
  void randomFloatsOfEveryMagnitudeRoundLikeTheReference() {
    SplittableRandom random = new SplittableRandom(20261122L);
    for (int i = 0; i < 1_000_000; i++) {
      assertRoundsLikeReference(Float.intBitsToFloat(random.nextInt())); // every exponent, NaNs too
      assertRoundsLikeReference((float) random.nextDouble(-70_000, 70_000));
      assertRoundsLikeReference((float) random.nextDouble(-0x1p-13, 0x1p-13)); // subnormal halves
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.0, 0x0000",
    "-0.0, 0x8000",
    "1.0, 0x3C00",
    "-2.0, 0xC000",
    "0.1, 0x2E66",
    "0.33333334, 0x3555",
    "65504.0, 0x7BFF",
    "65519.996, 0x7BFF",
    "65520.0, 0x7C00",
    "1.0e9, 0x7C00",
    "-1.0e9, 0xFC00",
    "6.1035156e-5, 0x0400", // 2^-14, the smallest normal
    "6.097555e-5, 0x03FF", // the largest subnormal
    "5.9604645e-8, 0x0001", // 2^-24, the smallest subnormal
    "2.9802322e-8, 0x0000", // 2^-25 ties to zero
    "2.9802326e-8, 0x0001", // just above 2^-25
    "Infinity, 0x7C00",
    "-Infinity, 0xFC00"
  })
  void knownValuesEncodeAsPublished(float value, String expectedHex) {
    int expected = Integer.decode(expectedHex);
    assertEquals(hex(expected), hex(Fp16.fromFloat(value) & 0xFFFF));
  }

  @Test
  void nonFiniteHalvesAreRecognised() {
    assertTrue(Fp16.isNonFinite(Fp16.fromFloat(Float.NaN)));
    assertTrue(Fp16.isNonFinite(Fp16.fromFloat(70_000f)));
    assertTrue(!Fp16.isNonFinite(Fp16.fromFloat(Fp16.MAX_VALUE)));
  }
}
