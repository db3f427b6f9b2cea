package org.captionstudio.benchmarks.decoder;

import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The useful arithmetic of one training step of our decoder, counted from the shapes (matrix
 * products only, 2 flops per multiply-add; element-wise work is left out), and the machine's
 * measured matrix-product peak, so a benchmark can say how close to the peak a step runs.
 */
public final class DecoderFlops {
  private DecoderFlops() {}

  /** Forward and backward matrix-product flops of one step on {@code batch} (packed tokens). */
  public static double trainStep(DecoderConfig c, DecoderBatch batch) {
    double k = batch.tokens();
    double b = batch.rows();
    double l = batch.features().size(1);
    double d = c.featureSize();
    double n = c.hiddenSize();
    double e = c.embeddingSize();
    double a = c.attentionSize();
    double v = c.vocabularySize();
    double g = c.cell().gates();
    double forward = 0;
    forward += c.layers() * (b * d * n * (c.cell().hasCellState() ? 2 : 1)); // initial states
    for (int layer = 0; layer < c.layers(); layer++) {
      double in = layer == 0 ? e : n;
      forward += k * in * g * n; // input projection
      forward += k * n * g * n; // recurrent products
    }
    forward += b * l * d * a; // regions into the attention space
    forward += k * n * a; // query projection
    forward += k * l * a; // scores
    forward += k * l * d; // context
    forward += k * (n + d) * n; // output layer
    forward += k * n * v; // vocabulary projection
    // Backward: two products per forward product (into the input and into the weights), minus
    // the input gradients nobody needs (the region features and the first layer's words).
    double backward = 2 * forward - b * l * d * a - k * l * d;
    return 2 * (forward + backward);
  }

  /** The median GFLOP/s of a square single-precision product of side {@code size}. */
  public static double gemmPeak(int size, int repeats) {
    INDArray x = Nd4j.rand(DataType.FLOAT, size, size);
    INDArray y = Nd4j.rand(DataType.FLOAT, size, size);
    INDArray z = Nd4j.create(DataType.FLOAT, size, size);
    double[] gflops = new double[repeats];
    x.mmuli(y, z); // warm-up
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      x.mmuli(y, z);
      gflops[i] = 2.0 * size * size * size / (System.nanoTime() - t0);
    }
    java.util.Arrays.sort(gflops);
    return gflops[repeats / 2];
  }
}
