package org.captionstudio.vision.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ImageEncoder;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.weights.WeightsStore;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A DL4J-zoo CNN with trained weights as an image encoder: images are resized (shorter side),
 * centre-cropped and normalised as the weights expect, and the tap vertex's {@code [D, h, w]}
 * activations become {@code h·w} region vectors with their boxes in the original image.
 */
public final class ZooImageEncoder implements ImageEncoder, FeatureExtraction.BatchEncoder {
  private final ZooEncoder encoder;
  private final ComputationGraph graph;
  private final ImageDecoder decoder = new ImageDecoder();
  private final EncoderInfo info;

  private ZooImageEncoder(ZooEncoder encoder, ComputationGraph graph, String weights) {
    this.encoder = encoder;
    this.graph = graph;
    this.info =
        new EncoderInfo(
            encoder.id(),
            encoder.inputSize(),
            encoder.gridHeight(),
            encoder.gridWidth(),
            encoder.featureDim(),
            encoder.displayName() + " (" + weights + "), " + encoder.preprocessing().description());
  }

  /**
   * The encoder with the user's imported weights if there are any, else the verified ImageNet
   * weights from the zoo cache; never random weights.
   *
   * @throws ModelLoadException when there are no usable weights; the message says how to get them
   */
  public static ZooImageEncoder load(ZooEncoder encoder, WeightsStore store, WeightsImport imports)
      throws ModelLoadException {
    Path file;
    String origin;
    if (imports.has(encoder)) {
      file = imports.file(encoder);
      origin = "imported weights";
    } else {
      file =
          store.require(
              encoder.weights(),
              encoder.displayName(),
              "run `./captionstudio encoders download "
                  + encoder.id()
                  + "` (add --mirror DIR|URL when offline) or import your own with"
                  + " `./captionstudio encoders import "
                  + encoder.id()
                  + " FILE`.");
      origin = "ImageNet weights";
    }
    try {
      return new ZooImageEncoder(
          encoder, ModelSerializer.restoreComputationGraph(file.toFile(), false), origin);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          "The "
              + encoder.displayName()
              + " weights at "
              + file
              + " cannot be loaded: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public EncoderInfo info() {
    return info;
  }

  @Override
  public List<EncodedImage> encode(List<Path> images) throws CaptioningException {
    return encodeDecoded(RegionGrid.decodeAll(decoder, images));
  }

  @Override
  public List<EncodedImage> encodeDecoded(List<DecodedImage> images) {
    return RegionGrid.encode(
        images, encoder.inputSize(), encoder.preprocessing(), graph, encoder.tapVertex());
  }

  @Override
  public void close() {
    graph.close();
  }
}
