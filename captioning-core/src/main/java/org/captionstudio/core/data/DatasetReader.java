package org.captionstudio.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.DatasetException;

/** Reads any supported annotation file into a {@link Dataset}. */
public final class DatasetReader {
  private DatasetReader() {}

  /**
   * Reads {@code annotations} in the given format, or the detected one when {@code format} is null.
   * Entries that cannot be used are skipped and listed in {@link Dataset#problems()}.
   *
   * @throws DatasetException when the file cannot be used at all; one sentence naming it
   */
  public static Dataset read(Path annotations, DatasetFormat format) throws DatasetException {
    DatasetFormat actual = format != null ? format : DatasetFormat.detect(annotations);
    return switch (actual) {
      case COCO -> fromCoco(annotations);
      case KARPATHY -> KarpathySplitReader.read(annotations);
      case MSRVTT -> MsrVttReader.read(annotations);
      case MSVD -> MsvdReader.read(annotations);
    };
  }

  private static Dataset fromCoco(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    CocoCaptions coco = CocoCaptions.read(file);
    List<Problem> problems = new ArrayList<>(coco.skipped());
    Map<String, List<String>> captionsByImage = new LinkedHashMap<>();
    for (String id : coco.images().keySet()) {
      captionsByImage.put(id, new ArrayList<>());
    }
    for (Caption caption : coco.captions()) {
      List<String> captions = captionsByImage.get(caption.imageId());
      if (captions == null) {
        problems.add(
            new Problem(
                Problem.Kind.UNKNOWN_IMAGE,
                name
                    + ": a caption names image "
                    + caption.imageId()
                    + ", which \"images\" lacks."));
      } else {
        captions.add(caption.text());
      }
    }
    return new Dataset(
        DatasetFormat.COCO,
        name,
        itemsWithCaptions(name, coco.images(), captionsByImage, problems),
        problems,
        false);
  }

  /**
   * The items that have captions, in id order of {@code mediaPaths}; the others are reported as
   * {@link Problem.Kind#NO_CAPTIONS}.
   */
  static List<DatasetItem> itemsWithCaptions(
      String name,
      Map<String, String> mediaPaths,
      Map<String, List<String>> captionsByImage,
      List<Problem> problems) {
    List<DatasetItem> items = new ArrayList<>(mediaPaths.size());
    for (Map.Entry<String, String> image : mediaPaths.entrySet()) {
      List<String> captions = captionsByImage.getOrDefault(image.getKey(), List.of());
      if (captions.isEmpty()) {
        problems.add(
            new Problem(
                Problem.Kind.NO_CAPTIONS,
                name
                    + ": image "
                    + image.getKey()
                    + " ("
                    + image.getValue()
                    + ") has no caption."));
      } else {
        items.add(new DatasetItem(image.getKey(), image.getValue(), null, captions));
      }
    }
    return items;
  }
}
