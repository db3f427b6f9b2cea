package org.captionstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CocoCaptionsTest {
  @TempDir Path dir;

  private Path write(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private Path write(String name, String content) throws Exception {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsImagesAndCaptionsInFileOrderWithNumericAndStringIds() throws Exception {
    Path file =
        write(
            "captions.json",
            """
            {"info": {"year": 2014}, "images": [{"id": 42, "file_name": "a.jpg", "width": 640},
             {"id": "video7", "file_name": "b.jpg"}],
             "annotations": [{"id": 1, "image_id": 42, "caption": "A dog."},
                             {"image_id": "video7", "caption": "A cat sits.", "extra": [1, {"x": 2}]},
                             {"image_id": 42, "caption": "A brown dog runs."}]}
            """);

    CocoCaptions coco = CocoCaptions.read(file);

    assertEquals(Map.of("42", "a.jpg", "video7", "b.jpg"), coco.images());
    assertEquals(
        List.of(
            new Caption("42", "A dog."),
            new Caption("video7", "A cat sits."),
            new Caption("42", "A brown dog runs.")),
        coco.captions());
    assertTrue(coco.skipped().isEmpty(), coco.skipped().toString());
  }

  @Test
  void unusableAnnotationsAreSkippedAndReportedNotFatal() throws Exception {
    Path file =
        write(
            "captions.json",
            """
            {"images": [{"id": 1, "file_name": "a.jpg"}, {"id": 1, "file_name": "dup.jpg"}],
             "annotations": [{"image_id": 1, "caption": "fine"}, {"caption": "no id"},
               {"image_id": 1, "caption": 7}, {"image_id": 1}, {"image_id": 1, "caption": "  "}, 5]}
            """);

    CocoCaptions coco = CocoCaptions.read(file);

    assertEquals(List.of(new Caption("1", "fine")), coco.captions());
    assertEquals(
        List.of(
            "captions.json: images[1] repeats image id 1.",
            "captions.json: annotations[1] has no usable \"image_id\".",
            "captions.json: annotations[2] (image 1) has a caption that is not text.",
            "captions.json: annotations[3] (image 1) has no caption.",
            "captions.json: annotations[4] (image 1) has an empty caption.",
            "captions.json: annotations[5] is not an object."),
        coco.skipped().stream().map(Problem::message).toList());
    assertEquals(
        List.of(
            Problem.Kind.DUPLICATE_ID,
            Problem.Kind.MALFORMED_ENTRY,
            Problem.Kind.NON_TEXT_CAPTION,
            Problem.Kind.EMPTY_CAPTION,
            Problem.Kind.EMPTY_CAPTION,
            Problem.Kind.MALFORMED_ENTRY),
        coco.skipped().stream().map(Problem::kind).toList());
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] json =
        "{\"annotations\": [{\"image_id\": 3, \"caption\": \"ok\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    assertEquals(
        List.of(new Caption("3", "ok")), CocoCaptions.read(write("bom.json", withBom)).captions());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          empty                 | ''                                                   | captions.json is empty.
          whitespace only       | '   '                                                | captions.json is empty.
          truncated             | {"annotations": [{"image_id": 1, "caption": "a do   | captions.json ends too early
          truncated in a key    | {"images": [{"id": 1,                                | captions.json ends too early
          not json              | hello                                                | captions.json is not valid JSON (line 1, column
          an array              | [1, 2]                                               | captions.json is not a COCO captions file: it must be a JSON object with "images" and "annotations", found an array.
          no annotations        | {"images": []}                                       | captions.json is not a COCO captions file: it has no "annotations" array.
          annotations an object | {"annotations": {"a": 1}}                            | captions.json: "annotations" must be an array, found an object (line 1, column
          """)
  void aBrokenFileGetsOneSentenceNamingIt(String what, String content, String message)
      throws Exception {
    Path file = write("captions.json", content);

    DatasetException e = assertThrows(DatasetException.class, () -> CocoCaptions.read(file));
    assertTrue(e.getMessage().startsWith(message), what + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void latin1TextIsRefusedAsNotUtf8() throws Exception {
    byte[] latin1 =
        "{\"annotations\": [{\"image_id\": 1, \"caption\": \"caf\u00e9 \u00e0 Paris\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1);

    DatasetException e =
        assertThrows(DatasetException.class, () -> CocoCaptions.read(write("latin1.json", latin1)));
    assertTrue(e.getMessage().startsWith("latin1.json is not UTF-8 text"), e.getMessage());
  }

  @Test
  void aMissingFileOrAFolderIsNamed() {
    DatasetException missing =
        assertThrows(DatasetException.class, () -> CocoCaptions.read(dir.resolve("nope.json")));
    assertTrue(missing.getMessage().startsWith("nope.json does not exist"), missing.getMessage());

    DatasetException folder = assertThrows(DatasetException.class, () -> CocoCaptions.read(dir));
    assertTrue(folder.getMessage().endsWith("is a folder, not a JSON file."), folder.getMessage());
  }
}
