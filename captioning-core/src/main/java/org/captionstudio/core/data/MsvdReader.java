package org.captionstudio.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.captionstudio.core.DatasetException;

/**
 * MSVD's description CSV: {@code VideoID,Start,End,WorkerID,Source,AnnotationTime,Language,
 * Description}. Only English descriptions are kept. Clip {@code VideoID_Start_End} is the file
 * {@code VideoID_Start_End.avi} in the video folder (the YouTubeClips naming). The file has no
 * split; assign one by seed.
 */
final class MsvdReader {
  private static final List<String> REQUIRED =
      List.of("videoid", "start", "end", "language", "description");

  private MsvdReader() {}

  static Dataset read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    if (Files.isDirectory(file)) {
      throw new DatasetException(name + " is a folder, not a CSV file.");
    }
    List<List<String>> rows;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      rows = Csv.parse(reader);
    } catch (NoSuchFileException e) {
      throw new DatasetException(name + " does not exist (" + file + ").", e);
    } catch (AccessDeniedException e) {
      throw new DatasetException(name + " cannot be read: permission denied.", e);
    } catch (CharacterCodingException e) {
      throw new DatasetException(name + " is not UTF-8 text: save it as UTF-8 and try again.", e);
    } catch (IOException e) {
      throw new DatasetException(name + " cannot be read: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new DatasetException(name + " is empty.");
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> header = rows.get(0);
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.keySet().containsAll(REQUIRED)) {
      throw new DatasetException(
          name
              + " is not an MSVD description file: its header must name the columns VideoID,"
              + " Start, End, Language and Description.");
    }
    int videoColumn = columns.get("videoid");
    int startColumn = columns.get("start");
    int endColumn = columns.get("end");
    int languageColumn = columns.get("language");
    int descriptionColumn = columns.get("description");

    List<Problem> problems = new ArrayList<>();
    Map<String, List<String>> captions = new LinkedHashMap<>();
    for (int line = 1; line < rows.size(); line++) {
      List<String> row = rows.get(line);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      String where = name + " row " + (line + 1);
      if (row.size() != header.size()) {
        problems.add(
            new Problem(
                Problem.Kind.MALFORMED_ENTRY,
                where + " has " + row.size() + " fields, the header has " + header.size() + "."));
        continue;
      }
      if (!row.get(languageColumn).strip().equalsIgnoreCase("English")) {
        continue;
      }
      String video = row.get(videoColumn).strip();
      String start = row.get(startColumn).strip();
      String end = row.get(endColumn).strip();
      if (video.isEmpty() || start.isEmpty() || end.isEmpty()) {
        problems.add(
            new Problem(Problem.Kind.MALFORMED_ENTRY, where + " lacks VideoID, Start or End."));
        continue;
      }
      String description = row.get(descriptionColumn);
      String clip = video + "_" + start + "_" + end;
      captions.computeIfAbsent(clip, key -> new ArrayList<>());
      if (description.isBlank()) {
        problems.add(
            new Problem(
                Problem.Kind.EMPTY_CAPTION, where + " (" + clip + ") has an empty description."));
      } else {
        captions.get(clip).add(description);
      }
    }
    Map<String, String> media = new LinkedHashMap<>();
    for (String clip : captions.keySet()) {
      media.put(clip, clip + ".avi");
    }
    List<DatasetItem> items = DatasetReader.itemsWithCaptions(name, media, captions, problems);
    return new Dataset(DatasetFormat.MSVD, name, items, problems, false);
  }
}
