package org.captionstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidatorTest {
  @TempDir Path dir;

  private final DatasetValidator validator =
      new DatasetValidator(caption -> Arrays.asList(caption.toLowerCase().split(" ")));

  @Test
  void plantedProblemsAreReportedAndOnlyGoodItemsKept() throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("ok.jpg"), new byte[] {1, 2, 3});
    Files.write(images.resolve("empty.jpg"), new byte[0]);
    Files.createDirectories(images.resolve("folder.jpg"));
    Files.write(dir.resolve("secret.jpg"), new byte[] {1});
    Dataset dataset =
        new Dataset(
            DatasetFormat.COCO,
            "captions.json",
            List.of(
                new DatasetItem("1", "ok.jpg", Split.TRAIN, List.of("a dog runs", "a dog")),
                new DatasetItem("2", "missing.jpg", Split.TRAIN, List.of("a cat")),
                new DatasetItem("3", "../secret.jpg", Split.TRAIN, List.of("escape")),
                new DatasetItem("4", "/etc/passwd", Split.TRAIN, List.of("absolute")),
                new DatasetItem("5", "empty.jpg", Split.VAL, List.of("empty file")),
                new DatasetItem("6", "folder.jpg", Split.TEST, List.of("a folder"))),
            List.of(
                new Problem(Problem.Kind.EMPTY_CAPTION, "captions.json: annotations[9] is empty.")),
            false);

    DatasetValidator.Result result = validator.validate(dataset, images);
    ValidationReport report = result.report();

    assertEquals(1, report.usableItems());
    assertEquals(2, report.usableCaptions());
    assertEquals(List.of("1"), result.usable().items().stream().map(DatasetItem::id).toList());
    assertEquals(
        Map.of(
            Problem.Kind.EMPTY_CAPTION, 1,
            Problem.Kind.MISSING_MEDIA, 1,
            Problem.Kind.PATH_ESCAPES, 2,
            Problem.Kind.UNREADABLE_MEDIA, 2),
        report.problemCounts());
    assertEquals(Map.of(Split.TRAIN, 1, Split.VAL, 0, Split.TEST, 0), report.splitCounts());
    assertTrue(report.usable());
    assertTrue(report.mediaChecked());
  }

  @Test
  void withoutAMediaFolderOnlyEscapingPathsAreRefused() {
    Dataset dataset =
        new Dataset(
            DatasetFormat.KARPATHY,
            "dataset.json",
            List.of(
                new DatasetItem("1", "train2014/a.jpg", Split.TRAIN, List.of("a")),
                new DatasetItem("2", "train2014/../../b.jpg", Split.TRAIN, List.of("b"))),
            List.of(),
            true);

    ValidationReport report = validator.validate(dataset, null).report();

    assertEquals(1, report.usableItems());
    assertEquals(Map.of(Problem.Kind.PATH_ESCAPES, 1), report.problemCounts());
    assertFalse(report.mediaChecked());
  }

  @Test
  void captionLengthAndVocabularyStatisticsCountTokens() {
    Dataset dataset =
        new Dataset(
            DatasetFormat.COCO,
            "c.json",
            List.of(
                new DatasetItem("1", "a.jpg", null, List.of("a a a a a", "b c")),
                new DatasetItem("2", "b.jpg", null, List.of("a b c d"))),
            List.of(),
            false);

    ValidationReport report = validator.validate(dataset, null).report();

    assertEquals(new ValidationReport.LengthStats(2, 11 / 3.0, 4, 5, 5), report.captionLength());
    // a x6, b x2, c x2, d x1: one word seen >= 5 times covering 6 of 11 tokens.
    assertEquals(new ValidationReport.VocabularyStats(11, 4, 1, 6 / 11.0), report.vocabulary());
  }

  @Test
  void nothingUsableIsNotUsable() throws Exception {
    Dataset dataset =
        new Dataset(
            DatasetFormat.COCO,
            "c.json",
            List.of(new DatasetItem("1", "gone.jpg", null, List.of("x"))),
            List.of(),
            false);

    assertFalse(
        validator.validate(dataset, Files.createDirectories(dir.resolve("i"))).report().usable());
  }
}
