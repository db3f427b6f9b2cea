package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;
  private Path images;
  private Path annotations;

  @BeforeEach
  void plantADatasetWithProblems() throws Exception {
    images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("a.png"), new byte[] {1});
    Files.write(images.resolve("b.png"), new byte[] {1});
    annotations =
        Files.writeString(
            dir.resolve("captions.json"),
            """
            {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "b.png"},
                        {"id": 3, "file_name": "gone.png"}, {"id": 4, "file_name": "../../etc/x.png"},
                        {"id": 5, "file_name": "lonely.png"}],
             "annotations": [{"image_id": 1, "caption": "A red circle."},
                             {"image_id": 1, "caption": "A big red circle!"},
                             {"image_id": 2, "caption": "Two blue squares"},
                             {"image_id": 3, "caption": "missing file"},
                             {"image_id": 4, "caption": "escaping path"},
                             {"image_id": 2, "caption": ""},
                             {"image_id": 77, "caption": "unknown image"}]}
            """);
  }

  @Test
  void theTextReportCountsUsableDataAndEachKindOfProblem() {
    CliRun run =
        CliRun.of(
            "validate", "--annotations", annotations.toString(), "--images", images.toString());

    assertEquals(ExitStatus.OK, run.status(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("captions.json: coco, 2 images with 3 captions usable"), out);
    assertTrue(out.contains("Media files: checked"), out);
    assertTrue(
        out.contains("Caption length in tokens: min 3, mean 3.3, median 3, 95% 4, max 4"), out);
    assertTrue(out.contains("      1 empty captions"), out);
    assertTrue(out.contains("      1 captions of unknown images"), out);
    assertTrue(out.contains("      1 images without captions"), out);
    assertTrue(out.contains("      1 paths that leave the media folder"), out);
    assertTrue(out.contains("      1 missing media files"), out);
    assertTrue(out.contains("captions.json: 3 (gone.png) is missing."), out);
  }

  @Test
  void jsonCarriesTheSameReport() throws Exception {
    CliRun run =
        CliRun.of(
            "validate",
            "--annotations",
            annotations.toString(),
            "--images",
            images.toString(),
            "--json",
            "--format",
            "coco");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertTrue(json.get("usable").asBoolean());
    assertEquals(2, json.at("/report/usableItems").asInt());
    assertEquals(1, json.at("/report/problemCounts/MISSING_MEDIA").asInt());
    assertEquals(5, json.at("/report/problems").size());
  }

  @Test
  void unusableDataExitsNonZeroWithOneSentence() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    CliRun run =
        CliRun.of(
            "validate", "--annotations", annotations.toString(), "--images", empty.toString());

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(
        "captions.json has no usable image with a caption: 1 empty captions, 1 captions of unknown"
            + " images, 1 images without captions, 1 paths that leave the media folder, 3 missing"
            + " media files.",
        run.err().strip());
  }

  @Test
  void aTruncatedFileIsOneSentence() throws Exception {
    Files.writeString(annotations, "{\"images\": [{\"id\": 1, ");

    CliRun run = CliRun.of("validate", "--annotations", annotations.toString());

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertTrue(run.err().startsWith("captions.json ends too early"), run.err());
    assertEquals(1, run.err().lines().count());
  }

  @Test
  void anUnknownFormatNameIsRefused() {
    CliRun run = CliRun.of("validate", "--annotations", annotations.toString(), "--format", "yolo");

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals("Unknown format 'yolo': use coco, karpathy, msrvtt or msvd.", run.err().strip());
  }
}
