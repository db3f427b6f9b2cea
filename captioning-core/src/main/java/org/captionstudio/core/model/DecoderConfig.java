package org.captionstudio.core.model;

/**
 * The shape of an attention decoder (DESIGN.md, "The decoder").
 *
 * @param vocabularySize V: words, special tokens included
 * @param embeddingSize E: the word embedding
 * @param hiddenSize N: the recurrent state, and the output layer before the vocabulary projection
 * @param featureSize D: one region feature (or one encoded video frame)
 * @param attentionSize A: the space in which regions and the query are compared
 * @param layers stacked recurrent layers, 1 or 2; the top layer's state queries the attention
 * @param cell LSTM or GRU
 * @param dropout the probability of dropping a unit before the vocabulary projection, in training
 * @param attentionRegularization λ of the doubly stochastic regulariser, λ Σ_i (1 − Σ_t α_ti)²
 *     averaged over the images of a batch; 0 switches it off
 * @param temporal the L "regions" are F video frames in time order: an LSTM temporal encoder (S2VT)
 *     runs over them, the attention reads its F outputs (size N) instead of the raw features, and
 *     the first layer starts from its final state. Off for images; a manifest or checkpoint written
 *     before this option existed reads as off.
 */
public record DecoderConfig(
    int vocabularySize,
    int embeddingSize,
    int hiddenSize,
    int featureSize,
    int attentionSize,
    int layers,
    CellType cell,
    double dropout,
    double attentionRegularization,
    boolean temporal) {

  public DecoderConfig {
    positive("vocabularySize", vocabularySize);
    positive("embeddingSize", embeddingSize);
    positive("hiddenSize", hiddenSize);
    positive("featureSize", featureSize);
    positive("attentionSize", attentionSize);
    if (vocabularySize < 4) {
      throw new IllegalArgumentException(
          "vocabularySize must be >= 4 (the special tokens), got " + vocabularySize);
    }
    if (layers < 1 || layers > 2) {
      throw new IllegalArgumentException("layers must be 1 or 2, got " + layers);
    }
    if (cell == null) {
      throw new IllegalArgumentException("cell must not be null");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(attentionRegularization >= 0) || Double.isInfinite(attentionRegularization)) {
      throw new IllegalArgumentException(
          "attentionRegularization must be a finite value >= 0, got " + attentionRegularization);
    }
  }

  /** An image decoder: attention over the region features, no temporal encoder. */
  public DecoderConfig(
      int vocabularySize,
      int embeddingSize,
      int hiddenSize,
      int featureSize,
      int attentionSize,
      int layers,
      CellType cell,
      double dropout,
      double attentionRegularization) {
    this(
        vocabularySize,
        embeddingSize,
        hiddenSize,
        featureSize,
        attentionSize,
        layers,
        cell,
        dropout,
        attentionRegularization,
        false);
  }

  /**
   * The defaults for a vocabulary and a feature size, Show-Attend-Tell-like sizes that train on a
   * CPU.
   */
  public static DecoderConfig defaults(int vocabularySize, int featureSize) {
    return new DecoderConfig(
        vocabularySize,
        256, // E: word embedding
        512, // N: LSTM state
        featureSize,
        512, // A: attention space
        1, // one layer
        CellType.LSTM,
        0.5, // dropout before the vocabulary projection
        0.0, // no doubly stochastic regulariser
        false); // images: no temporal encoder
  }

  public DecoderConfig withSizes(int embedding, int hidden, int attention) {
    return new DecoderConfig(
        vocabularySize,
        embedding,
        hidden,
        featureSize,
        attention,
        layers,
        cell,
        dropout,
        attentionRegularization,
        temporal);
  }

  public DecoderConfig withCell(CellType newCell, int newLayers) {
    return new DecoderConfig(
        vocabularySize,
        embeddingSize,
        hiddenSize,
        featureSize,
        attentionSize,
        newLayers,
        newCell,
        dropout,
        attentionRegularization,
        temporal);
  }

  public DecoderConfig withDropout(double newDropout) {
    return new DecoderConfig(
        vocabularySize,
        embeddingSize,
        hiddenSize,
        featureSize,
        attentionSize,
        layers,
        cell,
        newDropout,
        attentionRegularization,
        temporal);
  }

  public DecoderConfig withAttentionRegularization(double lambda) {
    return new DecoderConfig(
        vocabularySize,
        embeddingSize,
        hiddenSize,
        featureSize,
        attentionSize,
        layers,
        cell,
        dropout,
        lambda,
        temporal);
  }

  /** The same decoder with the temporal encoder switched on (video) or off (images). */
  public DecoderConfig withTemporal(boolean on) {
    return new DecoderConfig(
        vocabularySize,
        embeddingSize,
        hiddenSize,
        featureSize,
        attentionSize,
        layers,
        cell,
        dropout,
        attentionRegularization,
        on);
  }

  /**
   * The size of one vector the attention reads and the context ĉ has: D, or N with the temporal
   * encoder (whose outputs are attended over).
   */
  public int memorySize() {
    return temporal ? hiddenSize : featureSize;
  }

  /**
   * Whether recurrent layer {@code layer} starts from {@code tanh(W m̄ + b)} over the mean memory
   * vector m̄ (the {@code init} parameters). With the temporal encoder the first layer starts from
   * the encoder's final state instead, and a second layer from the mean encoder output.
   */
  public boolean hasInitLayer(int layer) {
    return !(temporal && layer == 0);
  }

  /** The input size of recurrent layer {@code layer}: E for the first, N above it. */
  public int layerInputSize(int layer) {
    return layer == 0 ? embeddingSize : hiddenSize;
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }
}
