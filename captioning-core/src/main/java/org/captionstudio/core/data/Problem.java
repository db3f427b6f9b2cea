package org.captionstudio.core.data;

import java.util.Objects;

/**
 * Something wrong with one entry of a dataset, skipped rather than fatal.
 *
 * @param kind what kind of problem, for counting
 * @param message one sentence naming the file and the entry
 */
public record Problem(Kind kind, String message) {

  /** The kinds of problems validation reports. */
  public enum Kind {
    /** An entry that is not an object or lacks a usable id. */
    MALFORMED_ENTRY("malformed entries"),
    /** A caption that is empty or only whitespace. */
    EMPTY_CAPTION("empty captions"),
    /** A caption that is a number, list or object instead of text. */
    NON_TEXT_CAPTION("captions that are not text"),
    /** An id given to two images or videos. */
    DUPLICATE_ID("duplicate ids"),
    /** A caption whose image or video is not listed. */
    UNKNOWN_IMAGE("captions of unknown images"),
    /** An image or video without any usable caption. */
    NO_CAPTIONS("images without captions"),
    /** A media path that leaves the media folder ("..", absolute paths). */
    PATH_ESCAPES("paths that leave the media folder"),
    /** A media file that does not exist. */
    MISSING_MEDIA("missing media files"),
    /** A media file that exists but cannot be read. */
    UNREADABLE_MEDIA("unreadable media files");

    private final String plural;

    Kind(String plural) {
      this.plural = plural;
    }

    /** How a count of these reads in a report, e.g. "missing media files". */
    public String plural() {
      return plural;
    }
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
