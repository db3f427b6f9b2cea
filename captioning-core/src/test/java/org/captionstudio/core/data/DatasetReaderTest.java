package org.captionstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<Problem.Kind> kinds(Dataset dataset) {
    return dataset.problems().stream().map(Problem::kind).toList();
  }

  @Test
  void cocoGroupsCaptionsByImageAndReportsOrphansBothWays() throws Exception {
    Path file =
        write(
            "captions_train2014.json",
            """
            {"images": [{"id": 1, "file_name": "a.jpg"}, {"id": 2, "file_name": "b.jpg"},
                        {"id": 3, "file_name": "c.jpg"}],
             "annotations": [{"image_id": 1, "caption": "A dog."}, {"image_id": 2, "caption": "A cat."},
                             {"image_id": 1, "caption": "A brown dog."}, {"image_id": 9, "caption": "Lost."}]}
            """);

    Dataset dataset = DatasetReader.read(file, null);

    assertEquals(DatasetFormat.COCO, dataset.format());
    assertEquals(
        List.of(
            new DatasetItem("1", "a.jpg", null, List.of("A dog.", "A brown dog.")),
            new DatasetItem("2", "b.jpg", null, List.of("A cat."))),
        dataset.items());
    assertEquals(List.of(Problem.Kind.UNKNOWN_IMAGE, Problem.Kind.NO_CAPTIONS), kinds(dataset));
    assertEquals(false, dataset.splitFromFile());
  }

  @Test
  void karpathyKeepsItsSplitsAndTrainsOnRestval() throws Exception {
    Path file =
        write(
            "dataset_coco.json",
            """
            {"dataset": "coco", "images": [
              {"filepath": "val2014", "filename": "COCO_val2014_1.jpg", "split": "test", "cocoid": 1,
               "sentences": [{"raw": "A man on a horse.", "tokens": ["a", "man"]}, {"tokens": ["a", "rider"]}]},
              {"filepath": "val2014", "filename": "COCO_val2014_2.jpg", "split": "restval", "cocoid": 2,
               "sentences": [{"raw": "Two cats."}]},
              {"filepath": "train2014", "filename": "COCO_train2014_3.jpg", "split": "val", "cocoid": 3,
               "sentences": [{"raw": "  "}]},
              {"filepath": "train2014", "filename": "x.jpg", "split": "train", "cocoid": 2, "sentences": [{"raw": "dup"}]},
              {"filename": "flickr.jpg", "split": "holdout", "imgid": 5, "sentences": [{"raw": "bad split"}]},
              {"split": "train", "sentences": []}
            ]}
            """);

    Dataset dataset = DatasetReader.read(file, null);

    assertEquals(DatasetFormat.KARPATHY, dataset.format());
    assertEquals(
        List.of(
            new DatasetItem(
                "1",
                "val2014/COCO_val2014_1.jpg",
                Split.TEST,
                List.of("A man on a horse.", "a rider")),
            new DatasetItem("2", "val2014/COCO_val2014_2.jpg", Split.TRAIN, List.of("Two cats."))),
        dataset.items());
    assertEquals(
        List.of(
            Problem.Kind.EMPTY_CAPTION,
            Problem.Kind.NO_CAPTIONS,
            Problem.Kind.DUPLICATE_ID,
            Problem.Kind.MALFORMED_ENTRY,
            Problem.Kind.MALFORMED_ENTRY),
        kinds(dataset));
    assertTrue(dataset.splitFromFile());
  }

  @Test
  void msrVttReadsClipsWithTheirSplitsAndTimes() throws Exception {
    Path file =
        write(
            "videodatainfo.json",
            """
            {"sentences": [{"video_id": "video0", "caption": "a man is singing", "sen_id": 0},
                           {"video_id": "video0", "caption": "someone sings"},
                           {"video_id": "video1", "caption": ""},
                           {"video_id": "video8", "caption": "orphan"},
                           {"video_id": "video2", "caption": 42}],
             "videos": [{"video_id": "video0", "start time": 137.72, "end time": 149.44, "split": "validate"},
                        {"video_id": "video1", "split": "train"},
                        {"video_id": "video2", "split": "test"}]}
            """);

    Dataset dataset = DatasetReader.read(file, null);

    assertEquals(DatasetFormat.MSRVTT, dataset.format());
    assertEquals(
        List.of(
            new DatasetItem(
                "video0",
                "video0.mp4",
                Split.VAL,
                List.of("a man is singing", "someone sings"),
                137.72,
                149.44)),
        dataset.items());
    assertEquals(
        List.of(
            Problem.Kind.EMPTY_CAPTION,
            Problem.Kind.NON_TEXT_CAPTION,
            Problem.Kind.UNKNOWN_IMAGE,
            Problem.Kind.NO_CAPTIONS,
            Problem.Kind.NO_CAPTIONS),
        kinds(dataset));
  }

  @Test
  void msvdReadsEnglishDescriptionsWithQuotedCommasAndLineBreaks() throws Exception {
    Path file =
        write(
            "MSR Video Description Corpus.csv",
            "\uFEFFVideoID,Start,End,WorkerID,Source,AnnotationTime,Language,Description\r\n"
                + "mv89psg6zh4,33,46,1,clean,5,English,\"A bird, in a sink, splashes.\"\r\n"
                + "mv89psg6zh4,33,46,2,clean,5,English,\"A \"\"parrot\"\"\nbathes.\"\r\n"
                + "mv89psg6zh4,33,46,3,clean,5,French,Un oiseau se baigne.\r\n"
                + "ZbzoVvGkhMI,1,10,4,clean,5,English,A cat plays\r\n"
                + "broken,row\r\n"
                + "QHkvBU8diwU,5,9,5,clean,5,English,\r\n");

    Dataset dataset = DatasetReader.read(file, null);

    assertEquals(DatasetFormat.MSVD, dataset.format());
    assertEquals(
        List.of(
            new DatasetItem(
                "mv89psg6zh4_33_46",
                "mv89psg6zh4_33_46.avi",
                null,
                List.of("A bird, in a sink, splashes.", "A \"parrot\"\nbathes.")),
            new DatasetItem(
                "ZbzoVvGkhMI_1_10", "ZbzoVvGkhMI_1_10.avi", null, List.of("A cat plays"))),
        dataset.items());
    assertEquals(
        List.of(Problem.Kind.MALFORMED_ENTRY, Problem.Kind.EMPTY_CAPTION, Problem.Kind.NO_CAPTIONS),
        kinds(dataset));
  }

  @Test
  void anUnknownJsonShapeIsRefusedInOneSentence() throws Exception {
    Path file = write("other.json", "{\"foo\": 1}");

    DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file, null));
    assertTrue(
        e.getMessage().startsWith("other.json is none of the known formats"), e.getMessage());
  }

  @Test
  void aCsvWithoutTheMsvdHeaderIsRefused() throws Exception {
    Path file = write("clips.csv", "a,b,c\n1,2,3\n");

    DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file, null));
    assertEquals(
        "clips.csv is not an MSVD description file: its header must name the columns VideoID,"
            + " Start, End, Language and Description.",
        e.getMessage());
  }

  @Test
  void aForcedWrongFormatSaysWhatIsMissing() throws Exception {
    Path file = write("captions.json", "{\"annotations\": []}");

    DatasetException e =
        assertThrows(DatasetException.class, () -> DatasetReader.read(file, DatasetFormat.MSRVTT));
    assertEquals(
        "captions.json is not an MSR-VTT file: it has no \"videos\" array.", e.getMessage());
  }

  @Test
  void aJsonFileOfTheWrongShapeNamesTheShapeItMustHave() throws Exception {
    Path array = write("split.json", "[1, 2]");

    DatasetException karpathy =
        assertThrows(
            DatasetException.class, () -> DatasetReader.read(array, DatasetFormat.KARPATHY));
    DatasetException msrvtt =
        assertThrows(DatasetException.class, () -> DatasetReader.read(array, DatasetFormat.MSRVTT));

    assertEquals(
        "split.json is not a Karpathy split file: it must be a JSON object with \"images\", found"
            + " an array.",
        karpathy.getMessage());
    assertEquals(
        "split.json is not an MSR-VTT file: it must be a JSON object with \"videos\" and"
            + " \"sentences\", found an array.",
        msrvtt.getMessage());
  }

  @Test
  void aSeededSplitIsDeterministicAndIndependentOfFileOrder() throws Exception {
    StringBuilder forward = new StringBuilder("{\"images\": [");
    StringBuilder backward = new StringBuilder("{\"images\": [");
    StringBuilder annotations = new StringBuilder("], \"annotations\": [");
    for (int i = 0; i < 100; i++) {
      forward
          .append(i == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(i)
          .append(", \"file_name\": \"")
          .append(i)
          .append(".jpg\"}");
      int j = 99 - i;
      backward
          .append(i == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(j)
          .append(", \"file_name\": \"")
          .append(j)
          .append(".jpg\"}");
      annotations
          .append(i == 0 ? "" : ",")
          .append("{\"image_id\": ")
          .append(i)
          .append(", \"caption\": \"c\"}");
    }
    annotations.append("]}");
    Dataset a =
        DatasetReader.read(write("a.json", forward + annotations.toString()), null)
            .withSeededSplit(10, 20, 7);
    Dataset b =
        DatasetReader.read(write("b.json", backward + annotations.toString()), null)
            .withSeededSplit(10, 20, 7);
    Dataset c =
        DatasetReader.read(write("c.json", forward + annotations.toString()), null)
            .withSeededSplit(10, 20, 8);

    assertEquals(Map.of(Split.TRAIN, 70, Split.VAL, 10, Split.TEST, 20), a.splitCounts());
    assertEquals(
        ids(a, Split.TEST),
        ids(b, Split.TEST).stream()
            .sorted(java.util.Comparator.comparing(Integer::parseInt))
            .toList());
    assertTrue(!ids(a, Split.TEST).equals(ids(c, Split.TEST)), "another seed gives another split");
  }

  private static List<String> ids(Dataset dataset, Split split) {
    return dataset.split(split).stream()
        .map(DatasetItem::id)
        .sorted(java.util.Comparator.comparing(Integer::parseInt))
        .toList();
  }
}
