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
  private final Path file;
  private final ModelBundle bundle;
  private final ImageEncoder encoder;
  private final AttentionDecoder decoder;

  private LoadedModel(Path file, ModelBundle bundle, ImageEncoder encoder) {
    this.file = file;
    this.bundle = bundle;
    this.encoder = encoder;
    this.decoder = new AttentionDecoder(bundle.manifest().decoder());
  }

  /** Reads the bundle and loads its encoder (embedded, or from the zoo with real weights). */
  public static LoadedModel load(Path file) throws ModelLoadException {
    ModelBundle bundle = ModelBundle.read(file);
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
    if (info.featureDim() != spec.featureDim()
        || info.gridHeight() != spec.gridHeight()
        || info.gridWidth() != spec.gridWidth()) {
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

  public Path file() {
    return file;
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

  /** A captioner over this model's encoder and decoder. */
  public Captioner captioner() {
    return new Captioner(encoder, bundle);
  }

  @Override
  public void close() throws Exception {
    encoder.close();
  }
}
