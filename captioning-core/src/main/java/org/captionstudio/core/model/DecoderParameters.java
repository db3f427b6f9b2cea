package org.captionstudio.core.model;

import static org.captionstudio.core.model.ParameterNames.ATT_BV;
import static org.captionstudio.core.model.ParameterNames.ATT_WA;
import static org.captionstudio.core.model.ParameterNames.ATT_WG;
import static org.captionstudio.core.model.ParameterNames.ATT_WV;
import static org.captionstudio.core.model.ParameterNames.EMBEDDING;
import static org.captionstudio.core.model.ParameterNames.OUT_BO;
import static org.captionstudio.core.model.ParameterNames.OUT_BP;
import static org.captionstudio.core.model.ParameterNames.OUT_WO;
import static org.captionstudio.core.model.ParameterNames.OUT_WP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The decoder's tensors, all views of one flat array so that clipping, Adam and checkpoints work on
 * a single buffer. A gradient is a {@code DecoderParameters} of the same layout.
 */
public final class DecoderParameters {

  /** One named tensor of the layout. */
  public record Tensor(String name, long[] shape, long offset, long length) {
    public Tensor {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** A weight (rank 2), as opposed to a bias or a vector. */
    public boolean isMatrix() {
      return shape.length == 2;
    }
  }

  private final DecoderConfig config;
  private final List<Tensor> layout;
  private final INDArray flat;
  private final Map<String, INDArray> views;

  private DecoderParameters(DecoderConfig config, INDArray flat) {
    this.config = config;
    this.layout = layout(config);
    this.flat = flat;
    Map<String, INDArray> byName = new LinkedHashMap<>();
    for (Tensor t : layout) {
      INDArray view =
          flat.get(NDArrayIndex.interval(t.offset(), t.offset() + t.length())).reshape(t.shape);
      byName.put(t.name(), view);
    }
    this.views = Collections.unmodifiableMap(byName);
  }

  /** Zeros in the layout of {@code config}. */
  public static DecoderParameters zeros(DecoderConfig config, DataType dataType) {
    return new DecoderParameters(config, Nd4j.zeros(dataType, totalLength(config)));
  }

  /**
   * Fresh parameters: embeddings uniform in ±0.1, weights uniform in ±√(6 / (in + out)) (Glorot),
   * biases zero except the LSTM forget gates' (decoder layers and temporal encoder), which are 1.
   * The same seed gives the same values on every backend.
   */
  public static DecoderParameters initialized(DecoderConfig config, DataType dataType, long seed) {
    DecoderParameters p = zeros(config, dataType);
    SplittableRandom random = new SplittableRandom(seed);
    for (Tensor t : p.layout) {
      INDArray view = p.views.get(t.name());
      if (t.name().equals(EMBEDDING)) {
        view.assign(uniform(random, t.length(), 0.1).reshape(t.shape));
      } else if (t.isMatrix()) {
        double limit = Math.sqrt(6.0 / (t.shape[0] + t.shape[1]));
        view.assign(uniform(random, t.length(), limit).reshape(t.shape));
      }
    }
    int n = config.hiddenSize();
    if (config.cell() == CellType.LSTM) {
      for (int l = 0; l < config.layers(); l++) {
        p.get(ParameterNames.bias(l)).get(NDArrayIndex.interval(n, 2 * n)).assign(1.0);
      }
    }
    if (config.temporal()) {
      p.get(ParameterNames.TEMPORAL_B).get(NDArrayIndex.interval(n, 2 * n)).assign(1.0);
    }
    return p;
  }

  private static INDArray uniform(SplittableRandom random, long length, double limit) {
    double[] values = new double[Math.toIntExact(length)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (random.nextDouble() * 2 - 1) * limit;
    }
    return Nd4j.createFromArray(values);
  }

  /** The named tensors in storage order. */
  public static List<Tensor> layout(DecoderConfig c) {
    List<Tensor> out = new ArrayList<>();
    long[] offset = {0};
    int v = c.vocabularySize();
    int e = c.embeddingSize();
    int n = c.hiddenSize();
    int d = c.featureSize();
    int m = c.memorySize(); // D, or N with the temporal encoder
    int a = c.attentionSize();
    add(out, offset, EMBEDDING, v, e);
    if (c.temporal()) {
      add(out, offset, ParameterNames.TEMPORAL_WX, d, 4 * n);
      add(out, offset, ParameterNames.TEMPORAL_WH, n, 4 * n);
      add(out, offset, ParameterNames.TEMPORAL_B, 4 * n);
    }
    for (int l = 0; l < c.layers(); l++) {
      if (c.hasInitLayer(l)) {
        add(out, offset, ParameterNames.initHiddenWeight(l), m, n);
        add(out, offset, ParameterNames.initHiddenBias(l), n);
        if (c.cell().hasCellState()) {
          add(out, offset, ParameterNames.initCellWeight(l), m, n);
          add(out, offset, ParameterNames.initCellBias(l), n);
        }
      }
      int gates = c.cell().gates();
      add(out, offset, ParameterNames.inputWeight(l), c.layerInputSize(l), gates * n);
      if (c.cell() == CellType.LSTM) {
        add(out, offset, ParameterNames.recurrentWeight(l), n, 4 * n);
      } else {
        add(out, offset, ParameterNames.recurrentWeight(l), n, 2 * n);
        add(out, offset, ParameterNames.candidateWeight(l), n, n);
      }
      add(out, offset, ParameterNames.bias(l), gates * n);
    }
    add(out, offset, ATT_WV, m, a);
    add(out, offset, ATT_BV, a);
    add(out, offset, ATT_WG, n, a);
    add(out, offset, ATT_WA, a);
    add(out, offset, OUT_WO, n + m, n);
    add(out, offset, OUT_BO, n);
    add(out, offset, OUT_WP, n, v);
    add(out, offset, OUT_BP, v);
    return List.copyOf(out);
  }

  private static void add(List<Tensor> out, long[] offset, String name, long... shape) {
    long length = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    out.add(new Tensor(name, shape, offset[0], length));
    offset[0] += length;
  }

  /** The number of scalars in the layout of {@code config}. */
  public static long totalLength(DecoderConfig config) {
    List<Tensor> l = layout(config);
    Tensor last = l.get(l.size() - 1);
    return last.offset() + last.length();
  }

  public DecoderConfig config() {
    return config;
  }

  public List<Tensor> tensors() {
    return layout;
  }

  public DataType dataType() {
    return flat.dataType();
  }

  /** All values, one vector; the named tensors are views of it. */
  public INDArray flat() {
    return flat;
  }

  /** The named tensor, a view: writing to it changes these parameters. */
  public INDArray get(String name) {
    INDArray view = views.get(name);
    if (view == null) {
      throw new IllegalArgumentException("no parameter named " + name + " in this layout");
    }
    return view;
  }

  /** Zeros of the same layout and type, e.g. for a gradient or an optimiser's moments. */
  public DecoderParameters zerosLike() {
    return zeros(config, dataType());
  }

  /** A deep copy. */
  public DecoderParameters copy() {
    return new DecoderParameters(config, flat.dup());
  }

  /** The same values as another data type (e.g. double for a gradient check). */
  public DecoderParameters castTo(DataType type) {
    return new DecoderParameters(config, flat.castTo(type).dup());
  }

  /** Each tensor's values, row-major, as floats (for files and for the reference benchmark). */
  public Map<String, float[]> toFloatArrays() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Tensor t : layout) {
      out.put(t.name(), views.get(t.name()).dup('c').toFloatVector());
    }
    return out;
  }

  /**
   * Copies every named tensor's values; the map must hold exactly this layout's names and sizes.
   */
  public void setAll(Map<String, float[]> values) {
    if (!values.keySet().equals(views.keySet())) {
      throw new IllegalArgumentException(
          "parameter names differ: expected " + views.keySet() + ", got " + values.keySet());
    }
    for (Tensor t : layout) {
      float[] v = values.get(t.name());
      if (v.length != t.length()) {
        throw new IllegalArgumentException(
            t.name() + " must hold " + t.length() + " values, got " + v.length);
      }
      views.get(t.name()).assign(Nd4j.createFromArray(v).reshape(t.shape).castTo(dataType()));
    }
  }
}
