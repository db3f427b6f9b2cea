package org.captionstudio.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.bundle.ModelBundle;

/**
 * The model that ships inside the app (the assets module), trained on ShapesWorld by {@code
 * assets/build-default-model.sh}, and how a user names a model: {@code default} or a file.
 */
public final class DefaultModel {
  /** Where the image model lies on the class path. */
  public static final String RESOURCE = "/org/captionstudio/assets/default-model.zip";

  /** Where the video model lies on the class path. */
  public static final String VIDEO_RESOURCE = "/org/captionstudio/assets/default-video-model.zip";

  /** How messages and the window name the bundled image model. */
  public static final String SOURCE = "the default model";

  /** How messages and the window name the bundled video model. */
  public static final String VIDEO_SOURCE = "the default video model";

  /** What a user types for it. */
  public static final String NAME = "default";

  private DefaultModel() {}

  /** Whether this build carries the default model. */
  public static boolean available() {
    return DefaultModel.class.getResource(RESOURCE) != null;
  }

  /** Reads the bundled default image model. */
  public static ModelBundle read() throws ModelLoadException {
    return read(RESOURCE, SOURCE);
  }

  /** Reads the bundled default video model. */
  public static ModelBundle readVideo() throws ModelLoadException {
    return read(VIDEO_RESOURCE, VIDEO_SOURCE);
  }

  private static ModelBundle read(String resource, String name) throws ModelLoadException {
    try (InputStream in = DefaultModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelLoadException(
            "This build carries no "
                + name.substring(4)
                + "; build it with assets/build-default-model.sh"
                + " or give --model FILE (a bundle written by `./captionstudio train`).");
      }
      return ModelBundle.read(name, in);
    } catch (IOException e) {
      throw new ModelLoadException(
          "The default model could not be read (" + e.getMessage() + ").", e);
    }
  }

  /** {@code default} or a bundle file. */
  public static ModelBundle read(String model) throws ModelLoadException {
    return NAME.equals(model) ? read() : ModelBundle.read(Path.of(model));
  }

  /** How messages name a model the user gave. */
  public static String describe(String model) {
    return NAME.equals(model) ? SOURCE : "the model " + model;
  }
}
