package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caption} with the bundled default model on real files: fresh ShapesWorld images (a seed
 * the model never saw), a picture of another kind, and a damaged file.
 */
class CaptionCommandTest {
  private static final int IMAGES = 12;
  @TempDir static Path dir;
  static Path world;
  static Path images;
  static Path photo;
  static Path broken;

  @BeforeAll
  static void files() throws Exception {
    world = dir.resolve("sw");
    ShapesWorld.generate(
        new SynthConfig(IMAGES, 0, 777, 128, 0, 1.0, CaptionStyle.CANONICAL),
        world,
        ProgressListener.NONE);
    images = world.resolve("images/test");
    // Not ShapesWorld: smooth colour gradients with grain, a stand-in for a photograph.
    BufferedImage picture = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(5);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 320; x++) {
        int r = Math.min(255, x * 255 / 320 + random.nextInt(40));
        int g = Math.min(255, 60 + y * 150 / 240 + random.nextInt(40));
        int b =
            Math.min(255, 120 + (int) (80 * Math.sin(x / 25.0 + y / 40.0)) + random.nextInt(20));
        picture.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    photo = dir.resolve("photo.png");
    ImageIO.write(picture, "png", photo.toFile());
    broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
  }

  @Test
  void aFolderIsCaptionedWellAndBadFilesGetTheirOwnError() throws Exception {
    Path results = dir.resolve("results.json");
    CliRun run =
        CliRun.of("caption", "--json", images.toString(), photo.toString(), broken.toString());
    assertEquals(ExitStatus.BAD_INPUT, run.status(), "a file failed: " + run.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertEquals(IMAGES + 2, lines.size(), run.out());
    for (JsonNode line : lines.subList(0, IMAGES)) {
      assertTrue(line.get("error").isNull(), line.toString());
      assertTrue(line.get("file").asText().endsWith(".png"));
      assertEquals(3, line.get("nBest").size(), line.toString());
      assertEquals(line.get("caption").asText(), line.get("nBest").get(0).get("caption").asText());
      assertTrue(line.get("logProb").asDouble() < 0);
      assertFalse(line.get("warnings").toString().contains("unlike the images"), line.toString());
    }
    JsonNode other = lines.get(IMAGES);
    assertTrue(
        other.get("warnings").toString().contains("unlike the images the model was trained on"),
        other.toString());
    JsonNode bad = lines.get(IMAGES + 1);
    assertTrue(bad.get("caption").isNull());
    assertEquals(0, bad.get("nBest").size());
    assertTrue(bad.get("error").asText().contains("broken.jpg"), bad.toString());

    // The results score like the model card says, through the coco-caption evaluation.
    CliRun folder = CliRun.of("caption", "--coco-results", results.toString(), images.toString());
    assertEquals(ExitStatus.OK, folder.status(), folder.err());
    CliRun score =
        CliRun.of(
            "evaluate",
            "--annotations",
            world.resolve("annotations/captions_test.json").toString(),
            "--results",
            results.toString(),
            "--json");
    assertEquals(ExitStatus.OK, score.status(), score.err());
    JsonNode scores = new ObjectMapper().readTree(score.out());
    assertTrue(scores.get("CIDEr").asDouble() > 4.0, score.out());
    assertTrue(scores.get("Bleu_4").asDouble() > 0.6, score.out());
  }

  @Test
  void csvHoldsEveryCaptionAndAFailureLeavesEarlierFilesAlone() throws Exception {
    Path csv = dir.resolve("captions.csv");
    Path one = Files.list(images).sorted().findFirst().orElseThrow();
    CliRun run = CliRun.of("caption", "--csv", csv.toString(), "--n-best", "2", one.toString());
    assertEquals(ExitStatus.OK, run.status(), run.err());
    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals("file,rank,caption,alt_text,log_prob,warnings,error", rows.get(0));
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get(1).startsWith(one + ",1,"), rows.get(1));
    assertTrue(run.out().startsWith(one + "\t"), run.out());

    byte[] before = Files.readAllBytes(csv);
    CliRun missing =
        CliRun.of("caption", "--csv", csv.toString(), dir.resolve("nothing-here").toString());
    assertEquals(ExitStatus.BAD_INPUT, missing.status());
    assertEquals(
        "There is no file or folder " + dir.resolve("nothing-here") + ".", missing.err().strip());
    assertArrayEquals(before, Files.readAllBytes(csv));
  }

  @Test
  void greedyAndSamplingAreThere() throws Exception {
    Path one = Files.list(images).sorted().findFirst().orElseThrow();
    CliRun greedy = CliRun.of("caption", "--strategy", "greedy", "--json", one.toString());
    assertEquals(ExitStatus.OK, greedy.status(), greedy.err());
    assertEquals(1, new ObjectMapper().readTree(greedy.out()).get("nBest").size());
    CliRun sample =
        CliRun.of(
            "caption",
            "--strategy",
            "sample",
            "--temperature",
            "3",
            "--beam",
            "5",
            "--n-best",
            "5",
            "--json",
            one.toString());
    assertEquals(ExitStatus.OK, sample.status(), sample.err());
    assertTrue(new ObjectMapper().readTree(sample.out()).get("nBest").size() > 1, sample.out());
    CliRun wrong = CliRun.of("caption", "--n-best", "4", "--beam", "2", one.toString());
    assertEquals(ExitStatus.USAGE, wrong.status());
    assertTrue(wrong.err().contains("--n-best 4 is more than --beam 2"), wrong.err());
  }
}
