package org.captionstudio.core.model;

import static org.captionstudio.core.model.Nd.mm;
import static org.captionstudio.core.model.Nd.rows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attention decoder of DESIGN.md ("The decoder"), forward and backward written out in ND4J
 * operations.
 *
 * <p>Training runs on a {@link DecoderBatch}, whose tokens are packed time-major: the recurrent
 * layers step through time on the rows still running, and everything that does not feed back into
 * the recurrence (attention scores, the output layer, the vocabulary projection, the loss) runs on
 * all valid tokens at once. Decoding calls {@link #step}, which uses the same cell, attention and
 * output functions one step at a time.
 *
 * <p>Not thread-safe: an instance keeps its scratch arrays between calls.
 */
public final class AttentionDecoder {

  /**
   * What one pass over a batch gives.
   *
   * @param loss cross-entropy plus the attention regulariser: what the gradient is of
   * @param crossEntropy the mean negative log-likelihood per valid token
   * @param regularization λ Σ_i (1 − Σ_t α_ti)² averaged over the batch's rows
   * @param tokens the valid tokens the cross-entropy averages over
   * @param hiddenGradientNorms ‖∂L/∂h_t‖ of the top layer per step t (empty without a gradient)
   */
  public record Loss(
      double loss,
      double crossEntropy,
      double regularization,
      int tokens,
      double[] hiddenGradientNorms) {
    public Loss {
      hiddenGradientNorms = hiddenGradientNorms.clone();
    }

    @Override
    public double[] hiddenGradientNorms() {
      return hiddenGradientNorms.clone();
    }
  }

  private final DecoderConfig config;
  private final RecurrentLayer[] layers;
  private final RecurrentLayer encoder; // the temporal encoder, or null for images
  private final Map<DataType, Buffers> buffers = new HashMap<>();

  public AttentionDecoder(DecoderConfig config) {
    this.config = config;
    this.layers = new RecurrentLayer[config.layers()];
    for (int l = 0; l < layers.length; l++) {
      layers[l] = new RecurrentLayer(config, l);
    }
    this.encoder = config.temporal() ? RecurrentLayer.temporalEncoder(config) : null;
  }

  public DecoderConfig config() {
    return config;
  }

  /** The loss without dropout and without a gradient (validation). */
  public Loss loss(DecoderParameters p, DecoderBatch batch) {
    checkLayout(p);
    Pass pass = new Pass(p, batch, false, 0);
    return pass.forward();
  }

  /** The training loss (dropout on, with this seed's mask) without a gradient: for checks. */
  Loss trainingLoss(DecoderParameters p, DecoderBatch batch, long dropoutSeed) {
    checkLayout(p);
    return new Pass(p, batch, config.dropout() > 0, dropoutSeed).forward();
  }

  /**
   * The loss with dropout, and its gradient with respect to every parameter.
   *
   * @param grad overwritten with ∂loss/∂θ, same layout as {@code p}
   * @param dropoutSeed seeds this pass's dropout mask (the trainer derives it from its seed and the
   *     step, so a resumed run draws the same masks)
   */
  public Loss lossAndGradient(
      DecoderParameters p, DecoderBatch batch, DecoderParameters grad, long dropoutSeed) {
    checkLayout(p);
    checkLayout(grad);
    if (grad.dataType() != p.dataType()) {
      throw new IllegalArgumentException(
          "gradient is " + grad.dataType() + " but parameters are " + p.dataType());
    }
    Pass pass = new Pass(p, batch, config.dropout() > 0, dropoutSeed);
    Loss forward = pass.forward();
    double[] norms = pass.backward(grad);
    return new Loss(
        forward.loss(), forward.crossEntropy(), forward.regularization(), forward.tokens(), norms);
  }

  /**
   * The state before the first word: the initial recurrent states from each row's mean region or,
   * with the temporal encoder, from the encoder's pass over the frames.
   *
   * @param features {@code [R, L, D]} one row per sequence to decode: L regions, or F frames in
   *     time order
   */
  public DecoderState start(DecoderParameters p, INDArray features) {
    checkLayout(p);
    long r = features.size(0);
    long l = features.size(1);
    long d = features.size(2);
    if (d != config.featureSize()) {
      throw new IllegalArgumentException(
          "features have size " + d + " but the decoder expects " + config.featureSize());
    }
    INDArray v = features.castTo(p.dataType()).dup('c'); // [R, L, D]
    INDArray[] h = new INDArray[layers.length];
    INDArray[] c = new INDArray[layers.length];
    if (config.temporal()) {
      // Fresh buffers: the state owns its arrays, which later passes must not overwrite.
      Encoding e = encode(p, v, new Buffers(p.dataType()));
      v = e.memory(); // [R, F, N]
      h[0] = e.hLast().dup();
      c[0] = config.cell().hasCellState() ? e.cLast().dup() : null;
    }
    long m = config.memorySize();
    INDArray vp =
        Attention.projectRegions(
            p, v.reshape(r * l, m), Nd4j.create(p.dataType(), r * l, config.attentionSize()));
    INDArray vbar = v.mean(1); // [R, M]
    for (int layer = 0; layer < layers.length; layer++) {
      if (!config.hasInitLayer(layer)) {
        continue;
      }
      h[layer] =
          Nd.tanhInPlace(
              vbar.mmul(p.get(ParameterNames.initHiddenWeight(layer)))
                  .addiRowVector(p.get(ParameterNames.initHiddenBias(layer))));
      c[layer] =
          config.cell().hasCellState()
              ? Nd.tanhInPlace(
                  vbar.mmul(p.get(ParameterNames.initCellWeight(layer)))
                      .addiRowVector(p.get(ParameterNames.initCellBias(layer))))
              : null;
    }
    int[] sources = new int[Math.toIntExact(r)];
    Arrays.setAll(sources, row -> row);
    return new DecoderState(v, vp.reshape(r, l, config.attentionSize()), h, c, null, sources);
  }

  /** What one decoding step gives: the next word's log-probabilities and the new state. */
  public record StepResult(INDArray logProbabilities, DecoderState state) {}

  /**
   * One step for every row: feeds the previous words, attends, and scores the next word. The same
   * cell, attention and output functions as training, without dropout.
   *
   * @param previousWords one word id per row ({@code <start>} at the first step)
   * @return {@code [R, V]} log-probabilities of the next word, and the state after this step
   */
  public StepResult step(DecoderParameters p, DecoderState state, int[] previousWords) {
    checkLayout(p);
    int r = state.rows();
    if (previousWords.length != r) {
      throw new IllegalArgumentException(
          "state has " + r + " rows but " + previousWords.length + " words were given");
    }
    for (int word : previousWords) {
      if (word < 0 || word >= config.vocabularySize()) {
        throw new IllegalArgumentException(
            "word id " + word + " outside the vocabulary of " + config.vocabularySize());
      }
    }
    DataType type = p.dataType();
    // What leaves the step (the state, the log-probabilities) is new; scratch is reused from one
    // step to the next: a fresh [R, L, A] array costs more than the attention's arithmetic on it.
    Buffers buf = buffers(type);
    int n = config.hiddenSize();
    INDArray x = Nd4j.pullRows(p.get(ParameterNames.EMBEDDING), 1, previousWords); // [R, E]
    INDArray[] h = new INDArray[layers.length];
    INDArray[] c = new INDArray[layers.length];
    for (int layer = 0; layer < layers.length; layer++) {
      INDArray gates = x.mmul(p.get(ParameterNames.inputWeight(layer))); // [R, gates·N]
      gates.addiRowVector(p.get(ParameterNames.bias(layer)));
      h[layer] = Nd4j.createUninitialized(type, r, n); // written whole by the cell
      c[layer] = config.cell().hasCellState() ? Nd4j.createUninitialized(type, r, n) : null;
      layers[layer].cellStep(
          p,
          gates,
          state.hidden[layer],
          state.cell[layer],
          h[layer],
          c[layer],
          buf.get("step.aux", r, n),
          buf.get("step.scratch", r, 2 * n),
          buf.get("step.scratchN", r, n));
      x = h[layer];
    }
    int l = state.regions();
    INDArray hg = x.mmul(p.get(ParameterNames.ATT_WG)); // [R, A]
    INDArray alpha = Nd4j.createUninitialized(type, r, l); // written whole by the scores
    INDArray ctx = buf.get("step.ctx", r, config.memorySize()); // [R, M]
    Attention.step(
        p,
        state.projected,
        state.regions,
        hg,
        buf.get("step.pre", r, l, config.attentionSize()), // [R, L, A]
        alpha,
        ctx);
    INDArray out = outputLayer(p, x, ctx, buf.get("step.out", r, n)); // [R, N]
    INDArray logits = out.mmul(p.get(ParameterNames.OUT_WP)); // [R, V]
    logits.addiRowVector(p.get(ParameterNames.OUT_BP));
    Nd4j.exec(new LogSoftMax(logits, logits));
    return new StepResult(
        logits, new DecoderState(state.regions, state.projected, h, c, alpha, state.sources));
  }

  /**
   * The temporal encoder's pass over a batch of clips.
   *
   * @param steps F steps of B rows each
   * @param x {@code [F·B, D]} the frames, packed time-major
   * @param h0 {@code [B, N]} zeros, the initial state, and {@code c0}
   * @param memory {@code [B, F, N]} the outputs h_1 … h_F of each clip, what the attention reads
   * @param hLast {@code [B, N]} the final hidden state h_F, and {@code cLast} the final cell state
   */
  private record Encoding(
      PackedSteps steps,
      INDArray x,
      INDArray h0,
      INDArray c0,
      INDArray memory,
      INDArray hLast,
      INDArray cLast) {}

  /**
   * Runs the temporal encoder over {@code frames} ({@code [B, F, D]}, in the parameters' type) from
   * zero state. The results live in {@code buf}.
   */
  private Encoding encode(DecoderParameters p, INDArray frames, Buffers buf) {
    int b = (int) frames.size(0);
    int f = (int) frames.size(1);
    long d = frames.size(2);
    int n = config.hiddenSize();
    PackedSteps steps = PackedSteps.uniform(b, f);
    INDArray x = buf.get("temporal.x", (long) f * b, d); // [F·B, D]
    x.reshape(f, b, d).assign(frames.permute(1, 0, 2)); // time-major: frame t of row r at t·B + r
    INDArray h0 = buf.zeros("temporal.h0", b, n);
    INDArray c0 = buf.zeros("temporal.c0", b, n);
    INDArray h = encoder.forward(p, steps, x, h0, c0, buf); // [F·B, N], one GEMM for x·Wx
    INDArray memory = buf.get("temporal.memory", b, f, n); // [B, F, N]
    memory.assign(h.reshape(f, b, n).permute(1, 0, 2));
    long last = (long) (f - 1) * b;
    return new Encoding(
        steps,
        x,
        h0,
        c0,
        memory,
        rows(h, last, last + b),
        rows(encoder.cellStates(steps, buf), last, last + b));
  }

  private void checkLayout(DecoderParameters p) {
    DecoderConfig shape =
        p.config()
            .withDropout(config.dropout())
            .withAttentionRegularization(config.attentionRegularization());
    if (!shape.equals(config)) {
      throw new IllegalArgumentException(
          "parameters are for " + p.config() + " but this decoder is " + config);
    }
  }

  private Buffers buffers(DataType type) {
    return buffers.computeIfAbsent(type, Buffers::new);
  }

  /** One forward (and optionally backward) pass over a batch; intermediates live in buffers. */
  private final class Pass {
    private final DecoderParameters p;
    private final DecoderBatch batch;
    private final boolean dropout;
    private final long seed;
    private final Buffers buf;
    private final int b;
    private final int k;
    private final long l;
    private final long d;
    private final long m;
    private final int n;
    private final int a;
    private final int v;
    private INDArray v3; // [B, L, M] the memory attended over: the regions, or the encoded frames
    private INDArray vFlat;
    private INDArray vbar;
    private Encoding encoding;
    private final INDArray[] h0;
    private final INDArray[] c0;
    private final INDArray[] hidden;
    private INDArray x0;
    private INDArray pre;
    private INDArray alpha;
    private INDArray ctx;
    private INDArray out;
    private INDArray dropped;
    private INDArray mask;
    private INDArray logits;
    private INDArray targetIndex;
    private INDArray alphaSum;

    Pass(DecoderParameters p, DecoderBatch batch, boolean dropout, long seed) {
      this.p = p;
      this.batch = batch;
      this.dropout = dropout;
      this.seed = seed;
      this.buf = buffers(p.dataType());
      this.b = batch.rows();
      this.k = batch.tokens();
      this.l = batch.features().size(1);
      this.d = batch.features().size(2);
      if (d != config.featureSize()) {
        throw new IllegalArgumentException(
            "features have size " + d + " but the decoder expects " + config.featureSize());
      }
      this.m = config.memorySize();
      this.n = config.hiddenSize();
      this.a = config.attentionSize();
      this.v = config.vocabularySize();
      this.h0 = new INDArray[config.layers()];
      this.c0 = new INDArray[config.layers()];
      this.hidden = new INDArray[config.layers()];
    }

    Loss forward() {
      INDArray features = batch.features();
      v3 = buf.get("v", b, l, d).assign(features); // [B, L, D] in the parameters' type
      if (config.temporal()) {
        encoding = encode(p, v3, buf);
        v3 = encoding.memory(); // [B, F, N]
      }
      vFlat = v3.reshape(b * l, m);
      vbar = v3.mean(buf.get("vbar", b, m), 1); // [B, M]
      for (int layer = 0; layer < layers.length; layer++) {
        if (!config.hasInitLayer(layer)) {
          h0[layer] = encoding.hLast();
          c0[layer] = config.cell().hasCellState() ? encoding.cLast() : null;
          continue;
        }
        h0[layer] = initialState(ParameterNames.initHiddenWeight(layer), "h0." + layer, layer);
        c0[layer] =
            config.cell().hasCellState()
                ? initialState(ParameterNames.initCellWeight(layer), "c0." + layer, layer)
                : null;
      }
      int[] inputs = batch.inputsView();
      for (int word : inputs) {
        if (word < 0 || word >= v) {
          throw new IllegalArgumentException("word id " + word + " outside the vocabulary of " + v);
        }
      }
      x0 = buf.get("x0", k, config.embeddingSize()); // [K, E]
      Nd4j.pullRows(p.get(ParameterNames.EMBEDDING), x0, 1, inputs);
      INDArray x = x0;
      for (int layer = 0; layer < layers.length; layer++) {
        hidden[layer] = layers[layer].forward(p, batch, x, h0[layer], c0[layer], buf);
        x = hidden[layer];
      }
      INDArray top = hidden[layers.length - 1]; // [K, N]
      INDArray vp = Attention.projectRegions(p, vFlat, buf.get("att.vp", b * l, a));
      INDArray vp3 = vp.reshape(b, l, a);
      INDArray hg = mm(top, p.get(ParameterNames.ATT_WG), buf.get("att.hg", k, a)); // [K, A]
      pre = buf.get("att.pre", k, l, a); // [K, L, A]
      alpha = buf.get("att.alpha", k, l); // [K, L]
      ctx = buf.get("att.ctx", k, m); // [K, M]
      for (int t = 0; t < batch.steps(); t++) {
        int bt = batch.batchSize(t);
        int off = batch.offset(t);
        Attention.combine(rows(vp3, 0, bt), rows(hg, off, off + bt), rows(pre, off, off + bt));
      }
      Attention.weights(p, pre, alpha); // all tokens at once: [K, L]
      for (int t = 0; t < batch.steps(); t++) {
        int bt = batch.batchSize(t);
        int off = batch.offset(t);
        Attention.context(rows(alpha, off, off + bt), rows(v3, 0, bt), rows(ctx, off, off + bt));
      }
      out = outputLayer(p, top, ctx, buf.get("out.o", k, n)); // [K, N]
      dropped = out;
      if (dropout) {
        mask = dropoutMask(buf.get("out.mask", k, n), config.dropout(), seed);
        dropped = buf.get("out.dropped", k, n).assign(out).muli(mask);
      }
      logits = mm(dropped, p.get(ParameterNames.OUT_WP), buf.get("out.logits", k, v)); // [K, V]
      logits.addiRowVector(p.get(ParameterNames.OUT_BP));
      Nd4j.exec(new LogSoftMax(logits, logits)); // log p_t
      int[] targets = batch.targetsView();
      long[] flatIndex = new long[k];
      for (int i = 0; i < k; i++) {
        flatIndex[i] = (long) i * v + targets[i];
      }
      targetIndex = Nd4j.createFromArray(flatIndex);
      INDArray picked = Nd4j.exec(new Gather(logits.reshape((long) k * v), targetIndex, 0))[0];
      double crossEntropy = -picked.sumNumber().doubleValue() / k;
      double regularization = 0;
      double lambda = config.attentionRegularization();
      if (lambda > 0) {
        alphaSum = buf.zeros("att.alphaSum", b, l); // [B, L] Σ_t α_t per row
        for (int t = 0; t < batch.steps(); t++) {
          int off = batch.offset(t);
          rows(alphaSum, 0, batch.batchSize(t)).addi(rows(alpha, off, off + batch.batchSize(t)));
        }
        INDArray miss = alphaSum.rsub(1.0); // [B, L] 1 − Σ_t α_t
        regularization = lambda * miss.muli(miss).sumNumber().doubleValue() / b;
      }
      return new Loss(
          crossEntropy + regularization, crossEntropy, regularization, k, new double[0]);
    }

    private INDArray initialState(String weight, String name, int layer) {
      INDArray s = mm(vbar, p.get(weight), buf.get(name, b, n)); // [B, N]
      String bias =
          weight.equals(ParameterNames.initHiddenWeight(layer))
              ? ParameterNames.initHiddenBias(layer)
              : ParameterNames.initCellBias(layer);
      s.addiRowVector(p.get(bias));
      return Nd.tanhInPlace(s);
    }

    /** Backpropagation; returns ‖∂L/∂h_t‖ of the top layer per step. */
    double[] backward(DecoderParameters grad) {
      INDArray top = hidden[layers.length - 1];
      // Cross-entropy: ∂/∂logits = (softmax − onehot) / K
      INDArray dLogits = logits;
      Nd4j.exec(new Exp(dLogits, dLogits));
      INDArray minusOne = Nd4j.valueArrayOf(new long[] {k}, -1.0, dLogits.dataType());
      scatterAdd(dLogits.reshape((long) k * v), targetIndex, minusOne);
      dLogits.muli(1.0 / k);
      mm(dropped, true, dLogits, false, grad.get(ParameterNames.OUT_WP), 0.0); // [N, V]
      dLogits.sum(grad.get(ParameterNames.OUT_BP), 0);
      INDArray dOut =
          mm(dLogits, false, p.get(ParameterNames.OUT_WP), true, buf.get("out.d", k, n));
      if (dropout) {
        dOut.muli(mask);
      }
      dOut.muli(out.muli(out).rsubi(1)); // through tanh: [K, N]
      INDArray wo = p.get(ParameterNames.OUT_WO);
      INDArray dWo = grad.get(ParameterNames.OUT_WO);
      mm(top, true, dOut, false, rows(dWo, 0, n), 0.0);
      mm(ctx, true, dOut, false, rows(dWo, n, n + m), 0.0);
      dOut.sum(grad.get(ParameterNames.OUT_BO), 0);
      INDArray dTop = mm(dOut, false, rows(wo, 0, n), true, buf.get("dh.top", k, n)); // [K, N]
      INDArray dCtx = mm(dOut, false, rows(wo, n, n + m), true, buf.get("att.dctx", k, m));

      // Attention: ∂α from the context, then through the softmax and the tanh.
      INDArray dAlpha = buf.get("att.dalpha", k, l); // [K, L]
      for (int t = 0; t < batch.steps(); t++) {
        int bt = batch.batchSize(t);
        int off = batch.offset(t);
        // [bt, L, M] × [bt, M, 1] → [bt, L, 1]
        Nd4j.matmul(
            rows(v3, 0, bt),
            rows(dCtx, off, off + bt).reshape(bt, m, 1),
            rows(dAlpha, off, off + bt).reshape(bt, l, 1));
      }
      double lambda = config.attentionRegularization();
      if (lambda > 0) {
        INDArray coef = alphaSum.rsub(1.0).muli(-2.0 * lambda / b); // [B, L]
        for (int t = 0; t < batch.steps(); t++) {
          int off = batch.offset(t);
          rows(dAlpha, off, off + batch.batchSize(t)).addi(rows(coef, 0, batch.batchSize(t)));
        }
      }
      INDArray weighted = buf.get("att.tmp", k, l).assign(alpha).muli(dAlpha);
      INDArray dot = weighted.sum(buf.get("att.dot", k), 1); // [K] Σ_i α_i ∂α_i
      INDArray dScore = dAlpha.subiColumnVector(dot.reshape(k, 1)).muli(alpha); // [K, L]
      INDArray dScoreFlat = dScore.reshape((long) k * l, 1);
      INDArray preFlat = pre.reshape((long) k * l, a);
      mm(preFlat, true, dScoreFlat, false, grad.get(ParameterNames.ATT_WA).reshape(a, 1), 0.0);
      INDArray dz = preFlat.muli(preFlat).rsubi(1); // [K·L, A] 1 − tanh², then ∂ pre-activation
      dz.muliColumnVector(dScoreFlat).muliRowVector(p.get(ParameterNames.ATT_WA));
      INDArray dz3 = dz.reshape(k, l, a);
      INDArray dHg = dz3.sum(buf.get("att.dhg", k, a), 1); // [K, A]
      INDArray dVp = buf.zeros("att.dvp", b, l, a); // [B, L, A]
      for (int t = 0; t < batch.steps(); t++) {
        int off = batch.offset(t);
        rows(dVp, 0, batch.batchSize(t)).addi(rows(dz3, off, off + batch.batchSize(t)));
      }
      INDArray dVpFlat = dVp.reshape(b * l, a);
      mm(vFlat, true, dVpFlat, false, grad.get(ParameterNames.ATT_WV), 0.0); // [M, A]
      dVpFlat.sum(grad.get(ParameterNames.ATT_BV), 0);
      mm(top, true, dHg, false, grad.get(ParameterNames.ATT_WG), 0.0); // [N, A]
      mm(dHg, false, p.get(ParameterNames.ATT_WG), true, dTop, 1.0); // ∂h += ∂hg · Wgᵀ
      INDArray dMemory = null; // [B, F, N] ∂L/∂ the encoder's outputs
      INDArray dMeanMemory = null; // [B, N] ∂L/∂ their mean, through a second layer's init
      if (config.temporal()) {
        dMemory = memoryGradient(dVpFlat, dCtx);
        dMeanMemory = config.layers() > 1 ? buf.zeros("temporal.dmean", b, m) : null;
      }

      // Through time, top layer first.
      double[] norms = new double[batch.steps()];
      INDArray dIn = dTop;
      INDArray dh0 = buf.get("dh0", b, n);
      INDArray dc0 = buf.get("dc0", b, n);
      for (int layer = layers.length - 1; layer >= 0; layer--) {
        INDArray x = layer == 0 ? x0 : hidden[layer - 1];
        dIn =
            layers[layer].backward(
                p,
                grad,
                batch,
                dIn,
                x,
                h0[layer],
                c0[layer],
                null,
                null,
                dh0,
                dc0,
                layer == layers.length - 1 ? norms : null,
                true,
                buf);
        if (!config.hasInitLayer(layer)) {
          continue; // its initial state is the encoder's: dh0, dc0 go there below
        }
        initialStateBackward(
            grad, h0[layer], dh0, ParameterNames.initHiddenWeight(layer), layer, true, dMeanMemory);
        if (config.cell().hasCellState()) {
          initialStateBackward(
              grad,
              c0[layer],
              dc0,
              ParameterNames.initCellWeight(layer),
              layer,
              false,
              dMeanMemory);
        }
      }
      embeddingBackward(grad.get(ParameterNames.EMBEDDING), dIn);
      if (config.temporal()) {
        encoderBackward(grad, dMemory, dMeanMemory, dh0, dc0);
      }
      return norms;
    }

    /**
     * {@code s = tanh(m̄·W + b)} backward into W and b, and into {@code dMean} ({@code [B, M]},
     * accumulated) when the memory depends on parameters (the encoded frames); null for images.
     */
    private void initialStateBackward(
        DecoderParameters grad,
        INDArray s,
        INDArray ds,
        String weight,
        int layer,
        boolean hidden,
        INDArray dMean) {
      INDArray dPre = s.muli(s).rsubi(1).muli(ds); // [B, N] through tanh
      mm(vbar, true, dPre, false, grad.get(weight), 0.0);
      dPre.sum(
          grad.get(
              hidden ? ParameterNames.initHiddenBias(layer) : ParameterNames.initCellBias(layer)),
          0);
      if (dMean != null) {
        mm(dPre, false, p.get(weight), true, dMean, 1.0); // [B, M] += ∂pre · Wᵀ
      }
    }

    /**
     * ∂L/∂ the memory (the encoder's outputs) through the attention: {@code vp = M·Wv + bv} gives
     * {@code ∂vp · Wvᵀ}, and {@code ĉ_t = Σ_i α_ti M_i} gives {@code α_ti ∂ĉ_t}, summed over each
     * row's steps.
     *
     * @param dVpFlat {@code [B·F, A]} ∂L/∂vp
     * @param dCtx {@code [K, N]} ∂L/∂ĉ per token
     * @return {@code [B, F, N]}
     */
    private INDArray memoryGradient(INDArray dVpFlat, INDArray dCtx) {
      INDArray dMemory = buf.get("temporal.dmemory", b, l, m); // [B, F, N]
      mm(dVpFlat, false, p.get(ParameterNames.ATT_WV), true, dMemory.reshape(b * l, m), 0.0);
      INDArray outer = buf.get("temporal.outer", b, l, m);
      for (int t = 0; t < batch.steps(); t++) {
        int bt = batch.batchSize(t);
        int off = batch.offset(t);
        INDArray o = rows(outer, 0, bt); // [bt, F, 1] × [bt, 1, N] → [bt, F, N]
        Nd4j.matmul(
            rows(alpha, off, off + bt).reshape(bt, l, 1),
            rows(dCtx, off, off + bt).reshape(bt, 1, m),
            o);
        rows(dMemory, 0, bt).addi(o);
      }
      return dMemory;
    }

    /**
     * Backpropagation through the temporal encoder: from the memory (attention and, with a second
     * layer, its initial state over the mean), and from the first layer's initial state, which is
     * the encoder's final state.
     *
     * @param dMemory {@code [B, F, N]} ∂L/∂ the outputs; used as scratch
     * @param dMean {@code [B, N]} ∂L/∂ their mean over the frames, or null with one layer
     * @param dhLast {@code [B, N]} ∂L/∂h_F, and {@code dcLast} ∂L/∂c_F (LSTM decoder)
     */
    private void encoderBackward(
        DecoderParameters grad,
        INDArray dMemory,
        INDArray dMean,
        INDArray dhLast,
        INDArray dcLast) {
      if (dMean != null) {
        dMean.muli(1.0 / l); // [B, N] ∂L/∂ each output through the mean
        Nd4j.exec(new BroadcastAddOp(dMemory, dMean, dMemory, 0, 2)); // [B, F, N]
      }
      INDArray dh = buf.get("temporal.dh", l * b, n); // [F·B, N] time-major
      dh.reshape(l, b, n).assign(dMemory.permute(1, 0, 2));
      encoder.backward(
          p,
          grad,
          encoding.steps(),
          dh,
          encoding.x(),
          encoding.h0(),
          encoding.c0(),
          dhLast,
          config.cell().hasCellState() ? dcLast : null,
          buf.get("temporal.dh0", b, n),
          buf.get("temporal.dc0", b, n),
          null,
          false,
          buf);
    }

    /** ∂E[w] = Σ of ∂x over the tokens whose input is w; repeated words add up. */
    private void embeddingBackward(INDArray dEmbedding, INDArray dx) {
      int[] inputs = batch.inputsView();
      Map<Integer, Integer> segmentOf = new HashMap<>();
      int[] segments = new int[k];
      for (int i = 0; i < k; i++) {
        segments[i] = segmentOf.computeIfAbsent(inputs[i], w -> segmentOf.size());
      }
      int[] words = new int[segmentOf.size()];
      segmentOf.forEach((word, segment) -> words[segment] = word);
      INDArray sums =
          Nd4j.exec(new UnsortedSegmentSum(dx, Nd4j.createFromArray(segments), words.length))[
              0]; // [U, E]
      dEmbedding.assign(0);
      scatterAdd(dEmbedding, Nd4j.createFromArray(words), sums);
    }
  }

  /** {@code ref[index[i]] += updates[i]} in place; indexes must be distinct. */
  private static void scatterAdd(INDArray ref, INDArray index, INDArray updates) {
    Nd4j.exec(
        DynamicCustomOp.builder("scatter_add")
            .addInputs(ref, index, updates)
            .addOutputs(ref)
            .build());
  }

  /** {@code tanh(h·Wo[:N] + ĉ·Wo[N:] + bo)}: {@code [R, N], [R, D] → [R, N]}. */
  static INDArray outputLayer(DecoderParameters p, INDArray h, INDArray ctx, INDArray into) {
    int n = (int) h.size(1);
    INDArray wo = p.get(ParameterNames.OUT_WO);
    mm(h, false, rows(wo, 0, n), false, into, 0.0);
    mm(ctx, false, rows(wo, n, wo.size(0)), false, into, 1.0);
    into.addiRowVector(p.get(ParameterNames.OUT_BO));
    return Nd.tanhInPlace(into);
  }

  /** Inverted dropout: each unit kept with probability 1 − rate and scaled by 1 / (1 − rate). */
  private static INDArray dropoutMask(INDArray into, double rate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[Math.toIntExact(into.length())];
    double keep = 1.0 - rate;
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < keep ? 1.0 / keep : 0.0;
    }
    return into.assign(Nd4j.createFromArray(values).reshape(into.shape()));
  }
}
