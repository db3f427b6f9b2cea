package org.captionstudio.core.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.DatasetException;

/**
 * A COCO captions file: {@code {"images":[{"id","file_name",…}], "annotations":[{"image_id",
 * "caption",…}]}}, read with Jackson's streaming parser so that train2014-size files parse with
 * modest memory.
 *
 * @param images image id → file name, in file order
 * @param captions the usable captions, in file order
 * @param skipped the entries that could not be used, one sentence each
 */
public record CocoCaptions(
    Map<String, String> images, List<Caption> captions, List<Problem> skipped) {
  public CocoCaptions {
    images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
    captions = List.copyOf(captions);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads {@code file}. An annotation without an image id or a text caption is skipped and
   * reported; a file that is not COCO captions JSON at all is refused.
   *
   * @throws DatasetException one sentence naming the file and what is wrong
   */
  public static CocoCaptions read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    return JsonFiles.read(
        file,
        parser -> {
          JsonFiles.expectTopLevel(
              parser,
              JsonToken.START_OBJECT,
              name,
              "a COCO captions file",
              "a JSON object with \"images\" and \"annotations\"");
          Map<String, String> images = new LinkedHashMap<>();
          List<Caption> captions = new ArrayList<>();
          List<Problem> skipped = new ArrayList<>();
          boolean sawAnnotations = false;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
              case "images" -> readImages(parser, name, images, skipped);
              case "annotations" -> {
                sawAnnotations = true;
                readAnnotations(parser, name, captions, skipped);
              }
              default -> parser.skipChildren();
            }
          }
          if (!sawAnnotations) {
            throw new DatasetException(
                name + " is not a COCO captions file: it has no \"annotations\" array.");
          }
          return new CocoCaptions(images, captions, skipped);
        });
  }

  private static void readImages(
      JsonParser parser, String name, Map<String, String> images, List<Problem> skipped)
      throws IOException, DatasetException {
    JsonFiles.expect(parser, JsonToken.START_ARRAY, name, "\"images\"");
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        skipped.add(malformed(name + ": images[" + index + "] is not an object."));
        parser.skipChildren();
        index++;
        continue;
      }
      String id = null;
      String fileName = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("id")) {
          id = JsonFiles.idText(parser);
        } else if (field.equals("file_name") && parser.currentToken() == JsonToken.VALUE_STRING) {
          fileName = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (id == null) {
        skipped.add(malformed(name + ": images[" + index + "] has no usable \"id\"."));
      } else if (images.putIfAbsent(id, fileName == null ? "" : fileName) != null) {
        skipped.add(
            new Problem(
                Problem.Kind.DUPLICATE_ID,
                name + ": images[" + index + "] repeats image id " + id + "."));
      }
      index++;
    }
  }

  private static void readAnnotations(
      JsonParser parser, String name, List<Caption> captions, List<Problem> skipped)
      throws IOException, DatasetException {
    JsonFiles.expect(parser, JsonToken.START_ARRAY, name, "\"annotations\"");
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        skipped.add(malformed(name + ": annotations[" + index + "] is not an object."));
        parser.skipChildren();
        index++;
        continue;
      }
      String imageId = null;
      String text = null;
      boolean textWrongType = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("image_id")) {
          imageId = JsonFiles.idText(parser);
        } else if (field.equals("caption")) {
          if (parser.currentToken() == JsonToken.VALUE_STRING) {
            text = parser.getText();
          } else {
            textWrongType = true;
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
      if (imageId == null) {
        skipped.add(malformed(name + ": annotations[" + index + "] has no usable \"image_id\"."));
      } else if (text == null) {
        skipped.add(
            new Problem(
                textWrongType ? Problem.Kind.NON_TEXT_CAPTION : Problem.Kind.EMPTY_CAPTION,
                name
                    + ": annotations["
                    + index
                    + "] (image "
                    + imageId
                    + ") has "
                    + (textWrongType ? "a caption that is not text." : "no caption.")));
      } else if (text.isBlank()) {
        skipped.add(
            new Problem(
                Problem.Kind.EMPTY_CAPTION,
                name
                    + ": annotations["
                    + index
                    + "] (image "
                    + imageId
                    + ") has an empty caption."));
      } else {
        captions.add(new Caption(imageId, text));
      }
      index++;
    }
  }

  private static Problem malformed(String message) {
    return new Problem(Problem.Kind.MALFORMED_ENTRY, message);
  }
}
