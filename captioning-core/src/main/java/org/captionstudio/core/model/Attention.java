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
   * One attention step for {@code rows} queries: {@link #combine}, {@link #weights}, {@link
   * #context}. Training calls the three parts itself so that the activation and the scores run once
   * over all tokens of a batch.
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
    combine(vp, hg, pre);
    weights(p, pre, alpha);
    context(alpha, v, ctx);
  }

  /** {@code pre = vp + hg} broadcast over the L regions: {@code [rows, L, A]}. */
  static void combine(INDArray vp, INDArray hg, INDArray pre) {
    Nd4j.exec(new BroadcastAddOp(vp, hg, pre, 0, 2));
  }

  /**
   * {@code pre ← tanh(pre)} and {@code alpha = softmax_i(pre_i · w_a)}, for any number of rows.
   * tanh is computed as {@code 2σ(2x) − 1}, the same function, because ND4J's sigmoid runs nearly
   * twice as fast as its tanh on these sizes.
   */
  static void weights(DecoderParameters p, INDArray pre, INDArray alpha) {
    long rows = pre.size(0);
    long l = pre.size(1);
    long a = pre.size(2);
    INDArray flat = pre.reshape(rows * l, a);
    flat.muli(2);
    Nd.sigmoidInPlace(flat);
    flat.muli(2).subi(1); // tanh
    INDArray wa = p.get(ParameterNames.ATT_WA).reshape(a, 1);
    mm(flat, wa, alpha.reshape(rows * l, 1)); // [rows·L, 1] scores
    Nd4j.exec(new SoftMax(alpha, alpha, 1)); // [rows, L]
  }

  /** {@code ctx = Σ_i α_i V_i}: {@code [rows, 1, L] × [rows, L, D] → [rows, 1, D]}. */
  static void context(INDArray alpha, INDArray v, INDArray ctx) {
    long rows = alpha.size(0);
    Nd4j.matmul(alpha.reshape(rows, 1, alpha.size(1)), v, ctx.reshape(rows, 1, v.size(2)));
  }
}
