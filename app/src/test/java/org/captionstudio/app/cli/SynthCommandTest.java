package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @TempDir Path dir;

  @Test
  void synthWritesADatasetThatValidateAccepts() throws Exception {
    Path out = dir.resolve("shapes");

    CliRun run =
        CliRun.of(
            "synth",
            "--out",
            out.toString(),
            "--images",
            "30",
            "--videos",
            "2",
            "--seed",
            "7",
            "--size",
            "64");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    assertTrue(run.out().contains("images  24 train, 3 val, 3 test, 150 captions"), run.out());
    assertTrue(run.out().contains("(seed 7, 64 px, varied captions)"), run.out());
    for (String file :
        new String[] {
          "captions_train.json",
          "captions_val.json",
          "captions_test.json",
          "videos.json",
          "groundtruth.json"
        }) {
      assertTrue(Files.isRegularFile(out.resolve("annotations").resolve(file)), file);
    }
    try (Stream<Path> videos = Files.list(out.resolve("videos"))) {
      assertEquals(2, videos.count());
    }

    CliRun images =
        CliRun.of(
            "validate",
            "--annotations",
            out.resolve("annotations/captions_train.json").toString(),
            "--images",
            out.resolve("images").toString());
    assertEquals(ExitStatus.OK, images.status(), images.err());
    assertTrue(
        images.out().startsWith("captions_train.json: coco, 24 images with 120 captions usable"),
        images.out());
    assertTrue(images.out().contains("No problems found."), images.out());

    CliRun clips =
        CliRun.of(
            "validate",
            "--annotations",
            out.resolve("annotations/videos.json").toString(),
            "--images",
            out.resolve("videos").toString());
    assertEquals(ExitStatus.OK, clips.status(), clips.err());
    assertTrue(
        clips.out().startsWith("videos.json: msrvtt, 2 clips with 10 captions usable"),
        clips.out());
  }

  @Test
  void canonicalCaptionsFrameTheSameListOfObjectsFiveWays() throws Exception {
    Path out = dir.resolve("canonical");

    CliRun run =
        CliRun.of(
            "synth",
            "--out",
            out.toString(),
            "--images",
            "20",
            "--videos",
            "0",
            "--size",
            "64",
            "--captions",
            "canonical");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    assertTrue(run.out().contains("64 px, canonical captions)"), run.out());
    JsonNode coco =
        new ObjectMapper().readTree(out.resolve("annotations/captions_train.json").toFile());
    assertEquals("canonical", coco.get("info").get("captions").asText());
    Map<Integer, List<String>> byImage = new TreeMap<>();
    coco.get("annotations")
        .forEach(
            a ->
                byImage
                    .computeIfAbsent(a.get("image_id").asInt(), id -> new ArrayList<>())
                    .add(a.get("caption").asText()));
    assertEquals(16, byImage.size());
    for (List<String> captions : byImage.values()) {
      assertEquals(5, new HashSet<>(captions).size(), captions.toString());
      // The shortest is the bare list; the others only frame it ("there is …", "… in the image").
      String list = captions.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
      assertTrue(list.matches("(a|two|three|four) .*"), list);
      captions.forEach(caption -> assertTrue(caption.contains(list), caption + " / " + list));
    }
  }

  @Test
  void anUnknownCaptionStyleIsAUsageErrorNamingTheChoices() {
    CliRun run = CliRun.of("synth", "--out", dir.resolve("x").toString(), "--captions", "terse");

    assertEquals(ExitStatus.USAGE, run.status());
    assertTrue(
        run.err().contains("caption style must be one of varied, canonical, got 'terse'"),
        run.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void aFolderThatHoldsFilesIsNeverOverwritten() throws Exception {
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("precious.txt"), "keep me");

    CliRun run = CliRun.of("synth", "--out", out.toString(), "--images", "5", "--videos", "0");

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(
        out + " already holds files; choose a new or empty folder for ShapesWorld.",
        run.err().strip());
    assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
  }

  @Test
  void anOddSizeIsAUsageError() {
    CliRun run = CliRun.of("synth", "--out", dir.resolve("x").toString(), "--size", "65");

    assertEquals(ExitStatus.USAGE, run.status());
    assertTrue(run.err().startsWith("size must be an even number from 32 to 1024"), run.err());
  }
}
