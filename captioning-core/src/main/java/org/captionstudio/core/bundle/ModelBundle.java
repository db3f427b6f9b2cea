package org.captionstudio.core.bundle;

import static org.captionstudio.core.io.ZipEntries.put;
import static org.captionstudio.core.io.ZipEntries.putFloats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.io.AtomicFile;
import org.captionstudio.core.io.ZipEntries;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained captioner in one file.
 *
 * <p>A zip of {@code manifest.json} (first), {@code vocabulary.json}, {@code weights.f32} (every
 * tensor of {@link DecoderParameters#layout} back to back, little-endian binary32; the manifest
 * lists each name, shape and offset) and, when the encoder is embedded, {@code encoder.zip}.
 * Reading never writes anything, reads each entry with a size limit fixed in advance (the weights
 * must be exactly as long as the manifest's decoder needs), refuses unknown or repeated entries,
 * and names in one sentence what disagrees.
 *
 * @param manifest configs, encoder, provenance, metrics
 * @param vocabulary the words
 * @param parameters the decoder's weights (float)
 * @param encoder the embedded encoder's file, if {@code manifest.encoder().embedded()}
 */
public record ModelBundle(
    Manifest manifest,
    Vocabulary vocabulary,
    DecoderParameters parameters,
    Optional<byte[]> encoder) {

  public static final String FORMAT = "captionstudio-model";
  public static final int VERSION = 1;
  static final long MAX_MANIFEST_BYTES = 4L << 20;
  static final long MAX_VOCABULARY_BYTES = 64L << 20;
  static final long MAX_ENCODER_BYTES = 256L << 20;

  /**
   * The most decoder parameters a bundle may declare (256 MiB of floats): three times a COCO model
   * with a 30,000-word vocabulary and a 1024-unit LSTM, and a bound on what a hostile manifest can
   * make the reader allocate.
   */
  static final long MAX_PARAMETERS = 64L << 20;

  private static final Set<String> ENTRIES =
      Set.of("manifest.json", "vocabulary.json", "weights.f32", "encoder.zip");
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One tensor in {@code weights.f32}: offset and length in floats. */
  public record WeightEntry(String name, long[] shape, long offset) {}

  /**
   * What a bundle says about itself.
   *
   * @param format always {@value #FORMAT}
   * @param version the format version
   * @param created when it was written, ISO-8601
   * @param decoder the decoder's shape
   * @param encoder the image encoder it was trained on
   * @param provenance how it was made: dataset, its hash and sizes, seed, commands, libraries
   * @param metrics validation or test scores by coco-caption name, and others
   * @param weights the layout of {@code weights.f32}
   * @param domain the training images' feature statistics and the validation confidence, for
   *     warnings; null in bundles written before it existed
   */
  public record Manifest(
      String format,
      int version,
      String created,
      DecoderConfig decoder,
      EncoderSpec encoder,
      Map<String, String> provenance,
      Map<String, Double> metrics,
      List<WeightEntry> weights,
      DomainProfile domain) {
    public Manifest {
      provenance = Map.copyOf(provenance);
      metrics = Map.copyOf(metrics);
      weights = List.copyOf(weights);
    }
  }

  /** A manifest for these parameters, its weight layout filled in, without a domain profile. */
  public static Manifest manifest(
      DecoderConfig decoder,
      EncoderSpec encoder,
      Map<String, String> provenance,
      Map<String, Double> metrics) {
    return manifest(decoder, encoder, provenance, metrics, null);
  }

  /** A manifest for these parameters, its weight layout filled in. */
  public static Manifest manifest(
      DecoderConfig decoder,
      EncoderSpec encoder,
      Map<String, String> provenance,
      Map<String, Double> metrics,
      DomainProfile domain) {
    List<WeightEntry> weights = new ArrayList<>();
    for (DecoderParameters.Tensor t : DecoderParameters.layout(decoder)) {
      weights.add(new WeightEntry(t.name(), t.shape(), t.offset()));
    }
    return new Manifest(
        FORMAT,
        VERSION,
        java.time.Instant.now().toString(),
        decoder,
        encoder,
        provenance,
        metrics,
        weights,
        domain);
  }

  /** Writes the bundle atomically. */
  public void write(Path file) throws IOException {
    byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    AtomicFile.write(
        file,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          put(zip, "manifest.json", manifestBytes);
          put(zip, "vocabulary.json", vocabulary.toJson().getBytes(StandardCharsets.UTF_8));
          putFloats(zip, "weights.f32", parameters.flat());
          if (encoder.isPresent()) {
            put(zip, "encoder.zip", encoder.get());
          }
          zip.finish();
        });
  }

  /** Reads and checks a bundle. */
  public static ModelBundle read(Path file) throws ModelLoadException {
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          Files.exists(file)
              ? "The model " + file + " is not a file."
              : "There is no model file " + file + ".");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new ModelLoadException("There is no model file " + file + ".", e);
    } catch (IOException e) {
      throw bad(file.toString(), "it cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads and checks a bundle from a stream (a resource inside the app, say).
   *
   * @param file how messages name it
   */
  public static ModelBundle read(String file, InputStream in) throws ModelLoadException {
    Map<String, byte[]> entries = new HashMap<>();
    Manifest manifest = null;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (!ENTRIES.contains(name)) {
          throw bad(file, "it holds an unexpected entry \"" + printable(name) + "\"");
        }
        if (entries.containsKey(name)) {
          throw bad(file, "it holds " + name + " twice");
        }
        if (manifest == null && !name.equals("manifest.json")) {
          throw bad(file, "manifest.json is not its first entry");
        }
        long limit =
            switch (name) {
              case "manifest.json" -> MAX_MANIFEST_BYTES;
              case "vocabulary.json" -> MAX_VOCABULARY_BYTES;
              case "encoder.zip" -> MAX_ENCODER_BYTES;
              default -> 4 * DecoderParameters.totalLength(manifest.decoder());
            };
        byte[] bytes = zip.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
          throw bad(file, name + " is larger than the " + limit + " bytes it may hold");
        }
        entries.put(name, bytes);
        if (name.equals("manifest.json")) {
          manifest = parseManifest(file, bytes);
        }
      }
    } catch (ZipException e) {
      throw bad(file, "it is not a readable zip (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw bad(file, "it cannot be read (" + e.getMessage() + ")");
    }
    if (manifest == null) {
      throw bad(file, "it is empty or not a zip");
    }
    for (String name : List.of("vocabulary.json", "weights.f32")) {
      if (!entries.containsKey(name)) {
        throw bad(file, name + " is missing");
      }
    }
    if (manifest.encoder().embedded() != entries.containsKey("encoder.zip")) {
      throw bad(
          file,
          manifest.encoder().embedded()
              ? "its manifest embeds the encoder but encoder.zip is missing"
              : "it holds encoder.zip but its manifest names a zoo encoder");
    }
    Vocabulary vocabulary;
    try {
      vocabulary =
          Vocabulary.fromJson(
              file + "!vocabulary.json", new ByteArrayInputStream(entries.get("vocabulary.json")));
    } catch (CaptioningException e) {
      throw new ModelLoadException(e.getMessage(), e);
    }
    DecoderConfig decoder = manifest.decoder();
    if (vocabulary.size() != decoder.vocabularySize()) {
      throw bad(
          file,
          "its vocabulary has "
              + vocabulary.size()
              + " words but the decoder's embedding has "
              + decoder.vocabularySize()
              + " rows");
    }
    if (manifest.encoder().featureDim() != decoder.featureSize()) {
      throw bad(
          file,
          "its encoder gives "
              + manifest.encoder().featureDim()
              + "-dim features but the decoder reads "
              + decoder.featureSize());
    }
    List<DecoderParameters.Tensor> layout = DecoderParameters.layout(decoder);
    if (manifest.weights().size() != layout.size()) {
      throw bad(
          file,
          "its manifest lists "
              + manifest.weights().size()
              + " weight tensors but the decoder has "
              + layout.size());
    }
    for (int i = 0; i < layout.size(); i++) {
      DecoderParameters.Tensor t = layout.get(i);
      WeightEntry w = manifest.weights().get(i);
      if (!t.name().equals(w.name())
          || !Arrays.equals(t.shape(), w.shape())
          || t.offset() != w.offset()) {
        throw bad(
            file,
            "weight "
                + printable(String.valueOf(w.name()))
                + " "
                + Arrays.toString(w.shape())
                + " does not match the decoder's "
                + t.name()
                + " "
                + Arrays.toString(t.shape()));
      }
    }
    byte[] weights = entries.get("weights.f32");
    long expected = DecoderParameters.totalLength(decoder);
    if (weights.length != expected * 4) {
      throw bad(
          file,
          "weights.f32 holds " + weights.length / 4 + " values but the decoder needs " + expected);
    }
    float[] values = ZipEntries.floats(weights);
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw bad(file, "its weights hold a value that is not a finite number");
      }
    }
    DecoderParameters params = DecoderParameters.zeros(decoder, DataType.FLOAT);
    params.flat().assign(Nd4j.createFromArray(values));
    return new ModelBundle(
        manifest, vocabulary, params, Optional.ofNullable(entries.get("encoder.zip")));
  }

  private static Manifest parseManifest(String file, byte[] bytes) throws ModelLoadException {
    Map<?, ?> raw;
    try {
      raw = JSON.readValue(bytes, Map.class);
    } catch (IOException e) {
      throw bad(file, "manifest.json is not JSON");
    }
    if (!FORMAT.equals(raw.get("format"))) {
      throw bad(file, "manifest.json does not say format \"" + FORMAT + "\"");
    }
    if (!(raw.get("version") instanceof Integer v) || v != VERSION) {
      throw bad(
          file,
          "it is model format version "
              + printable(String.valueOf(raw.get("version")))
              + " and this build reads version "
              + VERSION
              + "; update Caption Studio");
    }
    Manifest m;
    try {
      m = JSON.readValue(bytes, Manifest.class);
    } catch (IOException | IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw bad(file, "manifest.json is not valid (" + firstLine(cause.getMessage()) + ")");
    }
    if (m.decoder() == null || m.encoder() == null || m.weights() == null) {
      throw bad(file, "manifest.json lacks the decoder, the encoder or the weight list");
    }
    long parameters = DecoderParameters.totalLength(m.decoder());
    if (parameters > MAX_PARAMETERS) {
      throw bad(
          file,
          "its manifest declares a decoder of "
              + parameters
              + " parameters, more than the "
              + MAX_PARAMETERS
              + " this build loads");
    }
    if (m.domain() != null && m.domain().featureMean().length != m.encoder().featureDim()) {
      throw bad(
          file,
          "its domain profile has "
              + m.domain().featureMean().length
              + "-dim statistics but the encoder gives "
              + m.encoder().featureDim());
    }
    return m;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return printable(nl < 0 ? s : s.substring(0, nl));
  }

  private static String printable(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
  }

  private static ModelLoadException bad(String file, String why) {
    return new ModelLoadException("The model " + file + " cannot be used: " + why + ".");
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "ModelBundle[" + manifest.decoder() + ", " + manifest.encoder().id() + "]";
  }
}
