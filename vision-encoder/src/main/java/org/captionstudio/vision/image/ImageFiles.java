package org.captionstudio.vision.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which files are images, and the images a user meant by a list of files and folders: a file is
 * taken as given (whatever its name, so a mislabelled image still gets its say), a folder is walked
 * for image files in name order, hidden files and folders left out.
 */
public final class ImageFiles {
  /** The extensions {@link ImageDecoder} reads, lower case. */
  public static final Set<String> EXTENSIONS =
      Set.of(
          "jpg", "jpeg", "jpe", "jfif", "png", "bmp", "dib", "gif", "tif", "tiff", "webp", "pbm",
          "pgm", "ppm", "pnm");

  private ImageFiles() {}

  /** Whether the file's name ends in an image extension. */
  public static boolean hasImageName(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  /** A file name's extension in lower case ("JPG" → "jpg"); empty for none or a dot file. */
  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * The images behind these paths, in the order given, each folder's images sorted by path.
   *
   * @throws IOException when a path does not exist or a folder cannot be read; the message names it
   */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> !hidden(p, f))
              .filter(Files::isRegularFile)
              .filter(ImageFiles::hasImageName)
              .sorted()
              .forEach(out::add);
        } catch (UncheckedIOException e) {
          throw new IOException("The folder " + p + " cannot be read (" + e.getCause() + ").", e);
        }
      } else if (Files.exists(p)) {
        out.add(p);
      } else {
        throw new IOException("There is no file or folder " + p + ".");
      }
    }
    return out;
  }

  /** Whether any part of {@code file} below {@code root} starts with a dot. */
  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
