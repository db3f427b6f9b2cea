package org.captionstudio.benchmarks.decoder;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.captionstudio.core.model.ParameterNames;

/**
 * The decoder's parameters by name: the contract through which {@code decoder-train} copies one set
 * of weights into both sides. Every matrix is row-major and multiplies a row vector from the left
 * ({@code x · W}); gates are ordered i, f, g, o along the 4N axis.
 *
 * <table>
 *   <caption>Names and shapes (l = layer, In = E for layer 0 and N above it)</caption>
 *   <tr><td>{@code embedding}</td><td>[Vocab, E]</td></tr>
 *   <tr><td>{@code init{l}.hW}, {@code init{l}.cW}</td><td>[D, N]</td></tr>
 *   <tr><td>{@code init{l}.hb}, {@code init{l}.cb}</td><td>[N]</td></tr>
 *   <tr><td>{@code layer{l}.Wx}</td><td>[In, 4N]</td></tr>
 *   <tr><td>{@code layer{l}.Wh}</td><td>[N, 4N]</td></tr>
 *   <tr><td>{@code layer{l}.b}</td><td>[4N]</td></tr>
 *   <tr><td>{@code att.Wv}</td><td>[D, A]</td></tr>
 *   <tr><td>{@code att.bv}</td><td>[A]</td></tr>
 *   <tr><td>{@code att.Wg}</td><td>[N, A]</td></tr>
 *   <tr><td>{@code att.wa}</td><td>[A]</td></tr>
 *   <tr><td>{@code out.Wo}</td><td>[N + D, N] (rows: h first, then the context)</td></tr>
 *   <tr><td>{@code out.bo}</td><td>[N]</td></tr>
 *   <tr><td>{@code out.Wp}</td><td>[N, Vocab]</td></tr>
 *   <tr><td>{@code out.bp}</td><td>[Vocab]</td></tr>
 * </table>
 */
public final class DecoderParameters {
  public static final String EMBEDDING = ParameterNames.EMBEDDING;
  public static final String ATTENTION_FEATURES = ParameterNames.ATT_WV;
  public static final String ATTENTION_FEATURES_BIAS = ParameterNames.ATT_BV;
  public static final String ATTENTION_HIDDEN = ParameterNames.ATT_WG;
  public static final String ATTENTION_SCORE = ParameterNames.ATT_WA;
  public static final String OUTPUT = ParameterNames.OUT_WO;
  public static final String OUTPUT_BIAS = ParameterNames.OUT_BO;
  public static final String PROJECTION = ParameterNames.OUT_WP;
  public static final String PROJECTION_BIAS = ParameterNames.OUT_BP;

  private DecoderParameters() {}

  /** {@code init{layer}.hW}: the mean feature to the initial hidden state. */
  public static String initHiddenWeight(int layer) {
    return ParameterNames.initHiddenWeight(layer);
  }

  /** {@code init{layer}.hb}. */
  public static String initHiddenBias(int layer) {
    return ParameterNames.initHiddenBias(layer);
  }

  /** {@code init{layer}.cW}: the mean feature to the initial cell state. */
  public static String initCellWeight(int layer) {
    return ParameterNames.initCellWeight(layer);
  }

  /** {@code init{layer}.cb}. */
  public static String initCellBias(int layer) {
    return ParameterNames.initCellBias(layer);
  }

  /** {@code layer{layer}.Wx}: the input to the gates. */
  public static String inputWeight(int layer) {
    return ParameterNames.inputWeight(layer);
  }

  /** {@code layer{layer}.Wh}: the previous hidden state to the gates. */
  public static String hiddenWeight(int layer) {
    return ParameterNames.recurrentWeight(layer);
  }

  /** {@code layer{layer}.b}: the gates' bias. */
  public static String gateBias(int layer) {
    return ParameterNames.bias(layer);
  }

  /**
   * Every parameter's shape, in a fixed order (embedding, per layer init and LSTM, attention, out).
   */
  public static Map<String, int[]> shapes(TorchAttentionDecoder.Config config) {
    int vocabulary = config.vocabulary();
    int e = config.embeddingSize();
    int n = config.hiddenSize();
    int d = config.featureSize();
    int a = config.attentionSize();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put(EMBEDDING, new int[] {vocabulary, e});
    for (int layer = 0; layer < config.layers(); layer++) {
      shapes.put(initHiddenWeight(layer), new int[] {d, n});
      shapes.put(initHiddenBias(layer), new int[] {n});
      shapes.put(initCellWeight(layer), new int[] {d, n});
      shapes.put(initCellBias(layer), new int[] {n});
    }
    for (int layer = 0; layer < config.layers(); layer++) {
      shapes.put(inputWeight(layer), new int[] {layer == 0 ? e : n, 4 * n});
      shapes.put(hiddenWeight(layer), new int[] {n, 4 * n});
      shapes.put(gateBias(layer), new int[] {4 * n});
    }
    shapes.put(ATTENTION_FEATURES, new int[] {d, a});
    shapes.put(ATTENTION_FEATURES_BIAS, new int[] {a});
    shapes.put(ATTENTION_HIDDEN, new int[] {n, a});
    shapes.put(ATTENTION_SCORE, new int[] {a});
    shapes.put(OUTPUT, new int[] {n + d, n});
    shapes.put(OUTPUT_BIAS, new int[] {n});
    shapes.put(PROJECTION, new int[] {n, vocabulary});
    shapes.put(PROJECTION_BIAS, new int[] {vocabulary});
    return Collections.unmodifiableMap(shapes);
  }

  /** The number of values a shape holds. */
  public static int size(int[] shape) {
    int size = 1;
    for (int extent : shape) {
      size = Math.multiplyExact(size, extent);
    }
    return size;
  }

  /**
   * Parameters as PyTorch initialises this model, the same for the same seed: the embedding from
   * N(0, 1), the LSTM's weights and biases from U(±1/√N), every other matrix and its bias from
   * U(±1/√fan-in) with fan-in the matrix's rows ({@code att.wa}: A).
   */
  public static Map<String, float[]> random(TorchAttentionDecoder.Config config, long seed) {
    Random random = new Random(seed);
    double lstmBound = 1 / Math.sqrt(config.hiddenSize());
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<String, int[]> shapes = shapes(config);
    double bound = 0;
    for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
      String name = entry.getKey();
      int[] shape = entry.getValue();
      float[] value = new float[size(shape)];
      if (name.equals(EMBEDDING)) {
        for (int i = 0; i < value.length; i++) {
          value[i] = (float) random.nextGaussian();
        }
      } else {
        if (name.startsWith("layer")) {
          bound = lstmBound;
        } else if (shape.length == 2 || name.equals(ATTENTION_SCORE)) {
          bound = 1 / Math.sqrt(shape[0]); // a bias follows its matrix and keeps this bound
        }
        for (int i = 0; i < value.length; i++) {
          value[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
      }
      values.put(name, value);
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * Checks that {@code values} holds exactly the parameters of {@code config}, each of its size.
   *
   * @throws IllegalArgumentException naming the first missing, unknown or wrongly sized parameter
   */
  public static void check(TorchAttentionDecoder.Config config, Map<String, float[]> values) {
    Map<String, int[]> shapes = shapes(config);
    for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
      float[] value = values.get(entry.getKey());
      if (value == null) {
        throw new IllegalArgumentException("parameter " + entry.getKey() + " is missing");
      }
      if (value.length != size(entry.getValue())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "parameter %s must hold %d values for shape %s, got %d",
                entry.getKey(),
                size(entry.getValue()),
                Arrays.toString(entry.getValue()),
                value.length));
      }
    }
    for (String name : values.keySet()) {
      if (!shapes.containsKey(name)) {
        throw new IllegalArgumentException(
            "parameter " + name + " is not one of " + shapes.keySet());
      }
    }
  }
}
