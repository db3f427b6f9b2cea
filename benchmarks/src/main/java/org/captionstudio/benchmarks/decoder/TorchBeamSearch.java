package org.captionstudio.benchmarks.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference side of {@code decode-latency}: beam search over {@link TorchAttentionDecoder#step}
 * as a PyTorch user writes it, all images and beams as the rows of one step.
 *
 * <p>Each step adds the beams' running log-probabilities to the step's {@code [R, Vocab]}
 * log-probabilities, takes {@code topk} over each image's flattened {@code [beams · Vocab]}
 * candidates, splits the flat indices into beam and word, and reorders the recurrent states, the
 * word history and the attention history with {@code index_select} on the chosen rows. Words that
 * are never generated ({@code <pad>}, {@code <start>}) are masked to −∞, as our search skips them.
 *
 * <p>It decodes a fixed number of steps and has no {@code <end>} bookkeeping: the benchmark's
 * weights make {@code <end>} improbable enough that no beam ever chooses it, so our search runs the
 * same steps, and leaving the bookkeeping out only spares the reference work. Not thread-safe; the
 * decoder must outlive it.
 */
public final class TorchBeamSearch {
  /** The padding id, never generated. */
  public static final int PADDING = DecoderBatch.PADDING;

  /** The start id: the first input of every row, never generated. */
  public static final int START = DecoderBatch.START;

  private final TorchAttentionDecoder decoder;

  public TorchBeamSearch(TorchAttentionDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * The best caption of one image.
   *
   * @param words the word ids, one per step
   * @param logProbability their total log-probability
   * @param attention {@code [steps][L]} each step's attention weights
   */
  public record Caption(int[] words, float logProbability, float[][] attention) {
    public Caption {
      words = words.clone();
      attention = attention.clone();
    }

    @Override
    public int[] words() {
      return words.clone();
    }

    @Override
    public float[][] attention() {
      return attention.clone();
    }
  }

  /**
   * Features uploaded once, to decode repeatedly.
   *
   * @param images I
   * @param regions L
   */
  public Input upload(float[] features, int images, int regions) {
    return new Input(features, images, regions);
  }

  /** {@code [I, L, D]} region features in PyTorch's memory. */
  public final class Input implements AutoCloseable {
    private final NDManager arrays;
    private final NDArray features;
    private final NDArray mask;

    private Input(float[] values, int images, int regions) {
      int d = decoder.config().featureSize();
      if ((long) images * regions * d != values.length) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "features must hold %d values for [%d, %d, %d], got %d",
                (long) images * regions * d,
                images,
                regions,
                d,
                values.length));
      }
      int vocabulary = decoder.config().vocabulary();
      float[] maskValues = new float[vocabulary];
      maskValues[PADDING] = Float.NEGATIVE_INFINITY;
      maskValues[START] = Float.NEGATIVE_INFINITY;
      arrays = decoder.newInputManager();
      try {
        features = arrays.create(values, new Shape(images, regions, d)); // [I, L, D]
        mask = arrays.create(maskValues, new Shape(vocabulary)); // [Vocab]
      } catch (RuntimeException | Error e) {
        arrays.close();
        throw e;
      }
    }

    /** I. */
    public int images() {
      return (int) features.getShape().get(0);
    }

    @Override
    public void close() {
      arrays.close();
    }
  }

  /**
   * Beam search of {@code steps} words for every image at once.
   *
   * @return per image, the best of its {@code beamSize} beams after the last step
   */
  public List<Caption> decode(Input input, int beamSize, int steps) {
    if (beamSize < 1 || steps < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "beamSize and steps must be >= 1, got %d and %d", beamSize, steps));
    }
    return TorchAttentionDecoder.inference(
        () -> {
          try (NDScope scope = new NDScope()) { // closes every array the search creates
            scope.suppressNotUsedWarning();
            return search(input, beamSize, steps);
          }
        });
  }

  /** The log-probabilities of the first word, {@code [I, Vocab]} row-major. */
  public float[] firstStep(Input input) {
    return TorchAttentionDecoder.inference(
        () -> {
          try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray start =
                input.features.getManager().full(new Shape(input.images()), START, DataType.INT64);
            return decoder
                .step(decoder.startDecoding(input.features), start)
                .logProbabilities()
                .toFloatArray();
          }
        });
  }

  private List<Caption> search(Input input, int k, int steps) {
    NDManager manager = input.features.getManager();
    int images = input.images();
    int vocabulary = decoder.config().vocabulary();
    TorchAttentionDecoder.DecodingState state = decoder.startDecoding(input.features);
    NDArray words = manager.full(new Shape(images), START, DataType.INT64); // [R]
    NDArray scores = manager.zeros(new Shape(images, 1)); // [R, 1] running log-probabilities
    NDArray firstRows = manager.arange(0, images, 1, DataType.INT64).reshape(images, 1); // [I, 1]
    NDArray history = null; // [R, t] the words so far
    NDArray attention = null; // [R, t, L]
    int beams = 1;
    for (int t = 0; t < steps; t++) {
      TorchAttentionDecoder.StepOutput out = decoder.step(state, words);
      NDArray totals =
          out.logProbabilities()
              .add(input.mask)
              .addi(scores) // [R, Vocab]
              .reshape(images, (long) beams * vocabulary); // [I, beams · Vocab]
      NDList best = totals.topK(k, 1, true, true); // values and flat indices, [I, k] each
      NDArray flat = best.get(1);
      NDArray word = flat.mod(vocabulary); // [I, k]
      NDArray beam = flat.sub(word).div(vocabulary).toType(DataType.INT64, false); // [I, k]
      NDArray from = beam.addi(firstRows.mul(beams)).reshape(-1); // [R'] rows of this step
      int rows = images * k;
      NDArray chosen = word.reshape(rows, 1); // [R', 1]
      history = history == null ? chosen : rows(history, from).concat(chosen, 1); // [R', t + 1]
      NDArray alphas = rows(out.alphas(), from).expandDims(1); // [R', 1, L]
      attention = attention == null ? alphas : rows3(attention, from).concat(alphas, 1);
      state =
          out.state()
              .with(layerRows(out.state().hidden(), from), layerRows(out.state().cell(), from));
      scores = best.get(0).reshape(rows, 1); // [R', 1]
      words = word.reshape(rows); // [R']
      beams = k;
    }
    // The best beam of each image, read back once.
    NDArray bestBeam = scores.reshape(images, k).argMax(1); // [I]
    NDArray bestRows = bestBeam.add(firstRows.reshape(images).mul(k)); // [I]
    long[] wordIds = rows(history, bestRows).toLongArray(); // [I, steps]
    float[] logProbabilities = rows(scores, bestRows).toFloatArray(); // [I]
    float[] weights = rows3(attention, bestRows).toFloatArray(); // [I, steps, L]
    int l = (int) attention.getShape().get(2);
    List<Caption> captions = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      int[] ids = new int[steps];
      float[][] alphas = new float[steps][l];
      for (int t = 0; t < steps; t++) {
        ids[t] = Math.toIntExact(wordIds[i * steps + t]);
        System.arraycopy(weights, (i * steps + t) * l, alphas[t], 0, l);
      }
      captions.add(new Caption(ids, logProbabilities[i], alphas));
    }
    return captions;
  }

  /**
   * {@code matrix.index_select(0, index)}, through the embedding op (see TorchAttentionDecoder).
   */
  private static NDArray rows(NDArray matrix, NDArray index) {
    return Embedding.embedding(index, matrix, SparseFormat.DENSE).singletonOrThrow();
  }

  /** {@link #rows} on the first axis of {@code [R, a, b]}. */
  private static NDArray rows3(NDArray tensor, NDArray index) {
    Shape shape = tensor.getShape();
    return rows(tensor.reshape(shape.get(0), shape.get(1) * shape.get(2)), index)
        .reshape(index.size(), shape.get(1), shape.get(2));
  }

  /** {@code states.index_select(1, index)} for {@code [layers, R, N]} recurrent states. */
  private static NDArray layerRows(NDArray states, NDArray index) {
    Shape shape = states.getShape();
    if (shape.get(0) == 1) {
      return rows(states.reshape(shape.get(1), shape.get(2)), index).expandDims(0);
    }
    NDList layers = new NDList();
    for (int layer = 0; layer < shape.get(0); layer++) {
      layers.add(rows(states.get(layer), index));
    }
    return NDArrays.stack(layers);
  }
}
