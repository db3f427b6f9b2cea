package org.captionstudio.vision.encoder;

import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ImageEncoder;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The pretrained, frozen ShapesWorld encoder: images in, an 8×8 grid (at 128 px) of region vectors
 * out, read from the network's {@link ShapesWorldNet#FEATURES} vertex.
 */
public final class ShapesWorldEncoder implements ImageEncoder, FeatureExtraction.BatchEncoder {
  /** The id model bundles record. */
  public static final String ID = "shapesworld";

  private final ShapesEncoderCard card;
  private final ComputationGraph network;
  private final ImageDecoder decoder;
  private final EncoderInfo info;

  private ShapesWorldEncoder(
      ShapesEncoderCard card, ComputationGraph network, ImageDecoder decoder) {
    this.card = card;
    this.network = network;
    this.decoder = decoder;
    this.info =
        new EncoderInfo(
            ID,
            card.inputSize(),
            card.gridHeight(),
            card.gridWidth(),
            card.featureDim(),
            "ShapesWorld encoder, pretrained on "
                + card.trainImages()
                + " images (test shape/colour/size accuracy "
                + String.format(
                    java.util.Locale.ROOT,
                    "%.2f/%.2f/%.2f",
                    card.test().shape(),
                    card.test().colour(),
                    card.test().size())
                + ")");
  }

  /** Loads a file written by {@code pretrain-encoder}. */
  public static ShapesWorldEncoder load(Path file) throws ModelLoadException {
    ShapesEncoderFile.Loaded loaded = ShapesEncoderFile.read(file);
    return new ShapesWorldEncoder(loaded.card(), loaded.graph(), new ImageDecoder());
  }

  /**
   * The architecture with random weights, for benchmarks and tests of the extraction machinery
   * only: nothing reachable from the app or the command line captions with it.
   */
  public static ShapesWorldEncoder withRandomWeights(int size, int featureDim, long seed) {
    ComputationGraph network =
        ShapesWorldNet.build(
            size, featureDim, org.captionstudio.vision.shapes.CellLabels.CHANNELS, seed, 1e-3);
    int grid = size / ShapesWorldNet.STRIDE;
    ShapesEncoderCard card =
        new ShapesEncoderCard(
            ShapesEncoderCard.FORMAT,
            ShapesEncoderCard.VERSION,
            size,
            grid,
            grid,
            featureDim,
            0,
            0,
            0,
            new AttributeAccuracy(0, 0, 0, 0, 0, 0),
            "random weights");
    return new ShapesWorldEncoder(card, network, new ImageDecoder());
  }

  /** What the file says about its pretraining. */
  public ShapesEncoderCard card() {
    return card;
  }

  @Override
  public EncoderInfo info() {
    return info;
  }

  @Override
  public List<EncodedImage> encode(List<Path> images) throws CaptioningException {
    return encodeDecoded(RegionGrid.decodeAll(decoder, images));
  }

  /** Encodes images that are already decoded (the extraction pipeline decodes on workers). */
  @Override
  public List<EncodedImage> encodeDecoded(List<DecodedImage> images) {
    return RegionGrid.encode(
        images, card.inputSize(), Preprocessing.RGB_UNIT, network, ShapesWorldNet.FEATURES);
  }

  @Override
  public void close() {
    network.close();
  }
}
