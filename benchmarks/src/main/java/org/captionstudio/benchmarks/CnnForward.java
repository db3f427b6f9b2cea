package org.captionstudio.benchmarks;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.captionstudio.core.runtime.BackendInfo;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * {@code cnn-forward}: the CNN forward pass of feature extraction. Ours is the DL4J-zoo ResNet50
 * ({@link ZooEncoder#RESNET50}); the reference is PyTorch's ResNet-50 built from DJL's {@code
 * ResNetV1} blocks. Both carry random weights (no download) and read the same input values, NCHW
 * float32. Each batch size is timed twice: ours to the feature tap {@code res5c_branch} (what
 * captioning reads) against the reference to the end of its last residual stage, then both to the
 * classifier output. Times are per image; the headline is the largest batch to the output.
 *
 * <p>The two networks are not the same amount of work: the zoo ResNet50 strides stage 2, so at 224
 * px its residual stages run on 28/14/7/4-pixel maps where torchvision-style ResNet-50 runs on
 * 56/28/14/7. The setup lines report the multiply-accumulates per image of each.
 *
 * <p>{@code benchmarks/run.sh -Ponednn cnn-forward} runs ours on nd4j-native's oneDNN build with
 * DL4J's oneDNN layer helpers (see {@code org.nd4j.nativeblas.Nd4jCpu} in this module); the setup
 * lines say which helpers the layers got.
 */
public final class CnnForward implements Benchmark {
  /** DJL's engine name for PyTorch. */
  static final String REFERENCE_ENGINE = "PyTorch";

  /** The zoo ResNet50's classifier vertex. */
  static final String OUTPUT_VERTEX = "output";

  private static final long SEED = 2015;
  private static final int PREPARATION_PASSES = 2;
  // ImageNet channel statistics (RGB): the inputs look like normalised photographs.
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private final Settings settings;

  /**
   * How the benchmark runs; {@link #defaults()} is what {@code run.sh cnn-forward} measures.
   *
   * @param imageSize the square input side in pixels
   * @param batchSizes the batch sizes, each timed in order; the last one is the headline
   * @param threads intra-op threads on both sides; 0 leaves each library's own default
   * @param workspaceMode DL4J's activation memory reuse
   * @param cacheMode DL4J's forward-pass caching for backprop
   * @param periodicGc whether ND4J calls System.gc() periodically to free off-heap memory
   */
  public record Settings(
      int imageSize,
      List<Integer> batchSizes,
      int threads,
      WorkspaceMode workspaceMode,
      CacheMode cacheMode,
      boolean periodicGc) {
    public Settings {
      if (imageSize < 96) {
        // At 64 px the zoo ResNet50 has no feature map left for its classifier.
        throw new IllegalArgumentException("imageSize must be >= 96, got " + imageSize);
      }
      if (batchSizes.isEmpty()) {
        throw new IllegalArgumentException("batchSizes must not be empty");
      }
      for (int batch : batchSizes) {
        if (batch < 1) {
          throw new IllegalArgumentException("batch sizes must be >= 1, got " + batch);
        }
      }
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be >= 0, got " + threads);
      }
      batchSizes = List.copyOf(batchSizes);
    }

    /** What {@code run.sh cnn-forward} measures. */
    public static Settings defaults() {
      return new Settings(
          224, // the encoder's input side
          List.of(1, 16), // one image's latency, then extraction throughput (the headline)
          Runtime.getRuntime().availableProcessors(), // one intra-op thread per core, both sides
          WorkspaceMode.ENABLED, // the zoo's default
          CacheMode.NONE, // the zoo's default; caching only serves backprop
          true); // ND4J's default
    }

    /**
     * {@link #defaults()} with any of these system properties applied, for experiments: {@code
     * cnn-forward.size}, {@code cnn-forward.batches} (comma-separated), {@code
     * cnn-forward.threads}, {@code cnn-forward.workspace} ({@code ENABLED|NONE}), {@code
     * cnn-forward.cache} ({@code NONE|HOST|DEVICE}), {@code cnn-forward.periodicGc}.
     */
    public static Settings fromSystemProperties() {
      Settings d = defaults();
      List<Integer> batches = new ArrayList<>();
      String batchList = System.getProperty("cnn-forward.batches");
      if (batchList == null) {
        batches.addAll(d.batchSizes());
      } else {
        for (String batch : batchList.split(",")) {
          batches.add(Integer.parseInt(batch.strip()));
        }
      }
      return new Settings(
          Integer.getInteger("cnn-forward.size", d.imageSize()),
          batches,
          Integer.getInteger("cnn-forward.threads", d.threads()),
          WorkspaceMode.valueOf(
              System.getProperty("cnn-forward.workspace", d.workspaceMode().name())),
          CacheMode.valueOf(System.getProperty("cnn-forward.cache", d.cacheMode().name())),
          Boolean.parseBoolean(
              System.getProperty("cnn-forward.periodicGc", Boolean.toString(d.periodicGc()))));
    }
  }

  /** The benchmark as {@code run.sh} runs it: defaults, overridden by system properties. */
  public CnnForward() {
    this(Settings.fromSystemProperties());
  }

  public CnnForward(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "cnn-forward";
  }

  @Override
  public String description() {
    return String.format(
        Locale.ROOT,
        "DL4J-zoo ResNet50 vs PyTorch ResNet-50 (DJL), %d px, batch %s, ms per image",
        settings.imageSize(),
        settings.batchSizes());
  }

  @Override
  public Prepared prepare() throws Exception {
    int size = settings.imageSize();
    List<String> setup = new ArrayList<>();
    String nd4jVersion = BackendInfo.probe().nd4jVersion();
    setup.add(configureNd4j());
    ComputationGraph graph =
        ZooEncoder.RESNET50.randomlyInitialised(
            size, settings.workspaceMode(), settings.cacheMode());
    heNormalWeights(graph);
    setup.add(
        String.format(
            Locale.ROOT,
            "ours: DL4J %s ResNet50 (zoo, random weights), %.2f GMAC/image, workspace %s, cache"
                + " %s, periodic GC %s, %s, layer helpers: %s",
            nd4jVersion,
            oursMacs(graph, size) / 1e9,
            settings.workspaceMode(),
            settings.cacheMode(),
            settings.periodicGc() ? "on" : "off",
            graph.params().dataType(),
            helpers(graph)));

    Model model = Model.newInstance("resnet50-reference", Device.cpu(), REFERENCE_ENGINE);
    try {
      Engine engine = model.getNDManager().getEngine();
      engine.setRandomSeed((int) SEED);
      setup.add(configurePyTorch());
      Block resnet =
          ResNetV1.builder()
              .setImageShape(new Shape(3, size, size))
              .setNumLayers(50)
              .setOutSize(1000)
              .build();
      model.setBlock(resnet);
      resnet.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, size, size));
      // DJL marks parameters for training when it creates them; inference needs no gradients.
      for (var parameter : resnet.getParameters()) {
        parameter.getValue().getArray().setRequiresGradient(false);
      }
      List<Block> layers = resnet.getChildren().values();
      List<Block> trunk = layers.subList(0, lastResidualUnit(layers) + 1);
      setup.add(
          String.format(
              Locale.ROOT,
              "reference: PyTorch %s through DJL %s, ResNetV1-50 (random weights), %.2f"
                  + " GMAC/image, autograd %s",
              engine.getVersion(),
              Engine.getDjlVersion(),
              referenceMacs(resnet, new Shape(1, 3, size, size)) / 1e9,
              JniUtils.isGradMode() || anyRequiresGrad(resnet) ? "ON" : "off"));
      ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
      checkFinite(graph, layers, parameters, size);

      List<Contestants> cases = new ArrayList<>();
      for (int batch : settings.batchSizes()) {
        Inputs inputs = inputs(model.getNDManager(), batch, size); // [batch, 3, size, size]
        String tap = ZooEncoder.RESNET50.tapVertex();
        cases.add(
            new Contestants(
                String.format(Locale.ROOT, "batch %d, to %s", batch, tap),
                batch,
                () -> ours(graph, tap, inputs.ours()),
                Optional.of(() -> reference(trunk, parameters, inputs.reference()))));
        cases.add(
            new Contestants(
                String.format(Locale.ROOT, "batch %d, to the output", batch),
                batch,
                () -> ours(graph, OUTPUT_VERTEX, inputs.ours()),
                Optional.of(() -> reference(layers, parameters, inputs.reference()))));
      }
      setup.add(
          String.format(
              Locale.ROOT,
              "input: [batch, 3, %d, %d] float32 NCHW, the same ImageNet-normalised noise on both"
                  + " sides",
              size,
              size));
      setup.add("environment: " + environment());
      // Untimed passes on top of the runner's warm-up: with glibc keeping freed memory (run.sh),
      // the reference's heap grows to its working size over its first few large forward passes.
      for (Contestants contestants : cases) {
        for (int pass = 0; pass < PREPARATION_PASSES; pass++) {
          contestants.ours().run();
          contestants.reference().orElseThrow().run();
        }
      }
      return new Prepared(cases, setup, model);
    } catch (Exception | Error e) {
      model.close();
      throw e;
    }
  }

  /** The environment variables that change either side's speed, as this process got them. */
  public static String environment() {
    StringBuilder text = new StringBuilder();
    for (String name :
        List.of(
            "OMP_WAIT_POLICY",
            "OMP_NUM_THREADS",
            "OPENBLAS_CORETYPE",
            "OPENBLAS_L2_SIZE",
            "MALLOC_MMAP_MAX_",
            "MALLOC_TRIM_THRESHOLD_")) {
      text.append(name).append('=').append(System.getenv().getOrDefault(name, "unset")).append(' ');
    }
    return text.toString().strip();
  }

  /**
   * Replaces the zoo's random weights with He-normal ones (σ² = 2 / fan-in), seeded. The zoo draws
   * from a truncated normal with σ = 0.5 whatever the fan-in, and the activations overflow to
   * infinity and NaN within a few residual blocks even on normalised input; timings on NaN say
   * nothing about real images.
   */
  static void heNormalWeights(ComputationGraph graph) {
    Nd4j.getRandom().setSeed(SEED);
    for (Layer layer : graph.getLayers()) {
      INDArray weights = layer.numParams() == 0 ? null : layer.paramTable().get("W");
      if (weights == null) {
        continue;
      }
      // convolution [out, in, kH, kW]: fan-in in·kH·kW; dense [in, out]: fan-in in
      long fanIn = weights.rank() == 4 ? weights.length() / weights.size(0) : weights.size(0);
      weights.assign(Nd4j.randn(weights.dataType(), weights.shape()).muli(Math.sqrt(2.0 / fanIn)));
    }
  }

  /** Both networks must give finite features on the benchmark's input: see heNormalWeights. */
  private static void checkFinite(
      ComputationGraph graph, List<Block> layers, ParameterStore parameters, int size) {
    try (NDManager check = parameters.getManager().newSubManager()) {
      Inputs inputs = inputs(check, 1, size); // [1, 3, size, size]
      INDArray ours =
          graph
              .output(
                  List.of(ZooEncoder.RESNET50.tapVertex()),
                  false,
                  new INDArray[] {inputs.ours()},
                  null)[0];
      if (ours.isNaN().any() || ours.isInfinite().any()) {
        throw new IllegalStateException("the zoo ResNet50's features are not finite");
      }
      NDArray reference = forward(layers, parameters, inputs.reference()).singletonOrThrow();
      if (!reference.isInfinite().logicalOr(reference.isNaN()).any().getBoolean()) {
        return;
      }
      throw new IllegalStateException("the reference ResNet-50's output is not finite");
    }
  }

  /**
   * The same input values for both sides: uniform pixel noise normalised with ImageNet's channel
   * statistics, so that random-weight activations stay finite.
   *
   * @param ours the input as ND4J holds it, {@code [batch, 3, size, size]}
   * @param reference the same values in DJL/PyTorch, {@code [batch, 3, size, size]}
   */
  record Inputs(INDArray ours, NDArray reference) {}

  static Inputs inputs(NDManager manager, int batch, int size) {
    float[] values = inputValues(batch, size);
    INDArray ours = Nd4j.create(values, new long[] {batch, 3, size, size}, 'c');
    NDArray reference = manager.create(values, new Shape(batch, 3, size, size));
    return new Inputs(ours, reference);
  }

  /** {@code batch × 3 × size × size} values in NCHW order, the same for the same arguments. */
  static float[] inputValues(int batch, int size) {
    Random random = new Random(SEED);
    int plane = size * size;
    float[] values = new float[batch * 3 * plane]; // [batch, 3, size, size]
    for (int i = 0; i < values.length; i++) {
      int channel = (i / plane) % 3;
      values[i] = (random.nextFloat() - MEAN[channel]) / STD[channel];
    }
    return values;
  }

  private static void ours(ComputationGraph graph, String vertex, INDArray input) {
    INDArray[] out = graph.output(List.of(vertex), false, new INDArray[] {input}, null);
    for (INDArray array : out) {
      if (array.closeable()) {
        array.close();
      }
    }
  }

  private static void reference(List<Block> blocks, ParameterStore parameters, NDArray input) {
    // Every intermediate array is created on the input's manager; this one frees them all.
    try (NDManager iteration = input.getManager().newSubManager()) {
      input.tempAttach(iteration);
      forward(blocks, parameters, input);
    }
  }

  /** Runs {@code blocks} in order, as DJL's SequentialBlock does, in inference mode. */
  static NDList forward(List<Block> blocks, ParameterStore parameters, NDArray input) {
    NDList x = new NDList(input);
    for (Block block : blocks) {
      x = block.forward(parameters, x, false);
    }
    return x;
  }

  /** The index of the last residual unit (a ParallelBlock) among ResNetV1's top-level blocks. */
  static int lastResidualUnit(List<Block> layers) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i) instanceof ParallelBlock) {
        return i;
      }
    }
    throw new IllegalStateException("ResNetV1 has no residual unit");
  }

  private String configureNd4j() {
    NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
    int defaultOmp = ops.ompGetMaxThreads();
    int defaultMax = Nd4j.getEnvironment().maxThreads();
    if (settings.threads() > 0) {
      Nd4j.getEnvironment().setMaxThreads(settings.threads());
      ops.setOmpNumThreads(settings.threads());
      Nd4j.factory().blas().setMaxThreads(settings.threads());
    }
    Nd4j.getMemoryManager().togglePeriodicGc(settings.periodicGc());
    return String.format(
        Locale.ROOT,
        "ours threads: omp %d, nd4j %d, blas %d (defaults: omp %d, nd4j %d); %s, BLAS %s",
        ops.ompGetMaxThreads(),
        Nd4j.getEnvironment().maxThreads(),
        Nd4j.factory().blas().getMaxThreads(),
        defaultOmp,
        defaultMax,
        ops.buildInfo()
            .lines()
            .filter(line -> !line.isBlank())
            .reduce((a, b) -> a + " " + b)
            .orElse("?"),
        Nd4j.factory().blas().getBlasVendor());
  }

  private String configurePyTorch() {
    int defaultThreads = JniUtils.getNumThreads();
    if (settings.threads() > 0) {
      JniUtils.setNumThreads(settings.threads());
    }
    // No autograd: the forward pass records nothing for a backward pass (thread-local, and the
    // benchmark runs on this thread).
    JniUtils.setGradMode(false);
    return String.format(
        Locale.ROOT,
        "reference threads: intra-op %d, inter-op %d (default intra-op %d)",
        JniUtils.getNumThreads(),
        JniUtils.getNumInteropThreads(),
        defaultThreads);
  }

  private static boolean anyRequiresGrad(Block block) {
    for (var parameter : block.getParameters()) {
      Parameter value = parameter.getValue();
      if (value.isInitialized() && JniUtils.requiresGrad((PtNDArray) value.getArray())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The accelerated implementations DL4J picked for the layers, e.g. "MKLDNNConvHelper x53", or
   * "none". DL4J 1.0.0-M2.1 creates them only with {@code
   * -Dorg.eclipse.deeplearning4j.helpers.disable=false}, and oneDNN ones only on a native build
   * with oneDNN.
   */
  static String helpers(ComputationGraph graph) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Layer layer : graph.getLayers()) {
      if (layer.getHelper() != null) {
        counts.merge(layer.getHelper().getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((helper, count) -> text.append(helper).append(" x").append(count).append(' '));
    return text.toString().strip();
  }

  /**
   * Multiply-accumulates per image in the zoo graph's convolution and dense layers: each weight is
   * used once per output position.
   */
  static long oursMacs(ComputationGraph graph, int size) {
    Map<String, InputType> activations =
        graph.getConfiguration().getLayerActivationTypes(InputType.convolutional(size, size, 3));
    long macs = 0;
    for (Layer layer : graph.getLayers()) {
      INDArray weights = layer.numParams() == 0 ? null : layer.paramTable().get("W");
      if (weights == null) {
        continue;
      }
      InputType out = activations.get(layer.conf().getLayer().getLayerName());
      long positions =
          out instanceof InputType.InputTypeConvolutional conv
              ? conv.getHeight() * conv.getWidth()
              : 1;
      macs += weights.length() * positions;
    }
    return macs;
  }

  /** The same count for the DJL network, walking its blocks with the shapes they see. */
  static long referenceMacs(Block block, Shape input) {
    long[] macs = {0};
    walk(block, input, macs);
    return macs[0];
  }

  private static Shape walk(Block block, Shape input, long[] macs) {
    Shape output = block.getOutputShapes(new Shape[] {input})[0];
    if (block instanceof Conv2d || block instanceof Linear) {
      long weights = block.getParameters().get("weight").getArray().getShape().size();
      long positions = block instanceof Conv2d ? output.get(2) * output.get(3) : 1;
      macs[0] += weights * positions;
    } else if (block instanceof SequentialBlock) {
      Shape x = input;
      for (Block child : block.getChildren().values()) {
        x = walk(child, x, macs);
      }
    } else if (block instanceof ParallelBlock) {
      for (Block child : block.getChildren().values()) {
        walk(child, input, macs);
      }
    }
    return output;
  }
}
