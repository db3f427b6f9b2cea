package org.captionstudio.vision.weights;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;

/**
 * The DL4J zoo's weights cache: {@code <base>/models/<model>/<file>}, base being {@code
 * ~/.deeplearning4j} or the {@code org.deeplearning4j.resources.directory} property, exactly as
 * DL4J lays it out, so a cache any DL4J program filled works here and the other way round. Nothing
 * is fetched unless asked for.
 */
public final class WeightsStore {
  /** The DL4J zoo's own download host, used only when the user asks for a download. */
  public static final URI ZOO_BASE_URL = URI.create("https://dl4jdata.blob.core.windows.net/");

  private final Path base;

  public WeightsStore(Path base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** The cache DL4J itself would use on this machine. */
  public static WeightsStore defaultLocation() {
    String property = System.getProperty("org.deeplearning4j.resources.directory");
    return new WeightsStore(
        property != null && !property.isBlank()
            ? Path.of(property)
            : Path.of(System.getProperty("user.home"), ".deeplearning4j"));
  }

  /**
   * The zoo's base download URL, or the one set with {@code org.deeplearning4j.resources.baseurl}.
   */
  public static URI defaultBaseUrl() {
    String property = System.getProperty("org.deeplearning4j.resources.baseurl");
    return property != null && !property.isBlank() ? URI.create(property) : ZOO_BASE_URL;
  }

  /** Where the file lives (or will) in the cache. */
  public Path file(WeightsSpec spec) {
    return base.resolve("models").resolve(spec.cacheFolder()).resolve(spec.fileName());
  }

  /** Checks the cache; reads the whole file to verify its checksum. */
  public WeightsStatus status(WeightsSpec spec) throws IOException {
    Path file = file(spec);
    if (Files.isRegularFile(file)) {
      return Checksums.adler32(file) == spec.adler32()
          ? WeightsStatus.VERIFIED
          : WeightsStatus.CORRUPT;
    }
    return Files.exists(file.resolveSibling(spec.fileName() + ".part"))
        ? WeightsStatus.PARTIAL
        : WeightsStatus.MISSING;
  }

  /**
   * The verified weights file.
   *
   * @param how what to tell a user who lacks them, e.g. the command that fetches them
   * @throws ModelLoadException when the weights are missing or corrupt; never falls back to random
   *     weights
   */
  public Path require(WeightsSpec spec, String displayName, String how) throws ModelLoadException {
    WeightsStatus status;
    try {
      status = status(spec);
    } catch (IOException e) {
      throw new ModelLoadException(
          "The " + displayName + " weights at " + file(spec) + " cannot be read: " + e.getMessage(),
          e);
    }
    return switch (status) {
      case VERIFIED -> file(spec);
      case CORRUPT ->
          throw new ModelLoadException(
              "The "
                  + displayName
                  + " weights at "
                  + file(spec)
                  + " are corrupt (checksum mismatch): "
                  + how);
      case MISSING, PARTIAL ->
          throw new ModelLoadException(
              displayName
                  + " has no ImageNet weights on this machine, and an encoder is never used"
                  + " with random weights: "
                  + how);
    };
  }

  /**
   * Fetches the weights from a base URL laid out like the zoo's host ({@code
   * <base>/models/<file>}), an HTTP mirror, or a mirror folder (either {@code DIR/models/<file>} or
   * {@code DIR/<file>}).
   */
  public Path fetch(
      WeightsSpec spec,
      URI baseUrlOrMirror,
      Downloader downloader,
      ProgressListener progress,
      Cancellation cancellation)
      throws ModelLoadException {
    URI source = resolve(spec, baseUrlOrMirror);
    Path target = file(spec);
    downloader.download(source, target, spec.adler32(), progress, cancellation);
    return target;
  }

  /** A mirror given as a folder on disk. */
  public Path fetchFromFolder(
      WeightsSpec spec,
      Path folder,
      Downloader downloader,
      ProgressListener progress,
      Cancellation cancellation)
      throws ModelLoadException {
    if (!Files.isDirectory(folder)) {
      throw new ModelLoadException("The mirror folder " + folder + " does not exist.");
    }
    Path nested = folder.resolve("models").resolve(spec.fileName());
    Path flat = folder.resolve(spec.fileName());
    Path found = Files.isRegularFile(nested) ? nested : flat;
    if (!Files.isRegularFile(found)) {
      throw new ModelLoadException(
          "The mirror folder "
              + folder
              + " has no "
              + spec.fileName()
              + " (looked in "
              + folder
              + " and its models/ folder).");
    }
    return fetch(spec, found.toUri(), downloader, progress, cancellation);
  }

  private static URI resolve(WeightsSpec spec, URI base) {
    String text = base.toString();
    if (text.endsWith(spec.fileName())) {
      return base; // already names the file
    }
    return URI.create(text.endsWith("/") ? text : text + "/").resolve(spec.remotePath());
  }
}
