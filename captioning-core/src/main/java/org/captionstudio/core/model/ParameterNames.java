package org.captionstudio.core.model;

/**
 * The names of the decoder's parameter tensors: the contract between the model, the trainer, the
 * checkpoints and the model bundle. Matrices are applied to row vectors ({@code x · W}), so a
 * weight's shape is {@code [in, out]}. M is the size of what the attention reads ({@link
 * DecoderConfig#memorySize()}): D for region features, N for the temporal encoder's outputs.
 */
public final class ParameterNames {
  /** {@code [V, E]} word embeddings. */
  public static final String EMBEDDING = "embedding";

  /**
   * {@code [D, 4N]} input weights of the temporal encoder (video only), an LSTM over the frames;
   * gate blocks i, f, g, o.
   */
  public static final String TEMPORAL_WX = "temporal.Wx";

  /** {@code [N, 4N]} its recurrent weights. */
  public static final String TEMPORAL_WH = "temporal.Wh";

  /** {@code [4N]} its bias. */
  public static final String TEMPORAL_B = "temporal.b";

  /**
   * {@code [M, A]} projection of the memory (regions or encoded frames) into the attention space.
   */
  public static final String ATT_WV = "att.Wv";

  /** {@code [A]} bias of that projection. */
  public static final String ATT_BV = "att.bv";

  /** {@code [N, A]} projection of the query (the top layer's state). */
  public static final String ATT_WG = "att.Wg";

  /** {@code [A]} the vector that scores each region. */
  public static final String ATT_WA = "att.wa";

  /** {@code [N + M, N]} the output layer over {@code [h_t ; ĉ_t]}. */
  public static final String OUT_WO = "out.Wo";

  /** {@code [N]} its bias. */
  public static final String OUT_BO = "out.bo";

  /** {@code [N, V]} the vocabulary projection. */
  public static final String OUT_WP = "out.Wp";

  /** {@code [V]} its bias. */
  public static final String OUT_BP = "out.bp";

  private ParameterNames() {}

  /**
   * {@code [M, N]} initial hidden state of layer {@code l} from the mean memory vector (the mean
   * region). Absent for layer 0 with the temporal encoder, which starts from the encoder's state.
   */
  public static String initHiddenWeight(int layer) {
    return "init" + layer + ".hW";
  }

  /** {@code [N]}. */
  public static String initHiddenBias(int layer) {
    return "init" + layer + ".hb";
  }

  /** {@code [M, N]} initial cell state of LSTM layer {@code l} from the mean memory vector. */
  public static String initCellWeight(int layer) {
    return "init" + layer + ".cW";
  }

  /** {@code [N]}. */
  public static String initCellBias(int layer) {
    return "init" + layer + ".cb";
  }

  /**
   * {@code [in, gates × N]} input weights of layer {@code l}; gate blocks in the order i, f, g, o
   * (LSTM) or r, z, n (GRU).
   */
  public static String inputWeight(int layer) {
    return "layer" + layer + ".Wx";
  }

  /** {@code [N, 4N]} (LSTM) or {@code [N, 2N]} (GRU, the r and z blocks) recurrent weights. */
  public static String recurrentWeight(int layer) {
    return "layer" + layer + ".Wh";
  }

  /** {@code [N, N]} GRU only: the candidate's weights on {@code r ⊙ h_{t-1}}. */
  public static String candidateWeight(int layer) {
    return "layer" + layer + ".Uh";
  }

  /** {@code [gates × N]} bias of layer {@code l}. */
  public static String bias(int layer) {
    return "layer" + layer + ".b";
  }
}
