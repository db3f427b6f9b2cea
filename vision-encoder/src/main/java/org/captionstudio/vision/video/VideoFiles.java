package org.captionstudio.vision.video;

import java.nio.file.Path;
import java.util.Set;

/** Which file names are videos, for routing a dropped or opened file to the video view. */
public final class VideoFiles {
  /** Common video container extensions FFmpeg reads, lower case. */
  public static final Set<String> EXTENSIONS =
      Set.of(
          "mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg", "ts", "mts", "m2ts", "wmv",
          "flv", "ogv", "3gp");

  private VideoFiles() {}

  /** Whether the file's name ends in a video extension. */
  public static boolean hasVideoName(Path file) {
    return EXTENSIONS.contains(org.captionstudio.vision.image.ImageFiles.extension(file));
  }
}
