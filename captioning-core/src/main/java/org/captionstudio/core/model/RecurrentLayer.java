package org.captionstudio.core.model;

import static org.captionstudio.core.model.Nd.cols;
import static org.captionstudio.core.model.Nd.mm;
import static org.captionstudio.core.model.Nd.rows;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One recurrent layer (LSTM or GRU) over a packed batch, forward and backward through time: a layer
 * of the decoder, or the temporal encoder that runs over a video's frames.
 *
 * <p>The input projection of all tokens is one matrix product before the loop; each step adds its
 * recurrent product to its own rows of that projection and applies the gates in place, so the loop
 * allocates nothing. {@link #cellStep} is the one step function: the training loop and the
 * decoder's {@link AttentionDecoder#step} both call it.
 */
final class RecurrentLayer {
  private final CellType cellType;
  private final int n;
  private final String inputWeight;
  private final String recurrentWeight;
  private final String candidateWeight;
  private final String bias;
  private final String prefix;

  private RecurrentLayer(
      CellType cellType,
      int hiddenSize,
      String inputWeight,
      String recurrentWeight,
      String candidateWeight,
      String bias,
      String prefix) {
    this.cellType = cellType;
    this.n = hiddenSize;
    this.inputWeight = inputWeight;
    this.recurrentWeight = recurrentWeight;
    this.candidateWeight = candidateWeight;
    this.bias = bias;
    this.prefix = prefix;
  }

  /** Recurrent layer {@code layer} of the decoder. */
  RecurrentLayer(DecoderConfig config, int layer) {
    this(
        config.cell(),
        config.hiddenSize(),
        ParameterNames.inputWeight(layer),
        ParameterNames.recurrentWeight(layer),
        ParameterNames.candidateWeight(layer),
        ParameterNames.bias(layer),
        "layer" + layer + ".");
  }

  /** The temporal encoder: an LSTM of the decoder's hidden size over the frames. */
  static RecurrentLayer temporalEncoder(DecoderConfig config) {
    return new RecurrentLayer(
        CellType.LSTM,
        config.hiddenSize(),
        ParameterNames.TEMPORAL_WX,
        ParameterNames.TEMPORAL_WH,
        null,
        ParameterNames.TEMPORAL_B,
        "temporal.");
  }

  /**
   * One step for {@code rows} sequences.
   *
   * @param p the parameters
   * @param gates {@code [rows, gates·N]} holding {@code x·Wx + b} on entry; the activated gates on
   *     exit
   * @param hPrev {@code [rows, N]}
   * @param cPrev {@code [rows, N]} for an LSTM, ignored for a GRU
   * @param h {@code [rows, N]} out: the new hidden state
   * @param c {@code [rows, N]} out: the new cell state (LSTM)
   * @param aux {@code [rows, N]} out: tanh(c) for an LSTM, r ⊙ h_{t-1} for a GRU
   * @param scratch {@code [rows, 2N]} scratch (GRU)
   * @param scratchN {@code [rows, N]} scratch (GRU)
   */
  void cellStep(
      DecoderParameters p,
      INDArray gates,
      INDArray hPrev,
      INDArray cPrev,
      INDArray h,
      INDArray c,
      INDArray aux,
      INDArray scratch,
      INDArray scratchN) {
    if (cellType == CellType.LSTM) {
      mm(hPrev, false, p.get(recurrentWeight), false, gates, 1.0);
      // [rows, 4N] = i | f | g | o
      Nd.sigmoidInPlace(cols(gates, 0, 2 * n));
      Nd.tanhInPlace(cols(gates, 2 * n, 3 * n));
      Nd.sigmoidInPlace(cols(gates, 3 * n, 4 * n));
      INDArray i = cols(gates, 0, n);
      INDArray f = cols(gates, n, 2 * n);
      INDArray g = cols(gates, 2 * n, 3 * n);
      INDArray o = cols(gates, 3 * n, 4 * n);
      c.assign(f).muli(cPrev); // c = f ⊙ c_{t-1} + i ⊙ g
      aux.assign(i).muli(g);
      c.addi(aux);
      Nd.tanh(c, aux); // aux = tanh(c)
      h.assign(o).muli(aux); // h = o ⊙ tanh(c)
    } else {
      INDArray rz = cols(gates, 0, 2 * n);
      // [rows, 2N] r | z: x·W + h_{t-1}·Wh
      rz.addi(mm(hPrev, p.get(recurrentWeight), scratch));
      Nd.sigmoidInPlace(rz);
      INDArray r = cols(gates, 0, n);
      INDArray z = cols(gates, n, 2 * n);
      INDArray cand = cols(gates, 2 * n, 3 * n);
      aux.assign(r).muli(hPrev); // [rows, N] r ⊙ h_{t-1}
      cand.addi(mm(aux, p.get(candidateWeight), scratchN));
      Nd.tanhInPlace(cand); // n = tanh(x·Wn + (r ⊙ h_{t-1})·Uh + bn)
      h.assign(hPrev).subi(cand).muli(z).addi(cand); // h = z ⊙ h_{t-1} + (1 − z) ⊙ n
    }
  }

  /**
   * The forward pass of this layer over a packed batch; keeps what backward needs in buffers.
   *
   * @param x {@code [K, in]} the input of every token
   * @param h0 {@code [B, N]} and {@code c0} (LSTM): the initial states
   * @return {@code [K, N]} the hidden state of every token, a buffer
   */
  INDArray forward(
      DecoderParameters p, PackedSteps batch, INDArray x, INDArray h0, INDArray c0, Buffers buf) {
    int k = batch.tokens();
    int b = batch.rows();
    int width = cellType.gates() * n;
    INDArray gates = buf.get(prefix + "gates", k, width); // [K, gates·N]
    mm(x, p.get(inputWeight), gates);
    gates.addiRowVector(p.get(bias));
    INDArray h = buf.get(prefix + "h", k, n); // [K, N]
    INDArray c = buf.get(prefix + "c", k, n); // [K, N] (LSTM)
    INDArray aux = buf.get(prefix + "aux", k, n); // [K, N]
    INDArray scratch = buf.get("cell.scratch", b, 2 * n);
    INDArray scratchN = buf.get("cell.scratchN", b, n);
    for (int t = 0; t < batch.steps(); t++) {
      int bt = batch.batchSize(t);
      int off = batch.offset(t);
      INDArray hPrev = t == 0 ? h0 : rows(h, batch.offset(t - 1), batch.offset(t - 1) + bt);
      INDArray cPrev = t == 0 ? c0 : rows(c, batch.offset(t - 1), batch.offset(t - 1) + bt);
      cellStep(
          p,
          rows(gates, off, off + bt),
          hPrev,
          cPrev,
          rows(h, off, off + bt),
          rows(c, off, off + bt),
          rows(aux, off, off + bt),
          rows(scratch, 0, bt),
          rows(scratchN, 0, bt));
    }
    return h;
  }

  /** {@code [K, N]} the cell state of every token after {@link #forward} (LSTM), a buffer. */
  INDArray cellStates(PackedSteps batch, Buffers buf) {
    return buf.get(prefix + "c", batch.tokens(), n);
  }

  /**
   * Backpropagation through time for this layer.
   *
   * @param dh {@code [K, N]} ∂L/∂h from above (attention and output, or the next layer); used as
   *     scratch
   * @param x {@code [K, in]} this layer's input
   * @param h0 {@code [B, N]} and {@code c0}: the initial states
   * @param dhLast {@code [B, N]} ∂L/∂ each row's final hidden state through what reads it besides
   *     {@code dh} (a decoder that starts from this layer's final state), or null for none; and
   *     {@code dcLast} the same for the final cell state (LSTM)
   * @param dh0 {@code [B, N]} out: ∂L/∂h_0, and {@code dc0}: ∂L/∂c_0 (LSTM)
   * @param hiddenNorms if not null, ‖∂L/∂h_t‖ per step is written here
   * @param inputGradient whether to compute ∂L/∂x (not for the frames, which are data)
   * @return {@code [K, in]} ∂L/∂x, or null without {@code inputGradient}
   */
  INDArray backward(
      DecoderParameters p,
      DecoderParameters grad,
      PackedSteps batch,
      INDArray dh,
      INDArray x,
      INDArray h0,
      INDArray c0,
      INDArray dhLast,
      INDArray dcLast,
      INDArray dh0,
      INDArray dc0,
      double[] hiddenNorms,
      boolean inputGradient,
      Buffers buf) {
    int k = batch.tokens();
    int b = batch.rows();
    int width = cellType.gates() * n;
    INDArray gates = buf.get(prefix + "gates", k, width);
    INDArray h = buf.get(prefix + "h", k, n);
    INDArray c = buf.get(prefix + "c", k, n);
    INDArray aux = buf.get(prefix + "aux", k, n);
    INDArray dGates = buf.get("cell.dgates", k, width); // [K, gates·N] ∂L/∂preactivation
    INDArray deriv = buf.get("cell.deriv", b, width); // [B, gates·N]
    INDArray tmp = buf.get("cell.tmp", b, n);
    INDArray tmp2 = buf.get("cell.tmp2", b, n);
    // The recurrent ∂L/∂h_{t-1} and ∂L/∂c_{t-1} carried down through time, rows [0, b_t) valid.
    // A row is first written at its last step, so what it holds until then is the gradient on its
    // final state from outside.
    if (dhLast == null) {
      dh0.assign(0);
    } else {
      dh0.assign(dhLast);
    }
    if (dcLast == null) {
      dc0.assign(0);
    } else {
      dc0.assign(dcLast);
    }
    INDArray wh = p.get(recurrentWeight);
    INDArray dWh = grad.get(recurrentWeight).assign(0);
    boolean lstm = cellType == CellType.LSTM;
    INDArray uh = lstm ? null : p.get(candidateWeight);
    INDArray dUh = lstm ? null : grad.get(candidateWeight).assign(0);
    INDArray mult = null; // LSTM: ∂gate/∂c (i, f, g) and ∂o/∂h multipliers per token
    INDArray dcdh = null; // LSTM: ∂c/∂h through o ⊙ tanh(c), per token
    INDArray hPrevPacked = buf.get("cell.hprev", k, n); // h_{t-1} of every token
    for (int t = 0; t < batch.steps(); t++) {
      int bt = batch.batchSize(t);
      int off = batch.offset(t);
      int prev = t == 0 ? 0 : batch.offset(t - 1);
      rows(hPrevPacked, off, off + bt).assign(t == 0 ? rows(h0, 0, bt) : rows(h, prev, prev + bt));
    }
    if (lstm) {
      // Everything that does not depend on the recurrence, for all tokens at once.
      mult = buf.get("cell.mult", k, width); // [K, 4N]
      mult.assign(gates).rsubi(1).muli(gates); // σ' = s(1 − s)
      cols(mult, 0, n).muli(cols(gates, 2 * n, 3 * n)); // ∂c/∂i_pre = g ⊙ σ'(i)
      for (int t = 0; t < batch.steps(); t++) {
        int bt = batch.batchSize(t);
        int off = batch.offset(t);
        int prev = t == 0 ? 0 : batch.offset(t - 1);
        INDArray cPrev = t == 0 ? rows(c0, 0, bt) : rows(c, prev, prev + bt);
        cols(rows(mult, off, off + bt), n, 2 * n).muli(cPrev); // ∂c/∂f_pre = c_{t-1} ⊙ σ'(f)
      }
      INDArray gg = cols(gates, 2 * n, 3 * n);
      cols(mult, 2 * n, 3 * n).assign(gg).muli(gg).rsubi(1).muli(cols(gates, 0, n)); // i ⊙ tanh'
      cols(mult, 3 * n, 4 * n).muli(aux); // ∂h/∂o_pre = tanh(c) ⊙ σ'(o)
      dcdh = buf.get("cell.dcdh", k, n).assign(aux).muli(aux).rsubi(1);
      dcdh.muli(cols(gates, 3 * n, 4 * n)); // o ⊙ (1 − tanh²c)
    }
    for (int t = batch.steps() - 1; t >= 0; t--) {
      int bt = batch.batchSize(t);
      int off = batch.offset(t);
      int prev = t == 0 ? 0 : batch.offset(t - 1);
      INDArray hPrev = t == 0 ? h0 : rows(h, prev, prev + bt);
      INDArray dht = rows(dh, off, off + bt).addi(rows(dh0, 0, bt)); // [bt, N] total ∂L/∂h_t
      INDArray g = rows(gates, off, off + bt);
      INDArray dg = rows(dGates, off, off + bt);
      INDArray d = rows(deriv, 0, bt);
      INDArray tb = rows(tmp, 0, bt);
      if (lstm) {
        INDArray m = rows(mult, off, off + bt);
        // ∂c = ∂h ⊙ o ⊙ (1 − tanh²c) + ∂c from step t+1
        Nd4j.exec(new MulOp(dht, rows(dcdh, off, off + bt), tb));
        tb.addi(rows(dc0, 0, bt));
        // ∂i, ∂f, ∂g (pre-activation) = ∂c ⊙ their multipliers: [bt, 3, N]
        INDArray m3 = m.reshape(bt, 4, n).get(all(), interval(0, 3), all());
        INDArray dg3 = dg.reshape(bt, 4, n).get(all(), interval(0, 3), all());
        Nd4j.exec(new BroadcastMulOp(m3, tb, dg3, 0, 2));
        Nd4j.exec(new MulOp(dht, cols(m, 3 * n, 4 * n), cols(dg, 3 * n, 4 * n))); // ∂o
        Nd4j.exec(new MulOp(tb, cols(g, n, 2 * n), rows(dc0, 0, bt))); // ∂c_{t-1} = ∂c ⊙ f
        mm(dg, false, wh, true, rows(dh0, 0, bt), 0.0); // ∂h_{t-1} = ∂gates · Whᵀ
      } else {
        INDArray rh = rows(aux, off, off + bt);
        INDArray r = cols(g, 0, n);
        INDArray z = cols(g, n, 2 * n);
        INDArray cand = cols(g, 2 * n, 3 * n);
        INDArray dr = cols(dg, 0, n);
        INDArray dz = cols(dg, n, 2 * n);
        INDArray dn = cols(dg, 2 * n, 3 * n);
        dz.assign(hPrev).subi(cand).muli(dht); // ∂z = ∂h ⊙ (h_{t-1} − n)
        dn.assign(z).rsubi(1).muli(dht); // ∂n = ∂h ⊙ (1 − z)
        tb.assign(dht).muli(z); // ∂h_{t-1}, direct part
        d.assign(g).rsubi(1).muli(g); // σ' on r, z
        cols(d, 2 * n, 3 * n).assign(cand).muli(cand).rsubi(1); // tanh' on n
        dn.muli(cols(d, 2 * n, 3 * n));
        mm(rh, true, dn, false, dUh, 1.0); // [N, N] += (r ⊙ h_{t-1})ᵀ · ∂n
        INDArray dRh = mm(dn, false, uh, true, rows(tmp2, 0, bt), 0.0); // [bt, N]
        dr.assign(dRh).muli(hPrev).muli(cols(d, 0, n)); // ∂r (pre-activation)
        tb.addi(dRh.muli(r)); // ∂h_{t-1} += ∂(r ⊙ h) ⊙ r
        dz.muli(cols(d, n, 2 * n)); // ∂z (pre-activation)
        INDArray drz = rows(buf.get("cell.drz", b, 2 * n), 0, bt).assign(cols(dg, 0, 2 * n));
        mm(hPrev, true, drz, false, dWh, 1.0);
        mm(drz, false, wh, true, tb, 1.0);
        rows(dh0, 0, bt).assign(tb);
      }
    }
    if (lstm) {
      mm(hPrevPacked, true, dGates, false, dWh, 0.0); // [N, 4N] = Σ_t h_{t-1}ᵀ · ∂gates_t
    }
    if (hiddenNorms != null) {
      for (int t = 0; t < batch.steps(); t++) {
        int off = batch.offset(t);
        hiddenNorms[t] = rows(dh, off, off + batch.batchSize(t)).norm2Number().doubleValue();
      }
    }
    mm(x, true, dGates, false, grad.get(inputWeight), 0.0);
    dGates.sum(grad.get(bias), 0);
    if (!inputGradient) {
      return null;
    }
    INDArray dx = buf.get(prefix + "dx", k, x.size(1)); // [K, in]
    mm(dGates, false, p.get(inputWeight), true, dx, 0.0);
    return dx;
  }
}
