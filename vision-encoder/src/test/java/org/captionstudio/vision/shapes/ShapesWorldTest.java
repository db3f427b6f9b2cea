package org.captionstudio.vision.shapes;

import static org.captionstudio.vision.shapes.ShapesTestData.annotations;
import static org.captionstudio.vision.shapes.ShapesTestData.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.data.CocoCaptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesWorldTest {
  private static final SynthConfig CONFIG = new SynthConfig(60, 12, 5, 128, 0.1, 0.25);

  @TempDir static Path shared;
  private static Path dataset;
  private static SynthSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    ShapesTestData.quietFfmpeg();
    dataset = shared.resolve("shapes");
    summary = ShapesWorld.generate(CONFIG, dataset, ProgressListener.NONE);
  }

  @Test
  void theSameConfigGivesByteIdenticalAnnotationsAndImages(@TempDir Path dir) throws IOException {
    ShapesTestData.generate(dir.resolve("a"), 40, 2, 9);
    ShapesTestData.generate(dir.resolve("b"), 40, 2, 9);
    List<Path> files = filesUnder(dir.resolve("a"), "annotations", "images");
    assertEquals(40 + 5, files.size());
    assertEquals(files, filesUnder(dir.resolve("b"), "annotations", "images"));
    for (Path file : files) {
      assertEquals(
          -1,
          Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)),
          file + " differs between two runs with the same config");
    }
  }

  @Test
  void anotherSeedGivesAnotherDataset(@TempDir Path dir) throws IOException {
    ShapesTestData.generate(dir.resolve("a"), 20, 1, 9);
    ShapesTestData.generate(dir.resolve("b"), 20, 1, 10);
    Path groundTruth = Path.of("annotations", "groundtruth.json");
    assertNotEquals(
        -1,
        Files.mismatch(
            dir.resolve("a").resolve(groundTruth), dir.resolve("b").resolve(groundTruth)));
    int same = 0;
    for (Path file : filesUnder(dir.resolve("a"), "images")) {
      if (Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)) == -1) {
        same++;
      }
    }
    assertEquals(0, same, "images identical across seeds");
  }

  @Test
  void cocoFilesHoldEverySplitWithUniqueIdsAndExistingImages() throws Exception {
    SplitCounts splits = CONFIG.imageSplits();
    Map<String, Integer> expected =
        Map.of("train", splits.train(), "val", splits.validation(), "test", splits.test());
    assertEquals(new SplitCounts(39, 6, 15), splits);
    Set<Integer> imageIds = new HashSet<>();
    Set<Integer> captionIds = new HashSet<>();
    for (Map.Entry<String, Integer> split : expected.entrySet()) {
      Path file = dataset.resolve("annotations").resolve("captions_" + split.getKey() + ".json");
      JsonNode coco = ShapesTestData.json(file);
      assertTrue(coco.get("info").isObject());
      List<JsonNode> images = list(coco.get("images"));
      assertEquals(split.getValue(), images.size(), split.getKey());
      Map<Integer, Integer> captionsPerImage = new HashMap<>();
      for (JsonNode image : images) {
        int id = image.get("id").intValue();
        assertTrue(imageIds.add(id), "image id " + id + " repeats");
        captionsPerImage.put(id, 0);
        String fileName = image.get("file_name").textValue();
        assertTrue(
            fileName.startsWith(split.getKey() + "/shapes_" + split.getKey() + "_"), fileName);
        assertTrue(Files.isRegularFile(dataset.resolve("images").resolve(fileName)), fileName);
        assertEquals(128, image.get("width").intValue());
        assertEquals(128, image.get("height").intValue());
      }
      for (JsonNode annotation : list(coco.get("annotations"))) {
        assertTrue(captionIds.add(annotation.get("id").intValue()), "caption id repeats");
        int imageId = annotation.get("image_id").intValue();
        assertTrue(captionsPerImage.containsKey(imageId), "caption of an image not in " + file);
        captionsPerImage.merge(imageId, 1, Integer::sum);
        assertFalse(annotation.get("caption").textValue().isBlank());
      }
      captionsPerImage.forEach((id, n) -> assertEquals(5, n, "captions of image " + id));

      CocoCaptions read = CocoCaptions.read(file);
      assertEquals(split.getValue(), read.images().size());
      assertEquals(5 * split.getValue(), read.captions().size());
      assertTrue(read.skipped().isEmpty(), read.skipped().toString());
    }
    assertEquals(CONFIG.images(), imageIds.size());
  }

  @Test
  void videosJsonFollowsMsrVttAndEveryClipPlaysWithItsFramesAndSize() throws IOException {
    JsonNode videos = annotations(dataset, "videos.json");
    List<JsonNode> clips = list(videos.get("videos"));
    assertEquals(CONFIG.videos(), clips.size());
    Map<String, Integer> perSplit = new HashMap<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode clip : clips) {
      String id = clip.get("video_id").textValue();
      assertEquals(null, byId.put(id, clip), id + " repeats");
      perSplit.merge(clip.get("split").textValue(), 1, Integer::sum);
      assertEquals(0.0, clip.get("start time").doubleValue());
      double end = clip.get("end time").doubleValue();
      assertTrue(end >= 2 && end <= 4, id + " lasts " + end + " s");
      assertEquals(0, clip.get("category").intValue());
      assertEquals("", clip.get("url").textValue());
      assertTrue(clip.get("id").isInt());
    }
    SplitCounts splits = CONFIG.videoSplits();
    assertEquals(
        Map.of("train", splits.train(), "validate", splits.validation(), "test", splits.test()),
        perSplit);
    Set<Integer> sentenceIds = new HashSet<>();
    Map<String, Integer> sentencesPerClip = new HashMap<>();
    for (JsonNode sentence : list(videos.get("sentences"))) {
      assertTrue(sentenceIds.add(sentence.get("sen_id").intValue()));
      String id = sentence.get("video_id").textValue();
      assertTrue(byId.containsKey(id), id);
      sentencesPerClip.merge(id, 1, Integer::sum);
      assertFalse(sentence.get("caption").textValue().isBlank());
    }
    byId.keySet().forEach(id -> assertEquals(5, sentencesPerClip.get(id), id));

    for (JsonNode clip : clips) {
      Path file = dataset.resolve("videos").resolve(clip.get("video_id").textValue() + ".mp4");
      int expectedFrames = (int) Math.round(clip.get("end time").doubleValue() * ShapesWorld.FPS);
      try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
        grabber.start();
        assertTrue(grabber.hasVideo(), file.toString());
        assertEquals(128, grabber.getImageWidth());
        assertEquals(128, grabber.getImageHeight());
        assertEquals(ShapesWorld.FPS, grabber.getFrameRate(), 0.01);
        int frames = 0;
        while (grabber.grabImage() != null) {
          frames++;
        }
        assertTrue(
            Math.abs(frames - expectedFrames) <= 1,
            file + ": " + frames + " frames, expected " + expectedFrames);
        grabber.stop();
      }
    }
  }

  @Test
  void theSummaryCountsWhatWasWritten() throws IOException {
    assertEquals(dataset, summary.directory());
    assertEquals(CONFIG.imageSplits(), summary.images());
    assertEquals(CONFIG.videoSplits(), summary.videos());
    assertEquals(5 * CONFIG.images(), summary.captions());
    assertEquals(5 * CONFIG.videos(), summary.sentences());
    assertTrue(summary.imagesPerSecond() > 0);
    assertTrue(summary.videosPerSecond() > 0);
    try (Stream<Path> pngs = Files.walk(dataset.resolve("images"))) {
      assertEquals(CONFIG.images(), pngs.filter(p -> p.toString().endsWith(".png")).count());
    }
    try (Stream<Path> mp4s = Files.list(dataset.resolve("videos"))) {
      assertEquals(CONFIG.videos(), mp4s.count());
    }
  }

  @Test
  void progressReachesTheEndOfEveryStageInOrder(@TempDir Path dir) throws IOException {
    List<String> finished = new ArrayList<>();
    ShapesWorld.generate(
        new SynthConfig(7, 1, 3, 64, 0, 0),
        dir.resolve("out"),
        (stage, done, total) -> {
          assertTrue(done >= 0 && done <= total, stage + " " + done + "/" + total);
          if (done == total) {
            finished.add(stage + " " + total);
          }
        });
    assertEquals(List.of("images 7", "videos 1", "annotations 1"), finished);
  }

  @Test
  void aFolderThatIsNotEmptyIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
    Path keep = Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThrows(FileAlreadyExistsException.class, () -> ShapesTestData.generate(dir, 2, 0, 1));
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(List.of(keep), entries.toList());
    }
    assertEquals("mine", Files.readString(keep));
  }

  @Test
  void anEmptyExistingFolderIsFilled(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    ShapesTestData.generate(out, 2, 0, 1);
    assertTrue(Files.isRegularFile(out.resolve("annotations").resolve("groundtruth.json")));
  }

  @Test
  void anInterruptCancelsAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    try {
      assertThrows(
          InterruptedIOException.class,
          () ->
              ShapesWorld.generate(
                  new SynthConfig(500, 10, 1, 128, 0.1, 0.1),
                  out,
                  (stage, done, total) -> Thread.currentThread().interrupt()));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is set again");
    } finally {
      Thread.interrupted();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(List.of(), entries.toList(), "nothing half-written");
    }
  }

  private static List<Path> filesUnder(Path root, String... folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
