package org.captionstudio.core.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Named scratch arrays reused from one pass to the next: a slot grows when a larger shape is asked
 * for and is otherwise handed out again, so training allocates nothing per step once warm. Contents
 * are not cleared unless {@link #zeros} is used.
 */
final class Buffers {
  private final Map<String, INDArray> slots = new HashMap<>();
  private final DataType type;

  Buffers(DataType type) {
    this.type = type;
  }

  DataType type() {
    return type;
  }

  /** A c-ordered array of this shape whose contents are whatever the slot held. */
  INDArray get(String name, long... shape) {
    long length = 1;
    for (long s : shape) {
      length = Math.multiplyExact(length, s);
    }
    INDArray slot = slots.get(name);
    if (slot == null || slot.length() < length) {
      long grown = slot == null ? length : Math.max(length, slot.length() + slot.length() / 4);
      slot = Nd4j.createUninitialized(type, grown);
      slots.put(name, slot);
    }
    if (slot.length() == length) {
      return slot.reshape('c', shape);
    }
    return slot.get(NDArrayIndex.interval(0, length)).reshape('c', shape);
  }

  /** As {@link #get}, filled with zeros. */
  INDArray zeros(String name, long... shape) {
    return get(name, shape).assign(0);
  }
}
