package org.captionstudio.vision.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.captionstudio.core.ModelLoadException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The ShapesWorld encoder file: a zip holding {@code encoder.json} (the {@link ShapesEncoderCard})
 * and {@code graph.bin} (the DL4J network without its updater, so it is frozen). Written to a
 * temporary file and moved into place; read with size limits, and nothing from the zip touches the
 * disk under a name the zip chose.
 */
public final class ShapesEncoderFile {
  static final String CARD = "encoder.json";
  static final String GRAPH = "graph.bin";
  private static final long MAX_CARD_BYTES = 1 << 20;
  private static final long MAX_GRAPH_BYTES = 256L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShapesEncoderFile() {}

  /** A loaded encoder file. */
  public record Loaded(ShapesEncoderCard card, ComputationGraph graph) {}

  /** Writes {@code graph} and its card to {@code file} atomically. */
  public static void write(Path file, ComputationGraph graph, ShapesEncoderCard card)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
    try {
      ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
      ModelSerializer.writeModel(graph, graphBytes, false);
      try (OutputStream out = Files.newOutputStream(temp);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(CARD));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(GRAPH));
        graphBytes.writeTo(zip);
        zip.closeEntry();
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads and checks an encoder file.
   *
   * @throws ModelLoadException one sentence naming the file and what is wrong
   */
  public static Loaded read(Path file) throws ModelLoadException {
    String name = String.valueOf(file.getFileName());
    byte[] cardBytes = null;
    byte[] graphBytes = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        switch (entry.getName()) {
          case CARD -> cardBytes = readLimited(zip, MAX_CARD_BYTES, name, CARD);
          case GRAPH -> graphBytes = readLimited(zip, MAX_GRAPH_BYTES, name, GRAPH);
          default ->
              throw new ModelLoadException(
                  name
                      + " is not a ShapesWorld encoder: it holds an unexpected entry \""
                      + entry.getName()
                      + "\".");
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ModelLoadException(name + " does not exist.", e);
    } catch (IOException e) {
      throw new ModelLoadException(name + " is not a readable encoder file: " + e.getMessage(), e);
    }
    if (cardBytes == null || graphBytes == null) {
      throw new ModelLoadException(
          name
              + " is not a ShapesWorld encoder: it lacks "
              + (cardBytes == null ? CARD : GRAPH)
              + ".");
    }
    ShapesEncoderCard card;
    try {
      card = JSON.readValue(cardBytes, ShapesEncoderCard.class);
    } catch (IOException e) {
      throw new ModelLoadException(name + ": " + CARD + " is not a valid encoder card.", e);
    }
    if (!ShapesEncoderCard.FORMAT.equals(card.format())) {
      throw new ModelLoadException(name + " is not a ShapesWorld encoder file.");
    }
    if (card.version() != ShapesEncoderCard.VERSION) {
      throw new ModelLoadException(
          name
              + " has encoder format version "
              + card.version()
              + "; this Caption Studio reads"
              + " version "
              + ShapesEncoderCard.VERSION
              + ".");
    }
    ComputationGraph graph;
    try (InputStream in = new ByteArrayInputStream(graphBytes)) {
      graph = ModelSerializer.restoreComputationGraph(in, false);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(name + ": the network in " + GRAPH + " cannot be loaded.", e);
    }
    if (graph.getVertex(ShapesWorldNet.FEATURES) == null) {
      throw new ModelLoadException(
          name
              + ": the network has no \""
              + ShapesWorldNet.FEATURES
              + "\" vertex to read features from.");
    }
    return new Loaded(card, graph);
  }

  private static byte[] readLimited(InputStream in, long limit, String name, String entry)
      throws IOException, ModelLoadException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > limit) {
        throw new ModelLoadException(
            name
                + ": "
                + entry
                + " is larger than the "
                + (limit >> 20)
                + " MB an encoder may hold.");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
