package org.captionstudio.vision.encoder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.captionstudio.core.ModelLoadException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Imports a user's own weights for a zoo encoder: a DL4J ComputationGraph zip (as {@code
 * ModelSerializer} writes it) whose graph has the encoder's feature tap with the documented shape.
 * The checked file is copied into Caption Studio's folder ({@code
 * <home>/encoders/<encoder>/imported.zip}), atomically; the original is left alone.
 */
public final class WeightsImport {
  static final String FILE_NAME = "imported.zip";
  private final Path home;

  /**
   * @param home Caption Studio's own folder, e.g. {@code ~/.captionstudio}
   */
  public WeightsImport(Path home) {
    this.home = home;
  }

  /**
   * The folder the {@code captionstudio.home} property or the {@code CAPTIONSTUDIO_HOME} variable
   * names, else {@code ~/.captionstudio}.
   */
  public static WeightsImport defaultLocation() {
    String env = System.getProperty("captionstudio.home", System.getenv("CAPTIONSTUDIO_HOME"));
    return new WeightsImport(
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".captionstudio"));
  }

  /** Where an imported file for {@code encoder} lives. */
  public Path file(ZooEncoder encoder) {
    return home.resolve("encoders").resolve(encoder.id()).resolve(FILE_NAME);
  }

  /** Whether the user imported weights for {@code encoder}. */
  public boolean has(ZooEncoder encoder) {
    return Files.isRegularFile(file(encoder));
  }

  /**
   * Checks {@code source} and copies it into place.
   *
   * @throws ModelLoadException one sentence on why the file does not fit the encoder
   */
  public Path importFile(ZooEncoder encoder, Path source) throws ModelLoadException {
    String name = String.valueOf(source.getFileName());
    if (!Files.isRegularFile(source)) {
      throw new ModelLoadException(name + " does not exist.");
    }
    check(encoder, source, name);
    Path target = file(encoder);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".import", ".partial");
      try {
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ModelLoadException(
          name + " could not be copied into " + target.getParent() + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * Loads the file as a graph and runs a zero image to the tap: the shape must be documented one.
   */
  private static void check(ZooEncoder encoder, Path source, String name)
      throws ModelLoadException {
    ComputationGraph graph;
    try {
      graph = ModelSerializer.restoreComputationGraph(source.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          name + " is not a DL4J ComputationGraph zip (as ModelSerializer writes one).", e);
    }
    try {
      if (graph.getVertex(encoder.tapVertex()) == null) {
        throw new ModelLoadException(
            name
                + " has no vertex \""
                + encoder.tapVertex()
                + "\", where "
                + encoder.displayName()
                + " features are read; is it a "
                + encoder.displayName()
                + "?");
      }
      int side = encoder.inputSize();
      INDArray zeros = Nd4j.zeros(1, 3, side, side); // [1, 3, side, side]
      INDArray tap;
      try {
        tap = graph.output(List.of(encoder.tapVertex()), false, new INDArray[] {zeros}, null)[0];
      } catch (RuntimeException e) {
        throw new ModelLoadException(
            name
                + " does not accept a "
                + side
                + "x"
                + side
                + " RGB image as "
                + encoder.displayName()
                + " does.",
            e);
      }
      long[] expected = {1, encoder.featureDim(), encoder.gridHeight(), encoder.gridWidth()};
      if (!Arrays.equals(expected, tap.shape())) {
        throw new ModelLoadException(
            name
                + " gives "
                + Arrays.toString(tap.shape())
                + " at \""
                + encoder.tapVertex()
                + "\", but "
                + encoder.displayName()
                + " features are "
                + Arrays.toString(expected)
                + ".");
      }
    } finally {
      graph.close();
    }
  }
}
