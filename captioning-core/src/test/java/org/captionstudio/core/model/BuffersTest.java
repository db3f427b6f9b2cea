package org.captionstudio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BuffersTest {
  @Test
  void aSmallerShapeFromAGrownSlotIsAViewThatKeepsWhatWasWritten() {
    Buffers buffers = new Buffers(DataType.FLOAT);
    buffers.get("x", 10, 7).assign(1);
    INDArray small = buffers.get("x", 3, 4);
    small.assign(5);
    Nd.rows(small, 1, 2).assign(9);
    INDArray again = buffers.get("x", 3, 4);
    assertEquals(5f, again.getFloat(0, 3));
    assertEquals(9f, again.getFloat(1, 0));
    assertEquals(3 * 4 * 5 + 4 * 4, again.sumNumber().doubleValue(), 1e-6);
  }
}
