package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
