package org.captionstudio.core.data;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.captionstudio.core.DatasetException;

/** The annotation formats Caption Studio reads. */
public enum DatasetFormat {
  /** COCO captions JSON with an image folder. */
  COCO("coco"),
  /** Karpathy's split JSON (dataset_coco.json, dataset_flickr8k.json, dataset_flickr30k.json). */
  KARPATHY("karpathy"),
  /** MSR-VTT JSON (videos and sentences). */
  MSRVTT("msrvtt"),
  /** MSVD's CSV of clip descriptions. */
  MSVD("msvd");

  private final String label;

  DatasetFormat(String label) {
    this.label = label;
  }

  /** Whether the items are video clips (MSR-VTT, MSVD) rather than images. */
  public boolean isVideo() {
    return this == MSRVTT || this == MSVD;
  }

  /** The name used on the command line: coco, karpathy, msrvtt or msvd. */
  public String label() {
    return label;
  }

  /** The format named on the command line, if it is one. */
  public static Optional<DatasetFormat> fromLabel(String label) {
    for (DatasetFormat format : values()) {
      if (format.label.equalsIgnoreCase(label)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * Detects the format: a .csv file is MSVD; in JSON, "annotations" means COCO, "videos" or
   * "sentences" MSR-VTT, and "images" alone Karpathy. Only the top-level keys are read.
   *
   * @throws DatasetException when the file is unreadable or none of the formats
   */
  public static DatasetFormat detect(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return MSVD;
    }
    Set<String> keys =
        JsonFiles.read(
            file,
            parser -> {
              Set<String> found = new HashSet<>();
              if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                  found.add(parser.currentName());
                  parser.nextToken();
                  parser.skipChildren();
                }
              }
              return found;
            });
    if (keys.contains("annotations")) {
      return COCO;
    }
    if (keys.contains("videos") || keys.contains("sentences")) {
      return MSRVTT;
    }
    if (keys.contains("images")) {
      return KARPATHY;
    }
    throw new DatasetException(
        name
            + " is none of the known formats: expected COCO captions JSON (\"annotations\"),"
            + " a Karpathy split (\"images\" with \"sentences\"), MSR-VTT (\"videos\","
            + " \"sentences\") or an MSVD .csv file.");
  }
}
