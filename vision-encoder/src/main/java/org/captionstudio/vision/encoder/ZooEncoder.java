package org.captionstudio.vision.encoder;

import java.util.Locale;
import java.util.Optional;
import org.captionstudio.vision.weights.WeightsSpec;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.Darknet19;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.SqueezeNet;

/**
 * The DL4J-zoo CNNs Caption Studio can encode images with, each with its ImageNet weights file,
 * preprocessing and spatial feature tap (vertex names and shapes as the zoo builds them in
 * 1.0.0-M2.1).
 */
public enum ZooEncoder {
  /** VGG16: block5_conv3, 512×14×14 at 224 px. Slow on a CPU (~2.5 s per image). */
  VGG16(
      "vgg16",
      "VGG16",
      224,
      "16",
      512,
      14,
      14,
      Preprocessing.CAFFE_BGR_MEAN,
      "vgg16_dl4j_inference.zip",
      3501732770L),
  /**
   * ResNet50: the last residual block, 2048×4×4 at 224 px (the zoo's stage 2 has stride 2, so the
   * grid is 4×4 rather than 7×7).
   */
  RESNET50(
      "resnet50",
      "ResNet50",
      224,
      "res5c_branch",
      2048,
      4,
      4,
      Preprocessing.CAFFE_BGR_MEAN,
      "resnet50_dl4j_inference.v3.zip",
      3914447815L),
  /** SqueezeNet 1.1: fire9, 512×13×13 at 227 px. Fast (~0.12 s per image). */
  SQUEEZENET(
      "squeezenet",
      "SqueezeNet",
      227,
      "fire9",
      512,
      13,
      13,
      Preprocessing.CAFFE_BGR_MEAN,
      "squeezenet_dl4j_inference.v2.zip",
      3711411239L),
  /** Darknet19: the last convolution block, 1024×7×7 at 224 px. */
  DARKNET19(
      "darknet19",
      "Darknet19",
      224,
      "activation_18",
      1024,
      7,
      7,
      Preprocessing.RGB_UNIT,
      "darknet19_dl4j_inference.v2.zip",
      691100891L);

  private final String id;
  private final String displayName;
  private final int inputSize;
  private final String tapVertex;
  private final int featureDim;
  private final int gridHeight;
  private final int gridWidth;
  private final Preprocessing preprocessing;
  private final String weightsFile;
  private final long weightsAdler32;

  ZooEncoder(
      String id,
      String displayName,
      int inputSize,
      String tapVertex,
      int featureDim,
      int gridHeight,
      int gridWidth,
      Preprocessing preprocessing,
      String weightsFile,
      long weightsAdler32) {
    this.id = id;
    this.displayName = displayName;
    this.inputSize = inputSize;
    this.tapVertex = tapVertex;
    this.featureDim = featureDim;
    this.gridHeight = gridHeight;
    this.gridWidth = gridWidth;
    this.preprocessing = preprocessing;
    this.weightsFile = weightsFile;
    this.weightsAdler32 = weightsAdler32;
  }

  /** The name on the command line and in model bundles, e.g. "resnet50". */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The square input side in pixels. */
  public int inputSize() {
    return inputSize;
  }

  /** The graph vertex whose activations are the region features. */
  public String tapVertex() {
    return tapVertex;
  }

  /** D: channels of the feature map, the size of each region vector. */
  public int featureDim() {
    return featureDim;
  }

  public int gridHeight() {
    return gridHeight;
  }

  public int gridWidth() {
    return gridWidth;
  }

  /** L = h × w: the number of regions the attention reads. */
  public int regions() {
    return gridHeight * gridWidth;
  }

  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** The zoo's file name for the ImageNet weights. */
  public String weightsFile() {
    return weightsFile;
  }

  /** The zoo's Adler32 checksum of that file. */
  public long weightsAdler32() {
    return weightsAdler32;
  }

  /** The zoo cache sub-folder, as DL4J names it (the model class name in lower case). */
  public String cacheFolder() {
    return displayName.toLowerCase(Locale.ROOT);
  }

  /** The ImageNet weights file as the zoo publishes it. */
  public WeightsSpec weights() {
    return new WeightsSpec(cacheFolder(), weightsFile, weightsAdler32);
  }

  /** The encoder named {@code id} (case-insensitive). */
  public static Optional<ZooEncoder> byId(String id) {
    for (ZooEncoder encoder : values()) {
      if (encoder.id.equalsIgnoreCase(id)) {
        return Optional.of(encoder);
      }
    }
    return Optional.empty();
  }

  /**
   * The zoo model with 1000 ImageNet classes, this encoder's input shape and the zoo's defaults.
   */
  ZooModel zooModel() {
    return zooModel(inputSize, WorkspaceMode.ENABLED, CacheMode.NONE);
  }

  private ZooModel zooModel(int side, WorkspaceMode workspaceMode, CacheMode cacheMode) {
    int[] shape = {3, side, side};
    return switch (this) {
      case VGG16 ->
          org.deeplearning4j
              .zoo
              .model
              .VGG16
              .builder()
              .numClasses(1000)
              .inputShape(shape)
              .workspaceMode(workspaceMode)
              .cacheMode(cacheMode)
              .build();
      case RESNET50 ->
          ResNet50.builder()
              .numClasses(1000)
              .inputShape(shape)
              .workspaceMode(workspaceMode)
              .cacheMode(cacheMode)
              .build();
      case SQUEEZENET ->
          SqueezeNet.builder()
              .numClasses(1000)
              .inputShape(shape)
              .workspaceMode(workspaceMode)
              .cacheMode(cacheMode)
              .build();
      case DARKNET19 ->
          Darknet19.builder()
              .numClasses(1000)
              .inputShape(shape)
              .workspaceMode(workspaceMode)
              .cacheMode(cacheMode)
              .build();
    };
  }

  /**
   * The architecture with freshly initialised (random) weights. Only for checking shapes: an
   * encoder without its trained weights never captions anything.
   */
  ComputationGraph randomlyInitialised() {
    return (ComputationGraph) zooModel().init();
  }

  /**
   * The architecture with freshly initialised (random) weights, for benchmarks and shape tests
   * only: without its trained weights it never captions anything. The zoo's defaults are this
   * encoder's {@link #inputSize()}, {@link WorkspaceMode#ENABLED} and {@link CacheMode#NONE}; other
   * input sides change the feature grid.
   *
   * @param side the square input side in pixels
   * @param workspaceMode how DL4J reuses activation memory (training and inference alike)
   * @param cacheMode what DL4J caches between the forward and the backward pass
   */
  public ComputationGraph randomlyInitialised(
      int side, WorkspaceMode workspaceMode, CacheMode cacheMode) {
    if (side < 1) {
      throw new IllegalArgumentException("side must be >= 1, got " + side);
    }
    return (ComputationGraph) zooModel(side, workspaceMode, cacheMode).init();
  }
}
