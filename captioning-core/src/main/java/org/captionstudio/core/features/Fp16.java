package org.captionstudio.core.features;

/**
 * IEEE 754 binary16 ("half") conversion, as the feature store keeps FP16 features. Java 17 has no
 * {@code Float.float16ToFloat}, so both directions are written out here on raw bits.
 *
 * <p>A half is 1 sign bit, 5 exponent bits (bias 15) and 10 mantissa bits. Every half is exactly a
 * float, so {@link #toFloat} is exact; {@link #fromFloat} rounds to the nearest half, ties to an
 * even mantissa, keeps subnormals, turns magnitudes of 65520 and above into infinity and keeps NaN
 * a (quiet) NaN with the same sign.
 */
public final class Fp16 {
  /** The largest finite half, 65504. */
  public static final float MAX_VALUE = 65504f;

  private static final int FLOAT_EXP_MASK = 0x7F800000;
  // The smallest float that rounds to infinity as a half: 65520, halfway between 65504 and 2^16.
  private static final int ROUNDS_TO_INFINITY = 0x477FF000;
  // 2^-14, the smallest normal half.
  private static final int SMALLEST_NORMAL = 0x38800000;
  // 2^-25, half the smallest subnormal half (2^-24); it and everything below round to zero.
  private static final int ROUNDS_TO_ZERO = 0x33000000;

  private Fp16() {}

  /** The float equal to half {@code bits} (the low 16 bits of the argument). */
  public static float toFloat(short bits) {
    int half = bits & 0xFFFF;
    int sign = (half & 0x8000) << 16;
    int exponent = (half >>> 10) & 0x1F;
    int mantissa = half & 0x3FF;
    if (exponent == 0x1F) {
      // Infinity (mantissa 0) or NaN (payload kept in the top mantissa bits).
      return Float.intBitsToFloat(sign | FLOAT_EXP_MASK | (mantissa << 13));
    }
    if (exponent != 0) {
      // Normal: rebias the exponent from 15 to 127.
      return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
    // Zero or subnormal: mantissa × 2^-24, exact as a float.
    float magnitude = mantissa * 0x1p-24f;
    return sign == 0 ? magnitude : -magnitude;
  }

  /** The half nearest to {@code value}, ties to even, as its 16 bits. */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = bits & 0x7FFFFFFF;
    if (magnitude >= FLOAT_EXP_MASK) {
      if (magnitude == FLOAT_EXP_MASK) {
        return (short) (sign | 0x7C00);
      }
      // NaN: quiet, with the top bits of the payload.
      return (short) (sign | 0x7E00 | ((magnitude >>> 13) & 0x3FF));
    }
    if (magnitude >= ROUNDS_TO_INFINITY) {
      return (short) (sign | 0x7C00);
    }
    if (magnitude >= SMALLEST_NORMAL) {
      // Normal half: rebias the exponent, keep the top 10 of 23 mantissa bits, round the other 13.
      int half = ((magnitude >>> 23) - 112) << 10 | ((magnitude >>> 13) & 0x3FF);
      int rest = magnitude & 0x1FFF;
      if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
        half++; // a carry out of the mantissa correctly bumps the exponent
      }
      return (short) (sign | half);
    }
    if (magnitude <= ROUNDS_TO_ZERO) {
      return (short) sign;
    }
    // Subnormal half: the value in units of 2^-24 is significand × 2^(exponent - 126), where the
    // float's exponent is 102..112, so the shift is 14..24 bits.
    int exponent = magnitude >>> 23;
    int significand = (magnitude & 0x7FFFFF) | 0x800000;
    int shift = 126 - exponent;
    int half = significand >>> shift;
    int rest = significand & ((1 << shift) - 1);
    int halfway = 1 << (shift - 1);
    if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
      half++; // rounding up from 0x3FF gives 0x400, the smallest normal: still correct
    }
    return (short) (sign | half);
  }

  /** Whether half {@code bits} is infinite or NaN. */
  public static boolean isNonFinite(short bits) {
    return (bits & 0x7C00) == 0x7C00;
  }
}
