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
 * MSR-VTT: {@code {"videos":[{"video_id","start time","end time","split"}], "sentences":[{
 * "video_id","caption"}]}}. Clip {@code video7} is the file {@code video7.mp4} in the video folder;
 * the file's split is kept ("validate" is val).
 */
final class MsrVttReader {
  private MsrVttReader() {}

  private record Video(String id, Split split, double start, double end) {}

  static Dataset read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    return JsonFiles.read(
        file,
        parser -> {
          JsonFiles.expectTopLevel(
              parser,
              JsonToken.START_OBJECT,
              name,
              "an MSR-VTT file",
              "a JSON object with \"videos\" and \"sentences\"");
          Map<String, Video> videos = new LinkedHashMap<>();
          Map<String, List<String>> sentences = new LinkedHashMap<>();
          List<Problem> problems = new ArrayList<>();
          boolean sawVideos = false;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
              case "videos" -> {
                sawVideos = true;
                readVideos(parser, name, videos, problems);
              }
              case "sentences" -> readSentences(parser, name, sentences, problems);
              default -> parser.skipChildren();
            }
          }
          if (!sawVideos) {
            throw new DatasetException(
                name + " is not an MSR-VTT file: it has no \"videos\" array.");
          }
          for (String id : sentences.keySet()) {
            if (!videos.containsKey(id)) {
              problems.add(
                  new Problem(
                      Problem.Kind.UNKNOWN_IMAGE,
                      name + ": sentences name video " + id + ", which \"videos\" lacks."));
            }
          }
          List<DatasetItem> items = new ArrayList<>();
          for (Video video : videos.values()) {
            List<String> captions = sentences.getOrDefault(video.id(), List.of());
            if (captions.isEmpty()) {
              problems.add(
                  new Problem(
                      Problem.Kind.NO_CAPTIONS,
                      name + ": video " + video.id() + " has no caption."));
            } else {
              items.add(
                  new DatasetItem(
                      video.id(),
                      video.id() + ".mp4",
                      video.split(),
                      captions,
                      video.start(),
                      video.end()));
            }
          }
          return new Dataset(DatasetFormat.MSRVTT, name, items, problems, true);
        });
  }

  private static void readVideos(
      JsonParser parser, String name, Map<String, Video> videos, List<Problem> problems)
      throws IOException, DatasetException {
    JsonFiles.expect(parser, JsonToken.START_ARRAY, name, "\"videos\"");
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String where = name + ": videos[" + index++ + "]";
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " is not an object."));
        parser.skipChildren();
        continue;
      }
      String id = null;
      String splitLabel = null;
      double start = 0;
      double end = -1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "video_id" -> id = JsonFiles.idText(parser);
          case "split" -> {
            splitLabel = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            parser.skipChildren();
          }
          case "start time" -> start = value.isNumeric() ? parser.getDoubleValue() : start;
          case "end time" -> end = value.isNumeric() ? parser.getDoubleValue() : end;
          default -> parser.skipChildren();
        }
      }
      if (id == null) {
        problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " has no \"video_id\"."));
        continue;
      }
      Split split = Split.fromLabel(splitLabel).orElse(null);
      if (split == null) {
        problems.add(
            new Problem(
                Problem.Kind.MALFORMED_ENTRY,
                where
                    + " ("
                    + id
                    + ") has split \""
                    + splitLabel
                    + "\"; expected train, validate or test."));
        continue;
      }
      if (videos.putIfAbsent(id, new Video(id, split, start, end)) != null) {
        problems.add(
            new Problem(Problem.Kind.DUPLICATE_ID, where + " repeats video id " + id + "."));
      }
    }
  }

  private static void readSentences(
      JsonParser parser, String name, Map<String, List<String>> sentences, List<Problem> problems)
      throws IOException, DatasetException {
    JsonFiles.expect(parser, JsonToken.START_ARRAY, name, "\"sentences\"");
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String where = name + ": sentences[" + index++ + "]";
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " is not an object."));
        parser.skipChildren();
        continue;
      }
      String id = null;
      String caption = null;
      boolean notText = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("video_id")) {
          id = JsonFiles.idText(parser);
        } else if (field.equals("caption")) {
          if (value == JsonToken.VALUE_STRING) {
            caption = parser.getText();
          } else {
            notText = true;
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
      if (id == null) {
        problems.add(new Problem(Problem.Kind.MALFORMED_ENTRY, where + " has no \"video_id\"."));
      } else if (notText) {
        problems.add(
            new Problem(Problem.Kind.NON_TEXT_CAPTION, where + " (" + id + ") is not text."));
      } else if (caption == null || caption.isBlank()) {
        problems.add(new Problem(Problem.Kind.EMPTY_CAPTION, where + " (" + id + ") is empty."));
      } else {
        sentences.computeIfAbsent(id, key -> new ArrayList<>()).add(caption);
      }
    }
  }
}
