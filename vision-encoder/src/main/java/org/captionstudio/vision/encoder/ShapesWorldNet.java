package org.captionstudio.vision.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The ShapesWorld encoder's network: five 3×3 convolutions with batch normalisation, four of them
 * with stride 2, so a 128-pixel image becomes an 8×8 grid of {@code featureDim}-long region vectors
 * (vertex {@link #FEATURES}). For pretraining, a 1×1 convolution predicts each cell's shape, colour
 * and size attributes with a sigmoid cross-entropy loss.
 *
 * <p>The zoo's ImageNet architectures are built for 224-pixel photographs and train too slowly on
 * two cores (SqueezeNet at 128 px costs about 0.3 GMAC per training image, and the zoo builds it
 * with a sigmoid before every ReLU); this one costs about 0.06 GMAC forward per image.
 */
public final class ShapesWorldNet {
  /** The input vertex. */
  public static final String INPUT = "image";

  /** The vertex whose activations are the region features. */
  public static final String FEATURES = "features";

  /** The pretraining head's loss vertex. */
  public static final String ATTRIBUTES = "attributes";

  /** Input pixels per grid cell. */
  public static final int STRIDE = 16;

  private ShapesWorldNet() {}

  /**
   * Builds an untrained network.
   *
   * @param size input side in pixels, a multiple of {@link #STRIDE}
   * @param featureDim channels of the feature grid
   * @param attributes channels the pretraining head predicts per cell
   */
  public static ComputationGraph build(
      int size, int featureDim, int attributes, long seed, double learningRate) {
    if (size < STRIDE || size % STRIDE != 0) {
      throw new IllegalArgumentException(
          "size must be a positive multiple of " + STRIDE + ", got " + size);
    }
    int[] channels = {32, 64, featureDim, featureDim, featureDim};
    int[] strides = {2, 2, 2, 2, 1};
    ComputationGraphConfiguration.GraphBuilder graph =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .updater(new Adam(learningRate))
            .weightInit(WeightInit.RELU)
            .convolutionMode(ConvolutionMode.Same)
            .graphBuilder()
            .addInputs(INPUT)
            .setInputTypes(InputType.convolutional(size, size, 3));
    String previous = INPUT;
    for (int i = 0; i < channels.length; i++) {
      String conv = "conv" + (i + 1);
      String norm = "norm" + (i + 1);
      String relu = i == channels.length - 1 ? FEATURES : "relu" + (i + 1);
      graph.addLayer(
          conv,
          new ConvolutionLayer.Builder(3, 3)
              .stride(strides[i], strides[i])
              .nOut(channels[i])
              .activation(Activation.IDENTITY)
              .hasBias(false)
              .build(),
          previous);
      graph.addLayer(norm, new BatchNormalization.Builder().build(), conv);
      graph.addLayer(relu, new ActivationLayer.Builder().activation(Activation.RELU).build(), norm);
      previous = relu;
    }
    graph
        .addLayer(
            "head",
            new ConvolutionLayer.Builder(1, 1)
                .nOut(attributes)
                .activation(Activation.IDENTITY)
                .build(),
            FEATURES)
        .addLayer(
            ATTRIBUTES,
            new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT)
                .activation(Activation.SIGMOID)
                .build(),
            "head")
        .setOutputs(ATTRIBUTES);
    ComputationGraph network = new ComputationGraph(graph.build());
    network.init();
    return network;
  }
}
