package org.captionstudio.core.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The few tensor primitives the decoder is written in. */
final class Nd {
  private Nd() {}

  /**
   * {@code c = op(a) · op(b) + beta · c}, written into {@code c} (which may be a row-block view).
   */
  static INDArray mm(INDArray a, boolean ta, INDArray b, boolean tb, INDArray c, double beta) {
    MMulTranspose t = MMulTranspose.builder().transposeA(ta).transposeB(tb).build();
    Nd4j.exec(new Mmul(a, b, c, 1.0, beta, t));
    return c;
  }

  /** {@code c = op(a) · op(b)}. */
  static INDArray mm(INDArray a, boolean ta, INDArray b, boolean tb, INDArray c) {
    return mm(a, ta, b, tb, c, 0.0);
  }

  /** {@code c = a · b}. */
  static INDArray mm(INDArray a, INDArray b, INDArray c) {
    return mm(a, false, b, false, c, 0.0);
  }

  /** Rows {@code [from, to)} of a matrix or of the first axis of a tensor: a contiguous view. */
  static INDArray rows(INDArray x, long from, long to) {
    INDArrayIndex[] index = new INDArrayIndex[x.rank()];
    index[0] = NDArrayIndex.interval(from, to);
    for (int i = 1; i < index.length; i++) {
      index[i] = NDArrayIndex.all();
    }
    return x.get(index);
  }

  /** Columns {@code [from, to)} of a matrix: a strided view. */
  static INDArray cols(INDArray x, long from, long to) {
    return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
  }

  static INDArray tanhInPlace(INDArray x) {
    Nd4j.exec(new Tanh(x, x));
    return x;
  }

  static INDArray sigmoidInPlace(INDArray x) {
    Nd4j.exec(new Sigmoid(x, x));
    return x;
  }

  /** {@code into = tanh(x)}. */
  static INDArray tanh(INDArray x, INDArray into) {
    Nd4j.exec(new Tanh(x, into));
    return into;
  }
}
