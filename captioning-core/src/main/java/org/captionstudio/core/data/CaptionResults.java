package org.captionstudio.core.data;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.captionstudio.core.DatasetException;

/**
 * A coco-caption results file, {@code [{"image_id": …, "caption": …}, …]}: one generated caption
 * per image. Unlike annotations, results are all or nothing: an entry without an id or caption, or
 * a second caption for the same image, refuses the file, as coco-caption does.
 */
public final class CaptionResults {
  private CaptionResults() {}

  /**
   * Reads the results in file order.
   *
   * @throws DatasetException one sentence naming the file and the first problem
   */
  public static List<Caption> read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    return JsonFiles.read(
        file,
        parser -> {
          JsonFiles.expectTopLevel(
              parser,
              JsonToken.START_ARRAY,
              name,
              "a coco-caption results file",
              "a JSON array of {\"image_id\", \"caption\"} objects");
          List<Caption> results = new ArrayList<>();
          Set<String> seen = new HashSet<>();
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonFiles.expect(parser, JsonToken.START_OBJECT, name, "entry " + index);
            String imageId = null;
            String caption = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String field = parser.currentName();
              parser.nextToken();
              if (field.equals("image_id")) {
                imageId = JsonFiles.idText(parser);
              } else if (field.equals("caption")) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                  throw new DatasetException(
                      name
                          + ": the caption of entry "
                          + index
                          + " must be a string, found "
                          + JsonFiles.describe(parser.currentToken())
                          + ".");
                }
                caption = parser.getText();
              } else {
                parser.skipChildren();
              }
            }
            if (imageId == null) {
              throw new DatasetException(
                  name + ": entry " + index + " has no \"image_id\" (a number or a string).");
            }
            if (caption == null) {
              throw new DatasetException(
                  name + ": entry " + index + " (image " + imageId + ") has no \"caption\".");
            }
            if (!seen.add(imageId)) {
              throw new DatasetException(
                  name
                      + " gives more than one caption for image "
                      + imageId
                      + "; coco-caption scores exactly one caption per image.");
            }
            results.add(new Caption(imageId, caption));
            index++;
          }
          return results;
        });
  }
}
