package org.captionstudio.core.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A step's outputs read into Java arrays, row-major. An array that owns its whole buffer in c order
 * (what a decoder step returns) is read with one bulk copy of its memory; anything else is first
 * copied into such an array. The values are exactly those of {@code castTo(…).dup('c')} followed by
 * {@code data().asDouble()} or {@code asFloat()}: float to double widens exactly. The bulk copy
 * runs no ND4J op, so a decoding step does not wait on ND4J's threads for two conversions and two
 * copies.
 */
final class HostValues {
  private HostValues() {}

  /** Every value as a double. */
  static double[] doubles(INDArray x) {
    INDArray own = owning(x);
    int n = Math.toIntExact(own.length());
    double[] values = new double[n];
    if (own.dataType() == DataType.DOUBLE) {
      bytes(own).asDoubleBuffer().get(values);
    } else if (own.dataType() == DataType.FLOAT) {
      float[] floats = new float[n];
      bytes(own).asFloatBuffer().get(floats);
      for (int i = 0; i < n; i++) {
        values[i] = floats[i];
      }
    } else {
      return own.castTo(DataType.DOUBLE).data().asDouble();
    }
    return values;
  }

  /** Every value as a float (rounded from double as {@code castTo(FLOAT)} rounds). */
  static float[] floats(INDArray x) {
    INDArray own = owning(x);
    if (own.dataType() != DataType.FLOAT) {
      return own.castTo(DataType.FLOAT).data().asFloat();
    }
    float[] values = new float[Math.toIntExact(own.length())];
    bytes(own).asFloatBuffer().get(values);
    return values;
  }

  /** {@code x} itself if it owns its whole buffer in c order, else a c-ordered copy. */
  private static INDArray owning(INDArray x) {
    boolean whole =
        !x.isView()
            && x.ordering() == 'c'
            && x.offset() == 0
            && x.data().length() == x.length()
            && !x.isEmpty();
    return whole ? x : x.dup('c');
  }

  /** The array's memory on the host (synchronised from the device on CUDA), native byte order. */
  private static ByteBuffer bytes(INDArray x) {
    Nd4j.getAffinityManager().ensureLocation(x, AffinityManager.Location.HOST);
    ByteBuffer bytes = x.data().asNio();
    bytes.position(0);
    return bytes.order(ByteOrder.nativeOrder());
  }
}
