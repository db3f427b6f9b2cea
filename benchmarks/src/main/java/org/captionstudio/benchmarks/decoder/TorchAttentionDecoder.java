package org.captionstudio.benchmarks.decoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reference side of {@code decoder-train} and {@code decode-latency}: the project's attention
 * decoder (DESIGN.md, "The decoder") as a PyTorch user writes it, run through DJL on PyTorch's CPU
 * engine. Training runs whole sequences ({@link #trainStep}); decoding runs one step at a time
 * ({@link #startDecoding}, {@link #step}) with the same weights and the same equations.
 *
 * <p>Attention does not feed the LSTM's input, so the whole sequence goes through PyTorch's fused
 * LSTM ({@code torch::lstm}, the op {@code nn.LSTM} and DJL's {@code LSTM} block call) from the
 * initial state the mean feature gives. The M valid positions are then packed, as {@code
 * pack_padded_sequence} or a per-step loop over the captions still running gives them, and
 * everything after the LSTM sees only those: attention for all of them in one batched op ({@code
 * [M, L, A]}), the output layers and the cross-entropy. One training step is forward, backward
 * (autograd), clipping by the global gradient norm as {@code clip_grad_norm_} does, and DJL's Adam.
 *
 * <p>Parameters go in and out by the names and layouts of {@link DecoderParameters}. Inside they
 * are held as PyTorch holds them: {@code nn.Linear} and {@code nn.LSTM} weights as {@code [out,
 * in]}, the transposes of the contract's {@code [in, out]}. The contract's gate order i, f, g, o is
 * PyTorch's, so {@code layer{l}.Wx} and {@code layer{l}.Wh} become {@code weight_ih_l{l}} and
 * {@code weight_hh_l{l}} by transposition alone. PyTorch's LSTM has two biases where the contract
 * has one: {@code layer{l}.b} is {@code bias_ih_l{l}}, trained, and {@code bias_hh_l{l}} is held at
 * zero, outside autograd, so the function and its parameters are the contract's exactly.
 *
 * <p>Not thread-safe; close it to free the native memory. Call it outside any {@link NDScope}: the
 * parameters, Adam's moments and uploaded batches must outlive a caller's scope.
 */
public final class TorchAttentionDecoder implements AutoCloseable {
  /** DJL's engine name for PyTorch. */
  public static final String ENGINE = "PyTorch";

  private final Config config;
  private final NDManager manager;
  private NDManager parameterManager;
  // PyTorch layout, by contract name, in DecoderParameters.shapes order.
  private Map<String, NDArray> weights = Map.of();
  private NDList hiddenBiases = new NDList(); // bias_hh_l{l}: zeros, never trained
  private Optimizer optimizer;
  private float gradientNorm = Float.NaN;

  /**
   * The decoder's shapes and how it trains; {@link #defaults()} are the headline shapes of {@code
   * decoder-train}.
   *
   * @param vocabulary Vocab, word ids (padding, start and end included)
   * @param embeddingSize E
   * @param hiddenSize N, the LSTM's state
   * @param featureSize D, values per region
   * @param attentionSize A
   * @param layers stacked LSTM layers, 1 or 2
   * @param dropout the drop probability before {@code out.Wp}, in training only
   * @param learningRate Adam's step size
   * @param clipNorm the global gradient norm above which gradients are scaled down to it
   * @param attentionPenalty λ of the doubly stochastic attention term; 0 leaves it out
   */
  public record Config(
      int vocabulary,
      int embeddingSize,
      int hiddenSize,
      int featureSize,
      int attentionSize,
      int layers,
      float dropout,
      float learningRate,
      float clipNorm,
      float attentionPenalty) {
    public Config {
      if (vocabulary < 4) {
        throw new IllegalArgumentException(
            "vocabulary must be >= 4 (padding, start, end and a word), got " + vocabulary);
      }
      positive("embeddingSize", embeddingSize);
      positive("hiddenSize", hiddenSize);
      positive("featureSize", featureSize);
      positive("attentionSize", attentionSize);
      if (layers < 1 || layers > 2) {
        throw new IllegalArgumentException("layers must be 1 or 2, got " + layers);
      }
      if (!(dropout >= 0 && dropout < 1)) {
        throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
      }
      if (!(learningRate >= 0)) {
        throw new IllegalArgumentException("learningRate must be >= 0, got " + learningRate);
      }
      if (!(clipNorm > 0)) {
        throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
      }
      if (!(attentionPenalty >= 0)) {
        throw new IllegalArgumentException(
            "attentionPenalty must be >= 0, got " + attentionPenalty);
      }
    }

    /** The headline shapes and training settings of {@code decoder-train}. */
    public static Config defaults() {
      return new Config(
          10000, // vocabulary: COCO's words seen 5 times or more, about
          256, // embeddingSize
          512, // hiddenSize
          512, // featureSize: VGG16 conv5 / SqueezeNet fire9 channels
          512, // attentionSize
          1, // layers
          0.5f, // dropout before the vocabulary projection
          4e-4f, // learningRate
          5f, // clipNorm: the global gradient norm
          0f); // attentionPenalty: λ = 0, no doubly stochastic term
    }

    /** These settings with another vocabulary size. */
    public Config withVocabulary(int vocabulary) {
      return new Config(
          vocabulary,
          embeddingSize,
          hiddenSize,
          featureSize,
          attentionSize,
          layers,
          dropout,
          learningRate,
          clipNorm,
          attentionPenalty);
    }

    private static void positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, got " + value);
      }
    }
  }

  /**
   * A decoder with {@link DecoderParameters#random} parameters.
   *
   * @param seed the parameters' seed, and PyTorch's (dropout masks)
   */
  public TorchAttentionDecoder(Config config, long seed) {
    this.config = config;
    this.manager = NDManager.newBaseManager(Device.cpu(), ENGINE);
    try {
      manager.getEngine().setRandomSeed((int) seed);
      setParameters(DecoderParameters.random(config, seed));
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
  }

  public Config config() {
    return config;
  }

  /**
   * Replaces every parameter with {@code values} (names and layouts of {@link DecoderParameters})
   * and starts Adam afresh.
   *
   * @throws IllegalArgumentException if a parameter is missing, unknown or of the wrong size
   */
  public void setParameters(Map<String, float[]> values) {
    DecoderParameters.check(config, values);
    NDManager next = manager.newSubManager();
    try {
      Map<String, NDArray> created = new LinkedHashMap<>();
      for (Map.Entry<String, int[]> entry : DecoderParameters.shapes(config).entrySet()) {
        int[] shape = entry.getValue();
        float[] value = values.get(entry.getKey());
        NDArray array =
            shape.length == 2 && !entry.getKey().equals(DecoderParameters.EMBEDDING)
                // [in, out] -> [out, in], as nn.Linear and nn.LSTM hold their weights
                ? next.create(transpose(value, shape[0], shape[1]), new Shape(shape[1], shape[0]))
                : next.create(value, new Shape(toLongs(shape)));
        array.setRequiresGradient(true);
        created.put(entry.getKey(), array);
      }
      NDList zeros = new NDList();
      for (int layer = 0; layer < config.layers(); layer++) {
        zeros.add(next.zeros(new Shape(4L * config.hiddenSize()))); // [4N]
      }
      if (parameterManager != null) {
        parameterManager.close(); // the old parameters, their gradients and Adam's moments
      }
      parameterManager = next;
      weights = Collections.unmodifiableMap(created);
      hiddenBiases = zeros;
      optimizer =
          Adam.builder()
              .optLearningRateTracker(Tracker.fixed(config.learningRate()))
              .build(); // β1 0.9, β2 0.999, ε 1e-8, as torch.optim.Adam
      gradientNorm = Float.NaN;
    } catch (RuntimeException | Error e) {
      next.close();
      throw e;
    }
  }

  /** Every parameter in the names and layouts of {@link DecoderParameters}. */
  public Map<String, float[]> parameters() {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> entry : DecoderParameters.shapes(config).entrySet()) {
      int[] shape = entry.getValue();
      float[] value = weights.get(entry.getKey()).toFloatArray();
      values.put(
          entry.getKey(),
          shape.length == 2 && !entry.getKey().equals(DecoderParameters.EMBEDDING)
              ? transpose(value, shape[1], shape[0])
              : value);
    }
    return Collections.unmodifiableMap(values);
  }

  /** A batch copied into PyTorch's memory once, to train or evaluate on repeatedly. */
  public Batch upload(DecoderBatch batch) {
    return new Batch(batch);
  }

  /** {@link #trainStep(Batch)} on a batch uploaded for this step alone. */
  public float trainStep(DecoderBatch batch) {
    try (Batch uploaded = upload(batch)) {
      return trainStep(uploaded);
    }
  }

  /**
   * One training step: forward with dropout, backward, clipping by the global gradient norm, one
   * Adam update.
   *
   * @return the loss before the update
   */
  public float trainStep(Batch batch) {
    float loss;
    try (NDScope step = new NDScope()) { // closes every array the step creates
      step.suppressNotUsedWarning();
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray value = loss(batch, true); // []
        collector.backward(value);
        loss = value.getFloat();
      }
      gradientNorm = clipGradients();
    }
    for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
      try (NDArray gradient = entry.getValue().getGradient()) {
        // Creates Adam's moments beside the weight on the first step; zeroes the gradient after.
        optimizer.update(entry.getKey(), entry.getValue(), gradient);
      }
    }
    return loss;
  }

  /** The global gradient norm of the last training step, before clipping; NaN before the first. */
  public float gradientNorm() {
    return gradientNorm;
  }

  /** {@link #loss(Batch)} on a batch uploaded for this call alone. */
  public float loss(DecoderBatch batch) {
    try (Batch uploaded = upload(batch)) {
      return loss(uploaded);
    }
  }

  /** The loss without dropout and without changing anything. */
  public float loss(Batch batch) {
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return loss(batch, false).getFloat();
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  private NDArray loss(Batch batch, boolean training) {
    if (batch.owner != this) {
      throw new IllegalArgumentException("the batch was uploaded by another decoder");
    }
    int b = batch.batchSize;
    int t = batch.steps;
    int n = config.hiddenSize();
    int d = config.featureSize();
    NDArray features = batch.features; // [B, L, D]
    NDList initial = initialStates(features);
    NDArray h0 = initial.get(0); // [layers, B, N]
    NDArray c0 = initial.get(1); // [layers, B, N]

    NDArray words =
        Embedding.embedding(batch.inputs, w(DecoderParameters.EMBEDDING), SparseFormat.DENSE)
            .singletonOrThrow(); // [B, T, E]
    NDArray states =
        words
            .getNDArrayInternal()
            .lstm(
                words,
                new NDList(h0, c0),
                lstmWeights(),
                true, // biases
                config.layers(),
                0, // no dropout between layers
                training,
                false, // one direction
                true) // batch first
            .get(0); // [B, T, N], the top layer

    // Only the M valid positions go on, packed in batch-major order: attention at a padded step
    // would cost as much as at a valid one, for nothing.
    int l = batch.regions;
    NDArray packedStates = rows(states.reshape(b * (long) t, n), batch.validRows); // [M, N]
    NDArray keys =
        linear(
            features,
            w(DecoderParameters.ATTENTION_FEATURES),
            w(DecoderParameters.ATTENTION_FEATURES_BIAS)); // [B, L, A]
    NDArray packedKeys =
        rows(keys.reshape(b, l * (long) config.attentionSize()), batch.validImages)
            .reshape(-1, l, config.attentionSize()); // [M, L, A], each position's image
    NDArray queries = linear(packedStates, w(DecoderParameters.ATTENTION_HIDDEN), null); // [M, A]
    NDArray energies = packedKeys.add(queries.expandDims(1)).tanh(); // [M, L, A]
    NDArray scores = energies.matMul(w(DecoderParameters.ATTENTION_SCORE)); // [M, L]
    NDArray alphas = scores.softmax(1); // [M, L]
    // Back to [B, T, L], zero at padded steps, so that one batched product gives the contexts.
    NDArray paddedAlphas =
        batch.zeroAlphas.scatter(batch.alphaRows, alphas, 0).reshape(b, t, l); // [B, T, L]
    NDArray contexts =
        rows(
            paddedAlphas.batchMatMul(features).reshape(b * (long) t, d), batch.validRows); // [M, D]

    NDArray valid = packedStates.concat(contexts, 1); // [M, N + D]
    NDArray outputs =
        linear(valid, w(DecoderParameters.OUTPUT), w(DecoderParameters.OUTPUT_BIAS))
            .tanh(); // [M, N]
    outputs = Dropout.dropout(outputs, config.dropout(), training).singletonOrThrow(); // [M, N]
    NDArray logits =
        linear(
            outputs,
            w(DecoderParameters.PROJECTION),
            w(DecoderParameters.PROJECTION_BIAS)); // [M, V]
    NDArray loss =
        logits.logSoftmax(1).gather(batch.targets, 1).mean().neg(); // [], mean over M tokens

    if (config.attentionPenalty() > 0) {
      NDArray coverage = paddedAlphas.sum(new int[] {1}); // [B, L], over the valid steps
      NDArray penalty = coverage.neg().add(1).square().sum(new int[] {1}).mean(); // []
      loss = loss.add(penalty.mul(config.attentionPenalty()));
    }
    return loss;
  }

  /**
   * What decoding carries from one step to the next. Rows are images × beams, an image's beams
   * contiguous, so that the features and their attention keys stay one per image and a step reads
   * them through a view {@code [I, beams, …]} instead of copying them per row.
   *
   * @param features {@code [I, L, D]} the region features
   * @param keys {@code [I, L, A]} their attention projection, {@code V·Wv + bv}
   * @param hidden {@code [layers, R, N]} the recurrent states
   * @param cell {@code [layers, R, N]}
   */
  public record DecodingState(NDArray features, NDArray keys, NDArray hidden, NDArray cell) {
    /** I. */
    public int images() {
      return (int) features.getShape().get(0);
    }

    /** R, the rows: images × beams. */
    public int rows() {
      return (int) hidden.getShape().get(1);
    }

    /** This state with other recurrent states (the same features and keys). */
    public DecodingState with(NDArray newHidden, NDArray newCell) {
      return new DecodingState(features, keys, newHidden, newCell);
    }
  }

  /**
   * One decoding step's outputs.
   *
   * @param logProbabilities {@code [R, Vocab]} log p of the next word
   * @param alphas {@code [R, L]} the step's attention weights
   * @param state the state after the step
   */
  public record StepOutput(NDArray logProbabilities, NDArray alphas, DecodingState state) {}

  /**
   * The state before the first word, one row per image: {@code h0 = tanh(v̄·W_h + b_h)}, {@code c0
   * = tanh(v̄·W_c + b_c)}. Arrays belong to the caller's {@link NDScope}; call it with the gradient
   * mode off ({@link #inference}) unless a gradient is wanted.
   *
   * @param features {@code [I, L, D]}
   */
  public DecodingState startDecoding(NDArray features) {
    NDList initial = initialStates(features);
    NDArray keys =
        linear(
            features,
            w(DecoderParameters.ATTENTION_FEATURES),
            w(DecoderParameters.ATTENTION_FEATURES_BIAS)); // [I, L, A]
    return new DecodingState(features, keys, initial.get(0), initial.get(1));
  }

  /** {@code h0} and {@code c0}, each {@code [layers, B, N]}, from the mean of {@code [B, L, D]}. */
  private NDList initialStates(NDArray features) {
    NDArray meanFeature = features.mean(new int[] {1}); // [B, D]
    NDList hidden = new NDList();
    NDList cells = new NDList();
    for (int layer = 0; layer < config.layers(); layer++) {
      hidden.add(
          linear(
                  meanFeature,
                  w(DecoderParameters.initHiddenWeight(layer)),
                  w(DecoderParameters.initHiddenBias(layer)))
              .tanh()); // [B, N]
      cells.add(
          linear(
                  meanFeature,
                  w(DecoderParameters.initCellWeight(layer)),
                  w(DecoderParameters.initCellBias(layer)))
              .tanh()); // [B, N]
    }
    return new NDList(NDArrays.stack(hidden), NDArrays.stack(cells));
  }

  /**
   * One decoding step for every row, the equations of training without dropout: the previous words
   * through the LSTM ({@code torch::lstm} over one time step), attention of each row over its
   * image's regions, the output layer and the log-softmax over the vocabulary.
   *
   * @param previousWords {@code [R]} int64 word ids, {@code <start>} at the first step
   */
  public StepOutput step(DecodingState state, NDArray previousWords) {
    int images = state.images();
    int rows = state.rows();
    if (rows % images != 0 || previousWords.size() != rows) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d rows and %d words for %d images: rows must be images × beams, one word each",
              rows,
              previousWords.size(),
              images));
    }
    int beams = rows / images;
    int l = (int) state.keys().getShape().get(1);
    int a = config.attentionSize();
    NDArray words =
        Embedding.embedding(
                previousWords.reshape(rows, 1), w(DecoderParameters.EMBEDDING), SparseFormat.DENSE)
            .singletonOrThrow(); // [R, 1, E]
    NDList recurrent =
        words
            .getNDArrayInternal()
            .lstm(
                words,
                new NDList(state.hidden(), state.cell()),
                lstmWeights(),
                true, // biases
                config.layers(),
                0, // no dropout between layers
                false, // not training
                false, // one direction
                true); // batch first
    NDArray top = recurrent.get(0).reshape(rows, config.hiddenSize()); // [R, N]

    NDArray queries =
        linear(top, w(DecoderParameters.ATTENTION_HIDDEN), null)
            .reshape(images, beams, 1, a); // [I, beams, 1, A]
    NDArray energies = state.keys().expandDims(1).add(queries).tanh(); // [I, beams, L, A]
    NDArray alphas = energies.matMul(w(DecoderParameters.ATTENTION_SCORE)).softmax(2); // [I, b, L]
    NDArray contexts =
        alphas.batchMatMul(state.features()).reshape(rows, config.featureSize()); // [R, D]

    NDArray outputs =
        linear(
                top.concat(contexts, 1), // [R, N + D]
                w(DecoderParameters.OUTPUT),
                w(DecoderParameters.OUTPUT_BIAS))
            .tanh(); // [R, N]
    NDArray logProbabilities =
        linear(outputs, w(DecoderParameters.PROJECTION), w(DecoderParameters.PROJECTION_BIAS))
            .logSoftmax(1); // [R, Vocab]
    return new StepOutput(
        logProbabilities,
        alphas.reshape(rows, l),
        state.with(recurrent.get(1), recurrent.get(2))); // [layers, R, N] each
  }

  /**
   * Runs {@code work} with PyTorch's gradient mode off, as under {@code torch.no_grad()}, and
   * restores the mode after.
   */
  public static <T> T inference(Supplier<T> work) {
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      return work.get();
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** The LSTM's weights in {@code torch::lstm}'s order, per layer weight_ih, weight_hh, biases. */
  private NDList lstmWeights() {
    NDList lstmWeights = new NDList();
    for (int layer = 0; layer < config.layers(); layer++) {
      lstmWeights.add(w(DecoderParameters.inputWeight(layer))); // weight_ih [4N, In]
      lstmWeights.add(w(DecoderParameters.hiddenWeight(layer))); // weight_hh [4N, N]
      lstmWeights.add(w(DecoderParameters.gateBias(layer))); // bias_ih [4N]
      lstmWeights.add(hiddenBiases.get(layer)); // bias_hh [4N], zero
    }
    return lstmWeights;
  }

  /** The manager decoding inputs are uploaded to: arrays that outlive a step's scope. */
  public NDManager newInputManager() {
    return manager.newSubManager();
  }

  /**
   * Scales every gradient by {@code min(1, clipNorm / (norm + 1e-6))}, as {@code
   * torch.nn.utils.clip_grad_norm_} does.
   *
   * @return the global norm before clipping
   */
  private float clipGradients() {
    NDList norms = new NDList();
    List<NDArray> gradients = new ArrayList<>();
    for (NDArray weight : weights.values()) {
      NDArray gradient = weight.getGradient();
      gradients.add(gradient);
      norms.add(gradient.norm()); // []
    }
    NDArray total = NDArrays.stack(norms).norm(); // []
    float norm = total.getFloat();
    float scale = (float) (config.clipNorm() / (norm + 1e-6));
    if (scale < 1) {
      for (NDArray gradient : gradients) {
        gradient.muli(scale);
      }
    }
    return norm;
  }

  private NDArray w(String name) {
    return weights.get(name);
  }

  /**
   * The rows {@code index} of {@code matrix}: {@code matrix.index_select(0, index)} in PyTorch. DJL
   * reaches that kernel through the embedding op; its gradient is an {@code index_add}, where DJL's
   * {@code get(NDArray)} (PyTorch's advanced indexing) accumulates several times slower.
   */
  private static NDArray rows(NDArray matrix, NDArray index) {
    return Embedding.embedding(index, matrix, SparseFormat.DENSE).singletonOrThrow();
  }

  private static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
    return (bias == null ? Linear.linear(input, weight) : Linear.linear(input, weight, bias))
        .singletonOrThrow();
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * A {@link DecoderBatch} in PyTorch's memory: features {@code [B, L, D]}, inputs {@code [B, T]},
   * the flat indices of the valid positions in {@code [B·T]} {@code [M]}, their images {@code [M]}
   * and targets {@code [M, 1]}, and what scatters packed attention weights back to {@code [B·T,
   * L]}.
   */
  public final class Batch implements AutoCloseable {
    private final TorchAttentionDecoder owner = TorchAttentionDecoder.this;
    private final NDManager arrays;
    private final int batchSize;
    private final int steps;
    private final int regions;
    private final NDArray features;
    private final NDArray inputs;
    private final NDArray validRows;
    private final NDArray validImages;
    private final NDArray targets;
    private final NDArray alphaRows;
    private final NDArray zeroAlphas;

    private Batch(DecoderBatch batch) {
      if (batch.featureSize() != config.featureSize()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the batch's featureSize must be the decoder's %d, got %d",
                config.featureSize(),
                batch.featureSize()));
      }
      batchSize = batch.batchSize();
      steps = batch.steps();
      regions = batch.regions();
      int[] words = batch.inputs();
      int[] wanted = batch.targets();
      int[] lengths = batch.lengths();
      long[] inputIds = new long[words.length];
      long[] rows = new long[batch.validTokens()];
      long[] images = new long[rows.length];
      long[] targetIds = new long[rows.length];
      long[] scatterRows = new long[rows.length * regions];
      int m = 0;
      for (int b = 0; b < batchSize; b++) {
        for (int t = 0; t < steps; t++) {
          int i = b * steps + t;
          inputIds[i] = t < lengths[b] ? checkId("input", words[i]) : DecoderBatch.PADDING;
          if (t < lengths[b]) {
            rows[m] = i;
            images[m] = b;
            targetIds[m] = checkId("target", wanted[i]);
            Arrays.fill(scatterRows, m * regions, (m + 1) * regions, i);
            m++;
          }
        }
      }
      arrays = manager.newSubManager();
      try {
        features =
            arrays.create(
                batch.features(),
                new Shape(batchSize, batch.regions(), batch.featureSize())); // [B, L, D]
        inputs = arrays.create(inputIds, new Shape(batchSize, steps)); // [B, T]
        validRows = arrays.create(rows, new Shape(rows.length)); // [M]
        validImages = arrays.create(images, new Shape(rows.length)); // [M]
        targets = arrays.create(targetIds, new Shape(rows.length, 1)); // [M, 1]
        alphaRows = arrays.create(scatterRows, new Shape(rows.length, regions)); // [M, L]
        zeroAlphas = arrays.zeros(new Shape((long) batchSize * steps, regions)); // [B·T, L]
      } catch (RuntimeException | Error e) {
        arrays.close();
        throw e;
      }
    }

    private int checkId(String what, int id) {
      if (id < 0 || id >= config.vocabulary()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "%s ids must be in [0, %d), got %d", what, config.vocabulary(), id));
      }
      return id;
    }

    /** M, the positions the loss averages over. */
    public int validTokens() {
      return (int) validRows.size();
    }

    @Override
    public void close() {
      arrays.close();
    }
  }

  private static float[] transpose(float[] values, int rows, int columns) {
    float[] transposed = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        transposed[c * rows + r] = values[r * columns + c];
      }
    }
    return transposed;
  }

  private static long[] toLongs(int[] shape) {
    long[] longs = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      longs[i] = shape[i];
    }
    return longs;
  }

  /** The engine's version and threads, for the benchmark's setup lines. */
  public static String engineDescription() {
    return String.format(
        Locale.ROOT,
        "PyTorch %s through DJL %s, intra-op threads %d, inter-op threads %d",
        Engine.getEngine(ENGINE).getVersion(),
        Engine.getDjlVersion(),
        JniUtils.getNumThreads(),
        JniUtils.getNumInteropThreads());
  }

  /** Sets PyTorch's intra-op threads (process-wide); 0 or less leaves them. */
  public static void setThreads(int threads) {
    if (threads > 0) {
      Engine.getEngine(ENGINE); // loads the natives first
      JniUtils.setNumThreads(threads);
    }
  }
}
