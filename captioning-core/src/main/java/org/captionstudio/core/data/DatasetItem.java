package org.captionstudio.core.data;

import java.util.List;
import java.util.Objects;

/**
 * One image or clip with its captions.
 *
 * @param id the dataset's id for it, as text
 * @param mediaPath its file, relative to the media folder, with '/' separators
 * @param split where it belongs; null until a split is assigned
 * @param captions its captions as written, at least one
 * @param startSeconds for a clip cut from a longer video, where it starts (0 otherwise)
 * @param endSeconds where it ends, or -1 for the end of the file
 */
public record DatasetItem(
    String id,
    String mediaPath,
    Split split,
    List<String> captions,
    double startSeconds,
    double endSeconds) {
  public DatasetItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mediaPath, "mediaPath");
    captions = List.copyOf(captions);
    if (captions.isEmpty()) {
      throw new IllegalArgumentException("captions must hold at least one caption, item " + id);
    }
  }

  /** An image (or a whole clip) without a time range. */
  public DatasetItem(String id, String mediaPath, Split split, List<String> captions) {
    this(id, mediaPath, split, captions, 0, -1);
  }

  /** The same item in another split. */
  public DatasetItem withSplit(Split newSplit) {
    return new DatasetItem(id, mediaPath, newSplit, captions, startSeconds, endSeconds);
  }
}
