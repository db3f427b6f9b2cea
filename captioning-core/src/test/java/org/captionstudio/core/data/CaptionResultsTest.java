package org.captionstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptionResultsTest {
  @TempDir Path dir;

  @Test
  void readsOneCaptionPerImageInFileOrder() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("results.json"),
            "[{\"image_id\": 9, \"caption\": \"a dog\", \"score\": 0.3}, {\"image_id\": \"v1\", \"caption\": \"\"}]");

    assertEquals(
        List.of(new Caption("9", "a dog"), new Caption("v1", "")), CaptionResults.read(file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an object           | {"image_id": 1, "caption": "x"}                                     | results.json is not a coco-caption results file: it must be a JSON array of {"image_id", "caption"} objects, found an object.
          no id               | [{"caption": "x"}]                                                   | results.json: entry 0 has no "image_id" (a number or a string).
          no caption          | [{"image_id": 1, "caption": "x"}, {"image_id": 2}]                   | results.json: entry 1 (image 2) has no "caption".
          caption not text    | [{"image_id": 1, "caption": ["x"]}]                                  | results.json: the caption of entry 0 must be a string, found an array.
          an entry not object | [{"image_id": 1, "caption": "x"}, 3]                                 | results.json: entry 1 must be an object, found a number (line 1, column 35).
          two for one image   | [{"image_id": 1, "caption": "x"}, {"image_id": 1, "caption": "y"}]   | results.json gives more than one caption for image 1; coco-caption scores exactly one caption per image.
          """)
  void aBrokenResultsFileIsRefusedWithOneSentence(String what, String content, String message)
      throws Exception {
    Path file = Files.writeString(dir.resolve("results.json"), content);

    DatasetException e = assertThrows(DatasetException.class, () -> CaptionResults.read(file));
    assertEquals(message, e.getMessage(), what);
  }
}
