package org.captionstudio.core.video;

/** The files timed captions export to. */
public enum SubtitleFormat {
  /** SubRip: numbered cues, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}. */
  SRT("srt"),
  /** WebVTT: a {@code WEBVTT} header, {@code HH:MM:SS.mmm}, text escaped as HTML. */
  WEBVTT("vtt"),
  /** A JSON array of {@code {"start", "end", "text"}} with times in seconds. */
  JSON("json");

  private final String extension;

  SubtitleFormat(String extension) {
    this.extension = extension;
  }

  /** The usual file extension, without the dot. */
  public String extension() {
    return extension;
  }
}
