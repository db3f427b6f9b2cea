package org.captionstudio.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.captionstudio.core.DatasetException;

/**
 * A dataset given as a folder in the COCO layout that {@code synth} writes: {@code
 * annotations/captions_train.json}, {@code captions_val.json} and optionally {@code
 * captions_test.json}, each a COCO captions file whose {@code file_name}s are relative to {@code
 * images/}. Each file's images go to its split.
 */
public final class DatasetFolder {
  private DatasetFolder() {}

  /** The media folder of a dataset folder. */
  public static Path mediaRoot(Path dir) {
    return dir.resolve("images");
  }

  /** Whether {@code dir} looks like such a folder. */
  public static boolean isDatasetFolder(Path dir) {
    return Files.isRegularFile(dir.resolve("annotations").resolve("captions_train.json"));
  }

  /**
   * Reads the splits present.
   *
   * @throws DatasetException if there is no training file, a file is unusable, or an id repeats
   *     across files
   */
  public static Dataset read(Path dir) throws DatasetException {
    if (!isDatasetFolder(dir)) {
      throw new DatasetException(
          dir
              + " is not a dataset folder: it needs annotations/captions_train.json (and"
              + " captions_val.json) with images under images/, as `./captionstudio synth` writes.");
    }
    List<DatasetItem> items = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Split split : Split.values()) {
      Path file = dir.resolve("annotations").resolve("captions_" + split.label() + ".json");
      if (!Files.exists(file)) {
        continue;
      }
      Dataset part = DatasetReader.read(file, DatasetFormat.COCO);
      problems.addAll(part.problems());
      for (DatasetItem item : part.items()) {
        if (!seen.add(item.id())) {
          throw new DatasetException(
              "Image id "
                  + item.id()
                  + " appears in more than one of "
                  + dir.resolve("annotations")
                  + "'s caption files; ids must be unique across splits.");
        }
        items.add(item.withSplit(split));
      }
    }
    return new Dataset(DatasetFormat.COCO, dir.getFileName() + "/", items, problems, true);
  }
}
