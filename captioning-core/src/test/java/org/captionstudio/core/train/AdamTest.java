package org.captionstudio.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {
  @Test
  void theFusedUpdateIsAdamWithBiasCorrectionStepForStep() {
    Nd4j.getRandom().setSeed(3);
    INDArray p1 = Nd4j.rand(DataType.DOUBLE, 50);
    INDArray p2 = p1.dup();
    Adam fused = new Adam(p1.ulike(), p1.ulike(), 0);
    Adam plain = new Adam(p1.ulike(), p1.ulike(), 0);
    for (int step = 0; step < 4; step++) {
      INDArray g = Nd4j.randn(DataType.DOUBLE, 50);
      INDArray before = g.dup();
      fused.update(p1, g, 0.01);
      plain.updateUnfused(p2, g, 0.01);
      assertArrayEquals(before.toDoubleVector(), g.toDoubleVector(), 0.0, "gradient untouched");
      assertArrayEquals(p2.toDoubleVector(), p1.toDoubleVector(), 1e-12, "step " + step);
    }
    assertEquals(4, fused.steps());
    // The first step moves every parameter by about the learning rate (m̂/√v̂ = ±1).
    INDArray q = Nd4j.zeros(DataType.DOUBLE, 3);
    new Adam(q.ulike(), q.ulike(), 0).update(q, Nd4j.createFromArray(2.0, -0.5, 7.0), 0.01);
    assertArrayEquals(new double[] {-0.01, 0.01, -0.01}, q.toDoubleVector(), 1e-8);
  }
}
