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
 *
 * <p>{@link #doubles} fills arrays kept from one call to the next, so that a search does not
 * allocate (and the collector clear) megabytes of log-probabilities per step. Not thread-safe.
 */
final class HostValues {
  private double[] doubles = new double[0];
  private float[] floats = new float[0];

  /**
   * Every value as a double, in an array that the next call overwrites; it may be longer than
   * {@code x}, and only its first {@code x.length()} values are {@code x}'s.
   */
  double[] doubles(INDArray x) {
    INDArray own = owning(x);
    int n = Math.toIntExact(own.length());
    if (doubles.length < n) {
      doubles = new double[n];
    }
    if (own.dataType() == DataType.DOUBLE) {
      bytes(own).asDoubleBuffer().get(doubles, 0, n);
    } else if (own.dataType() == DataType.FLOAT) {
      if (floats.length < n) {
        floats = new float[n];
      }
      bytes(own).asFloatBuffer().get(floats, 0, n);
      for (int i = 0; i < n; i++) {
        doubles[i] = floats[i];
      }
    } else {
      System.arraycopy(own.castTo(DataType.DOUBLE).data().asDouble(), 0, doubles, 0, n);
    }
    return doubles;
  }

  /** Every value as a float (rounded from double as {@code castTo(FLOAT)} rounds), a new array. */
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
