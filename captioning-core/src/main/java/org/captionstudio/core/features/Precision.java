package org.captionstudio.core.features;

/** How a feature store keeps each feature value on disk. */
public enum Precision {
  /** IEEE single precision, 4 bytes a value, exact. */
  FP32(4),
  /**
   * IEEE half precision, 2 bytes a value: half the disk and memory traffic, about three significant
   * decimal digits, magnitudes up to 65504.
   */
  FP16(2);

  private final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per stored value. */
  public int bytes() {
    return bytes;
  }
}
