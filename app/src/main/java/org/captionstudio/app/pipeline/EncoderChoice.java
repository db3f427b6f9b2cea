package org.captionstudio.app.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.vision.encoder.FeatureExtraction;
import org.captionstudio.vision.encoder.ShapesWorldEncoder;
import org.captionstudio.vision.encoder.WeightsImport;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.captionstudio.vision.encoder.ZooImageEncoder;
import org.captionstudio.vision.weights.WeightsStore;

/**
 * The encoder a user names: a ShapesWorld encoder file (embedded in the bundles trained on it) or a
 * zoo encoder by id, with verified or imported weights.
 *
 * @param encoder the loaded encoder
 * @param embeddedFile the encoder's own file, if it travels inside bundles
 */
public record EncoderChoice(FeatureExtraction.BatchEncoder encoder, Optional<Path> embeddedFile)
    implements AutoCloseable {

  /** Loads {@code name}: a path to a ShapesWorld encoder file, or a zoo id such as resnet50. */
  public static EncoderChoice load(String name) throws ModelLoadException {
    Path file = Path.of(name);
    if (Files.isRegularFile(file)) {
      return new EncoderChoice(ShapesWorldEncoder.load(file), Optional.of(file));
    }
    Optional<ZooEncoder> zoo = ZooEncoder.byId(name.toLowerCase(java.util.Locale.ROOT));
    if (zoo.isEmpty()) {
      throw new ModelLoadException(
          "There is no encoder file or zoo encoder called "
              + name
              + "; give a file written by pretrain-encoder or one of the names"
              + " `./captionstudio encoders` lists.");
    }
    return new EncoderChoice(
        ZooImageEncoder.load(
            zoo.get(), WeightsStore.defaultLocation(), WeightsImport.defaultLocation()),
        Optional.empty());
  }

  /** The embedded encoder's bytes, if any. */
  public Optional<byte[]> embeddedBytes() throws IOException {
    return embeddedFile.isPresent()
        ? Optional.of(Files.readAllBytes(embeddedFile.get()))
        : Optional.empty();
  }

  @Override
  public void close() {
    encoder.close();
  }
}
