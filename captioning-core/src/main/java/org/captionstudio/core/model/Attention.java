package org.captionstudio.core.model;

import static org.captionstudio.core.model.Nd.mm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Soft attention over L regions (or F frames): {@code α_t = softmax_i(w_a · tanh(V_i·Wv + bv +
 * h_t·Wg))}, {@code ĉ_t = Σ_i α_ti V_i}. Training and decoding call the same {@link #step}.
 */
final class Attention {
  private Attention() {}

  /** {@code vp = V·Wv + bv}: {@code [rows·L, D] → [rows·L, A]}, once per image. */
  static INDArray projectRegions(DecoderParameters p, INDArray vFlat, INDArray vp) {
    mm(vFlat, p.get(ParameterNames.ATT_WV), vp);
    vp.addiRowVector(p.get(ParameterNames.ATT_BV));
    return vp;
  }

  /**
   * One attention step for {@code rows} queries.
   *
   * @param vp {@code [rows, L, A]} projected regions
   * @param v {@code [rows, L, D]} regions
   * @param hg {@code [rows, A]} the projected query {@code h_t·Wg}
   * @param pre {@code [rows, L, A]} out: {@code tanh(vp + hg)}, kept for the backward pass
   * @param alpha {@code [rows, L]} out: the attention weights
   * @param ctx {@code [rows, D]} out: the context vector
   */
  static void step(
      DecoderParameters p,
      INDArray vp,
      INDArray v,
      INDArray hg,
      INDArray pre,
      INDArray alpha,
      INDArray ctx) {
    long rows = vp.size(0);
    long l = vp.size(1);
    long a = vp.size(2);
    Nd4j.exec(new BroadcastAddOp(vp, hg, pre, 0, 2)); // [rows, L, A]
    Nd.tanhInPlace(pre);
    INDArray wa = p.get(ParameterNames.ATT_WA).reshape(a, 1);
    mm(pre.reshape(rows * l, a), wa, alpha.reshape(rows * l, 1)); // [rows·L, 1] scores
    Nd4j.exec(new SoftMax(alpha, alpha, 1)); // [rows, L]
    // [rows, 1, L] × [rows, L, D] → [rows, 1, D]
    Nd4j.matmul(alpha.reshape(rows, 1, l), v, ctx.reshape(rows, 1, v.size(2)));
  }
}
