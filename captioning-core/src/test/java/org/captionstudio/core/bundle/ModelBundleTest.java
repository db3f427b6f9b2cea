package org.captionstudio.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.model.ParameterNames;
import org.captionstudio.core.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ModelBundleTest {
  @TempDir Path dir;

  private static final Vocabulary WORDS =
      Vocabulary.build(List.of(List.of("a", "red", "circle"), List.of("a", "blue", "square")), 1);
  private static final DecoderConfig CONFIG =
      new DecoderConfig(WORDS.size(), 4, 6, 5, 3, 1, CellType.GRU, 0.1, 0);

  private ModelBundle bundle() {
    return new ModelBundle(
        ModelBundle.manifest(
            CONFIG,
            new EncoderSpec("toy", false, "a toy", 32, 2, 2, 5),
            Map.of("seed", "3"),
            Map.of("val.CIDEr", 1.5)),
        WORDS,
        DecoderParameters.initialized(CONFIG, DataType.FLOAT, 3),
        Optional.empty());
  }

  @Test
  void aWrittenBundleReadsBackTheSameWeightsAndCard() throws Exception {
    Path file = dir.resolve("m.zip");
    ModelBundle written = bundle();
    written.write(file);
    ModelBundle read = ModelBundle.read(file);
    assertEquals(CONFIG, read.manifest().decoder());
    assertEquals(WORDS.tokens(), read.vocabulary().tokens());
    assertEquals(1.5, read.manifest().metrics().get("val.CIDEr"));
    assertArrayEquals(
        written.parameters().flat().toFloatVector(), read.parameters().flat().toFloatVector(), 0f);
  }

  @Test
  void aVideoDecoderKeepsItsTemporalEncoderThroughAFile() throws Exception {
    DecoderConfig video = CONFIG.withCell(CellType.LSTM, 2).withTemporal(true);
    DecoderParameters params = DecoderParameters.initialized(video, DataType.FLOAT, 4);
    Path file = dir.resolve("video.zip");
    new ModelBundle(
            ModelBundle.manifest(
                video, new EncoderSpec("toy", false, "a toy", 32, 1, 8, 5), Map.of(), Map.of()),
            WORDS,
            params,
            Optional.empty())
        .write(file);
    ModelBundle read = ModelBundle.read(file);
    assertEquals(video, read.manifest().decoder());
    assertArrayEquals(
        new long[] {5, 24}, read.parameters().get(ParameterNames.TEMPORAL_WX).shape());
    assertArrayEquals(params.flat().toFloatVector(), read.parameters().flat().toFloatVector(), 0f);
    // Read as an image decoder, the same weights would be misread: the layouts disagree.
    Path asImages =
        rewrite(
            file, "manifest.json", s -> s.replace("\"temporal\" : true", "\"temporal\" : false"));
    expect(asImages, "weight");
  }

  @Test
  void brokenFilesAreRefusedInOneSentence() throws Exception {
    Path good = dir.resolve("good.zip");
    bundle().write(good);
    Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
    Path text = Files.writeString(dir.resolve("text.zip"), "hello");
    Path version =
        rewrite(good, "manifest.json", s -> s.replace("\"version\" : 1", "\"version\" : 99"));
    String larger =
        Vocabulary.build(List.of(List.of("a", "red", "circle", "and", "one", "more")), 1).toJson();
    Path vocabulary = rewrite(good, "vocabulary.json", s -> larger);
    Path truncated =
        rewriteBytes(good, "weights.f32", b -> java.util.Arrays.copyOf(b, b.length - 4));
    Path renamed = rewrite(good, "manifest.json", s -> s.replace("\"att.wa\"", "\"att.xx\""));
    expect(empty, "it is empty or not a zip");
    expect(text, "it is empty or not a zip");
    expect(version, "model format version 99");
    expect(vocabulary, "its vocabulary has 10 words but the decoder's embedding has 9 rows");
    expect(truncated, "weights.f32 holds");
    expect(renamed, "weight att.xx");
    expect(dir.resolve("missing.zip"), "There is no model file");
  }

  @Test
  void hostileZipsAreRefusedWithoutWritingOrExhaustingMemory() throws Exception {
    Path good = dir.resolve("good.zip");
    bundle().write(good);
    Map<String, byte[]> parts = entries(good);
    byte[] manifest = parts.get("manifest.json");
    byte[] vocabulary = parts.get("vocabulary.json");
    byte[] weights = parts.get("weights.f32");
    Path sub = Files.createDirectories(dir.resolve("sub"));

    // Zip slip: names that climb out or are absolute are never followed, nor written anywhere.
    for (String name : List.of("../evil.txt", "/tmp/evil.txt", "a/../../evil.txt")) {
      Path slip =
          zip(sub.resolve("slip.zip"), List.of(Map.entry("manifest.json", manifest), entry(name)));
      expect(slip, "unexpected entry");
    }
    assertEquals(
        List.of("slip.zip"),
        Files.list(sub).map(p -> p.getFileName().toString()).sorted().toList());
    assertTrue(Files.notExists(dir.resolve("evil.txt")));

    // Zip bombs: a few hundred kilobytes that inflate to hundreds of megabytes are cut off at the
    // entry's limit.
    byte[] spaces = new byte[200 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    Path manifestBomb = zip(dir.resolve("bomb1.zip"), List.of(Map.entry("manifest.json", spaces)));
    assertTrue(Files.size(manifestBomb) < 1 << 20, "the bomb is small on disk");
    expect(manifestBomb, "manifest.json is larger than");
    Path weightsBomb =
        zip(
            dir.resolve("bomb2.zip"),
            List.of(
                Map.entry("manifest.json", manifest),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("weights.f32", new byte[200 << 20])));
    expect(weightsBomb, "weights.f32 is larger than");

    // Huge declared sizes are refused before anything of that size is read.
    Path huge =
        zip(
            dir.resolve("huge.zip"),
            List.of(
                Map.entry(
                    "manifest.json",
                    editJson(
                        manifest, m -> m.with("decoder").put("vocabularySize", 2_000_000_000))),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("weights.f32", new byte[200 << 20])));
    expect(huge, "declares a decoder of");

    // Wrong, missing, repeated and misplaced entries; wrong shapes; broken values.
    expect(
        zip(dir.resolve("first.zip"), List.of(entry("vocabulary.json"), entry("manifest.json"))),
        "manifest.json is not its first entry");
    expect(
        zip(
            dir.resolve("noweights.zip"),
            List.of(
                Map.entry("manifest.json", manifest), Map.entry("vocabulary.json", vocabulary))),
        "weights.f32 is missing");
    expect(duplicated(manifest, vocabulary), "vocabulary.json twice");
    expect(
        zip(
            dir.resolve("shape.zip"),
            List.of(
                Map.entry(
                    "manifest.json",
                    editJson(
                        manifest,
                        m ->
                            ((com.fasterxml.jackson.databind.node.ArrayNode)
                                    m.get("weights").get(0).get("shape"))
                                .set(0, 99))),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("weights.f32", weights))),
        "does not match the decoder's embedding");
    byte[] nan = weights.clone();
    java.nio.ByteBuffer.wrap(nan).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(8, Float.NaN);
    expect(
        zip(
            dir.resolve("nan.zip"),
            List.of(
                Map.entry("manifest.json", manifest),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("weights.f32", nan))),
        "not a finite number");
    expect(
        zip(
            dir.resolve("embedded.zip"),
            List.of(
                Map.entry(
                    "manifest.json",
                    editJson(manifest, m -> m.with("encoder").put("embedded", true))),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("weights.f32", weights))),
        "encoder.zip is missing");
    expect(
        zip(
            dir.resolve("notjson.zip"),
            List.of(Map.entry("manifest.json", "{\"format\": [".getBytes(StandardCharsets.UTF_8)))),
        "manifest.json is not JSON");
    expect(
        zip(
            dir.resolve("negative.zip"),
            List.of(
                Map.entry(
                    "manifest.json",
                    editJson(manifest, m -> m.with("decoder").put("hiddenSize", -3))))),
        "hiddenSize must be >= 1, got -3");
  }

  @Test
  void aDomainProfileTravelsWithTheBundleAndMustFitTheEncoder() throws Exception {
    ModelBundle plain = bundle();
    float[][] images = {{0, 1, 2, 3, 4, 1, 2, 3, 4, 5}, {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}};
    DomainProfile profile =
        DomainProfile.of(2, 2, 5, i -> images[i], DomainProfile.confidenceLimit(new double[0]));
    ModelBundle withProfile =
        new ModelBundle(
            ModelBundle.manifest(
                CONFIG,
                plain.manifest().encoder(),
                plain.manifest().provenance(),
                plain.manifest().metrics(),
                profile),
            WORDS,
            plain.parameters(),
            Optional.empty());
    Path file = dir.resolve("profiled.zip");
    withProfile.write(file);
    assertEquals(profile, ModelBundle.read(file).manifest().domain());
    assertEquals(null, ModelBundle.read(writeTo(plain, "plain.zip")).manifest().domain());

    byte[] manifest = entries(file).get("manifest.json");
    Path wrongDim =
        replace(
            file,
            "manifest.json",
            editJson(
                manifest,
                m -> {
                  m.with("domain").putArray("featureMean").add(1).add(2);
                  m.with("domain").putArray("featureScale").add(1).add(2);
                }));
    expect(wrongDim, "its domain profile has 2-dim statistics but the encoder gives 5");
  }

  private Path writeTo(ModelBundle bundle, String name) throws IOException {
    Path file = dir.resolve(name);
    bundle.write(file);
    return file;
  }

  private static Map.Entry<String, byte[]> entry(String name) {
    return Map.entry(name, "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] editJson(
      byte[] json, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
      throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
    edit.accept(tree);
    return mapper.writeValueAsBytes(tree);
  }

  private static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private Path replace(Path source, String name, byte[] content) throws IOException {
    Map<String, byte[]> parts = entries(source);
    parts.put(name, content);
    return zip(
        dir.resolve("replaced-" + System.nanoTime() + ".zip"), List.copyOf(parts.entrySet()));
  }

  private static Path zip(Path file, List<Map.Entry<String, byte[]>> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> part : parts) {
        out.putNextEntry(new ZipEntry(part.getKey()));
        out.write(part.getValue());
        out.closeEntry();
      }
    }
    return Files.write(file, bytes.toByteArray());
  }

  /**
   * A zip holding vocabulary.json twice. ZipOutputStream refuses repeated names, so the second is
   * written under a name of the same length and renamed in the bytes.
   */
  private Path duplicated(byte[] manifest, byte[] vocabulary) throws IOException {
    Path file =
        zip(
            dir.resolve("twice.zip"),
            List.of(
                Map.entry("manifest.json", manifest),
                Map.entry("vocabulary.json", vocabulary),
                Map.entry("vocabulary.jsoX", vocabulary)));
    byte[] b = Files.readAllBytes(file);
    byte[] from = "vocabulary.jsoX".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
        b[i + from.length - 1] = 'n';
      }
    }
    return Files.write(file, b);
  }

  private static void expect(Path file, String part) {
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.read(file));
    assertTrue(e.getMessage().contains(part), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  private Path rewrite(Path source, String entry, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    return rewriteBytes(
        source,
        entry,
        b -> edit.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  private Path rewriteBytes(
      Path source, String entry, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals(entry) ? edit.apply(content) : content);
        out.closeEntry();
      }
    }
    return Files.write(dir.resolve(entry + "-" + System.nanoTime() + ".zip"), bytes.toByteArray());
  }
}
