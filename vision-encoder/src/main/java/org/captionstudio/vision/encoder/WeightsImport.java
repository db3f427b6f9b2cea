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
 * Imports a user's own weights for a zoo encoder from either
 *
 * <ul>
 *   <li>a DL4J ComputationGraph zip (as {@code ModelSerializer} writes it), copied as it is, or
 *   <li>a Keras 2 model file ({@code model.save("x.h5")}), recognised by its HDF5 signature rather
 *       than its name, imported through DL4J's Keras import ({@link KerasFile} says how functional,
 *       Sequential and channels_last models are handled) and saved as a ComputationGraph zip.
 * </ul>
 *
 * Either way the graph must have the encoder's feature tap with the documented shape for the
 * encoder's input size; the one {@link #check} does so for both. The result lands atomically at
 * {@code <home>/encoders/<encoder>/imported.zip}, where {@link ZooImageEncoder} loads it; a refused
 * file leaves what was imported before untouched, and the original is never changed.
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
   * Checks {@code source} and puts it (a zip as it is, a Keras model converted) into place.
   *
   * @throws ModelLoadException one sentence on why the file does not fit the encoder
   */
  public Path importFile(ZooEncoder encoder, Path source) throws ModelLoadException {
    String name = String.valueOf(source.getFileName());
    if (!Files.isRegularFile(source)) {
      throw new ModelLoadException(name + " does not exist.");
    }
    boolean keras;
    try {
      if (Files.size(source) == 0) {
        throw new ModelLoadException(name + " is empty.");
      }
      keras = KerasFile.isHdf5(source);
    } catch (IOException e) {
      throw new ModelLoadException(name + " cannot be read: " + e.getMessage(), e);
    }
    Path target = file(encoder);
    ComputationGraph graph =
        keras ? KerasFile.load(source, name, encoder.tapVertex()) : restoreZip(source, name);
    try {
      check(encoder, graph, name);
      writeAtomically(
          target,
          name,
          keras
              ? temp -> ModelSerializer.writeModel(graph, temp.toFile(), false)
              : temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
    } finally {
      graph.close();
    }
    return target;
  }

  /** Writes a file into {@code target}'s folder with {@code writer}, syncs it, moves it onto it. */
  private static void writeAtomically(Path target, String name, TempWriter writer)
      throws ModelLoadException {
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".import", ".partial");
      try {
        writer.write(temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          name + " could not be stored in " + target.getParent() + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface TempWriter {
    void write(Path temp) throws IOException;
  }

  private static ComputationGraph restoreZip(Path source, String name) throws ModelLoadException {
    try {
      return ModelSerializer.restoreComputationGraph(source.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          name
              + " is neither a DL4J ComputationGraph zip (as ModelSerializer writes one) nor a"
              + " Keras .h5 model.",
          e);
    }
  }

  /**
   * Runs a zero image of the encoder's input size to the tap: the vertex must exist and give the
   * documented {@code [1, D, h, w]}. The same check for a zip and a Keras import.
   */
  static void check(ZooEncoder encoder, ComputationGraph graph, String name)
      throws ModelLoadException {
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
  }
}
