package org.captionstudio.app.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ImageEncoder;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.bundle.EncoderSpec;
import org.captionstudio.core.bundle.ModelBundle;
import org.captionstudio.core.caption.Captioner;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.vision.encoder.ShapesWorldEncoder;
import org.captionstudio.vision.encoder.WeightsImport;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.captionstudio.vision.encoder.ZooImageEncoder;
import org.captionstudio.vision.weights.WeightsStore;

/** A model bundle with its encoder loaded and checked against it: ready to caption. */
public final class LoadedModel implements AutoCloseable {
  private final String source;
  private final ModelBundle bundle;
  private final ImageEncoder encoder;
  private final AttentionDecoder decoder;

  private LoadedModel(String source, ModelBundle bundle, ImageEncoder encoder) {
    this.source = source;
    this.bundle = bundle;
    this.encoder = encoder;
    this.decoder = new AttentionDecoder(bundle.manifest().decoder());
  }

  /** Reads a bundle file and loads its encoder. */
  public static LoadedModel load(Path file) throws ModelLoadException {
    return load(file.toString(), ModelBundle.read(file));
  }

  /** Loads {@code default} (the bundled model) or a bundle file, with its encoder. */
  public static LoadedModel load(String model) throws ModelLoadException {
    return load(
        DefaultModel.NAME.equals(model) ? DefaultModel.SOURCE : model, DefaultModel.read(model));
  }

  /** Loads {@code default} (the bundled video model) or a bundle file, with its encoder. */
  public static LoadedModel loadVideo(String model) throws ModelLoadException {
    return DefaultModel.NAME.equals(model)
        ? load(DefaultModel.VIDEO_SOURCE, DefaultModel.readVideo())
        : load(model);
  }

  /**
   * Loads the encoder a bundle names (embedded, or from the zoo with real weights) and checks it
   * against the bundle.
   *
   * @param file how messages name the bundle
   */
  public static LoadedModel load(String file, ModelBundle bundle) throws ModelLoadException {
    EncoderSpec spec = bundle.manifest().encoder();
    ImageEncoder encoder;
    if (spec.embedded()) {
      Path temp = null;
      try {
        temp = Files.createTempFile("captionstudio-encoder", ".zip");
        Files.write(temp, bundle.encoder().orElseThrow());
        encoder = ShapesWorldEncoder.load(temp);
      } catch (IOException e) {
        throw new ModelLoadException(
            "The encoder inside " + file + " could not be unpacked (" + e.getMessage() + ").", e);
      } catch (ModelLoadException e) {
        throw new ModelLoadException(
            "The encoder inside " + file + " cannot be used: " + e.getMessage(), e);
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // a temporary file the OS cleans up
          }
        }
      }
    } else {
      ZooEncoder zoo =
          ZooEncoder.byId(spec.id())
              .orElseThrow(
                  () ->
                      new ModelLoadException(
                          "The model "
                              + file
                              + " was trained on encoder \""
                              + spec.id()
                              + "\", which this build does not have."));
      encoder =
          ZooImageEncoder.load(
              zoo, WeightsStore.defaultLocation(), WeightsImport.defaultLocation());
    }
    EncoderInfo info = encoder.info();
    // A video model reads one pooled vector per frame, so only the feature size must agree.
    boolean video = bundle.manifest().decoder().temporal();
    if (info.featureDim() != spec.featureDim()
        || !video
            && (info.gridHeight() != spec.gridHeight() || info.gridWidth() != spec.gridWidth())) {
      encoder.close();
      throw new ModelLoadException(
          "The model "
              + file
              + " expects "
              + spec.gridHeight()
              + "x"
              + spec.gridWidth()
              + "x"
              + spec.featureDim()
              + " features but its encoder gives "
              + info.gridHeight()
              + "x"
              + info.gridWidth()
              + "x"
              + info.featureDim()
              + ".");
    }
    return new LoadedModel(file, bundle, encoder);
  }

  /** The bundle's file, or {@link DefaultModel#SOURCE}. */
  public String source() {
    return source;
  }

  public ModelBundle bundle() {
    return bundle;
  }

  public AttentionDecoder decoder() {
    return decoder;
  }

  public ImageEncoder encoder() {
    return encoder;
  }

  /** Encodes images; a file that cannot be decoded throws for the whole batch. */
  public List<EncodedImage> encode(List<Path> images) throws CaptioningException {
    return encoder.encode(images);
  }

  /** Whether this model describes videos (its decoder reads frames through a temporal encoder). */
  public boolean describesVideo() {
    return bundle.manifest().decoder().temporal();
  }

  /** Encodes pictures already decoded (video frames), in one batch. */
  public List<EncodedImage> encodeDecoded(
      List<org.captionstudio.vision.image.DecodedImage> images) {
    if (encoder instanceof org.captionstudio.vision.encoder.FeatureExtraction.BatchEncoder batch) {
      return batch.encodeDecoded(images);
    }
    throw new IllegalStateException(encoder.getClass() + " cannot encode decoded frames");
  }

  /**
   * Encodes media files the way this model reads them: images through the encoder, or, for a video
   * model, each clip as its frames' pooled features in time order (a 1×F "grid" whose cell f is
   * frame f, so attention maps read as a timeline). A file that cannot be decoded gets its
   * sentence, and the others go on.
   */
  public List<Captioner.Encoding> encodeFiles(List<Path> files) throws CaptioningException {
    if (!describesVideo()) {
      return captioner().encode(files);
    }
    int frames = bundle.manifest().encoder().gridWidth();
    var media =
        org.captionstudio.vision.encoder.FeatureExtraction.videoFrames(
            new org.captionstudio.vision.video.VideoSampler(), frames);
    List<Captioner.Encoding> out = new java.util.ArrayList<>();
    for (Path file : files) {
      try {
        float[] memory = media.combine(encodeDecoded(media.decode(file)));
        double[] boxes = new double[frames * 4];
        for (int f = 0; f < frames; f++) {
          boxes[4 * f] = f;
          boxes[4 * f + 2] = 1;
          boxes[4 * f + 3] = 1;
        }
        out.add(
            new Captioner.Encoding(
                file,
                new EncodedImage(file.toString(), memory, boxes, frames, 1, List.of()),
                null));
      } catch (org.captionstudio.core.MediaDecodeException e) {
        out.add(new Captioner.Encoding(file, null, e.getMessage()));
      }
    }
    return out;
  }

  /** A captioner over this model's encoder and decoder. */
  public Captioner captioner() {
    return new Captioner(encoder, bundle);
  }

  @Override
  public void close() throws Exception {
    encoder.close();
  }
}
