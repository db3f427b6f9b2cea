package org.captionstudio.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostValuesTest {

  @ParameterizedTest
  @EnumSource(
      value = DataType.class,
      names = {"FLOAT", "DOUBLE", "HALF"})
  void readsExactlyWhatTheCastAndCopyRead(DataType type) {
    INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 7).muli(30).castTo(type);

    assertArrayEquals(
        x.castTo(DataType.DOUBLE).dup('c').data().asDouble(), new HostValues().doubles(x), 0.0);
    assertArrayEquals(x.castTo(DataType.FLOAT).dup('c').data().asFloat(), HostValues.floats(x), 0f);
  }

  @Test
  void viewsAndFortranOrderAreReadRowMajor() {
    INDArray whole = Nd4j.arange(0, 35).castTo(DataType.FLOAT).reshape('c', 5, 7);
    INDArray rows = whole.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all()); // offset view
    INDArray columns = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)); // strided
    INDArray fortran = whole.dup('f');

    assertArrayEquals(
        new double[] {14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27},
        new HostValues().doubles(rows),
        0.0);
    assertArrayEquals(
        new float[] {1, 2, 8, 9, 15, 16, 22, 23, 29, 30}, HostValues.floats(columns), 0f);
    assertArrayEquals(whole.data().asDouble(), new HostValues().doubles(fortran), 0.0);
  }

  @Test
  void aSmallerReadAfterALargerOneOverwritesTheFrontOfTheSameArray() {
    HostValues host = new HostValues();
    double[] first = host.doubles(Nd4j.ones(DataType.FLOAT, 3, 4));

    double[] second = host.doubles(Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}}));

    assertSame(first, second);
    assertArrayEquals(new double[] {5, 6, 7, 8, 1, 1, 1, 1, 1, 1, 1, 1}, second, 0.0);
  }
}
