package org.captionstudio.core.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.captionstudio.core.DatasetException;

/**
 * Karpathy's split files ({@code dataset_coco.json}, {@code dataset_flickr8k.json}, {@code
 * dataset_flickr30k.json}): {@code {"images":[{"filepath","filename","split","sentences":[{"raw",
 * "tokens"}],"cocoid"|"imgid"}]}}. The file's own split is kept; "restval" trains.
 */
final class KarpathySplitReader {
  private KarpathySplitReader() {}

  static Dataset read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    return JsonFiles.read(
        file,
        parser -> {
          JsonFiles.expectTopLevel(
              parser,
              JsonToken.START_OBJECT,
              name,
              "a Karpathy split file",
              "a JSON object with \"images\"");
          List<DatasetItem> items = new ArrayList<>();
          List<Problem> problems = new ArrayList<>();
          boolean sawImages = false;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("images")) {
              sawImages = true;
              JsonFiles.expect(parser, JsonToken.START_ARRAY, name, "\"images\"");
              Set<String> ids = new HashSet<>();
              int index = 0;
              while (parser.nextToken() != JsonToken.END_ARRAY) {
                readImage(parser, name, index++, ids, items, problems);
              }
            } else {
              parser.skipChildren();
            }
          }
          if (!sawImages) {
            throw new DatasetException(
                name + " is not a Karpathy split file: it has no \"images\" array.");
          }
          return new Dataset(DatasetFormat.KARPATHY, name, items, problems, true);
        });
  }

  private static void readImage(
      JsonParser parser,
      String name,
      int index,
      Set<String> ids,
      List<DatasetItem> items,
      List<Problem> problems)
      throws IOException {
    String where = name + ": images[" + index + "]";
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " is not an object."));
      parser.skipChildren();
      return;
    }
    String filepath = null;
    String filename = null;
    String splitLabel = null;
    String cocoId = null;
    String imgId = null;
    List<String> captions = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "filepath" ->
            filepath = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
        case "filename" ->
            filename = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
        case "split" ->
            splitLabel = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
        case "cocoid" -> cocoId = JsonFiles.idText(parser);
        case "imgid" -> imgId = JsonFiles.idText(parser);
        case "sentences" -> readSentences(parser, where, captions, problems);
        default -> parser.skipChildren();
      }
    }
    String id = cocoId != null ? cocoId : imgId != null ? imgId : filename;
    if (filename == null || id == null) {
      problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " has no \"filename\"."));
      return;
    }
    if (!ids.add(id)) {
      problems.add(new Problem(Problem.Kind.DUPLICATE_ID, where + " repeats image id " + id + "."));
      return;
    }
    Split split = Split.fromLabel(splitLabel).orElse(null);
    if (split == null) {
      problems.add(
          new Problem(
              Problem.Kind.MALFORMED_ENTRY,
              where
                  + " ("
                  + filename
                  + ") has split \""
                  + splitLabel
                  + "\"; expected train, restval, val or test."));
      return;
    }
    if (captions.isEmpty()) {
      problems.add(
          new Problem(Problem.Kind.NO_CAPTIONS, where + " (" + filename + ") has no caption."));
      return;
    }
    String mediaPath =
        filepath == null || filepath.isEmpty() ? filename : filepath + "/" + filename;
    items.add(new DatasetItem(id, mediaPath, split, captions));
  }

  private static void readSentences(
      JsonParser parser, String where, List<String> captions, List<Problem> problems)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(
          new Problem(Problem.Kind.MALFORMED_ENTRY, where + ": \"sentences\" is not an array."));
      parser.skipChildren();
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String sentence = where + " sentence " + index++;
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, sentence + " is not an object."));
        parser.skipChildren();
        continue;
      }
      String raw = null;
      boolean rawNotText = false;
      List<String> tokens = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("raw")) {
          if (value == JsonToken.VALUE_STRING) {
            raw = parser.getText();
          } else {
            rawNotText = true;
            parser.skipChildren();
          }
        } else if (field.equals("tokens") && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
              tokens.add(parser.getText());
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      String text = raw != null ? raw : String.join(" ", tokens);
      if (rawNotText && tokens.isEmpty()) {
        problems.add(new Problem(Problem.Kind.NON_TEXT_CAPTION, sentence + " is not text."));
      } else if (text.isBlank()) {
        problems.add(new Problem(Problem.Kind.EMPTY_CAPTION, sentence + " is empty."));
      } else {
        captions.add(text);
      }
    }
  }

  private static String skip(JsonParser parser) throws IOException {
    parser.skipChildren();
    return null;
  }
}
