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
