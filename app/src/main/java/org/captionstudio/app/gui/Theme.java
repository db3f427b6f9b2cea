package org.captionstudio.app.gui;

import java.net.URL;
import java.util.Objects;
import javafx.scene.image.Image;

/** The one stylesheet and the app icon, both shipped in the {@code assets} module. */
public final class Theme {
  private static final String ASSETS = "/org/captionstudio/assets/";

  private Theme() {}

  /** The URL of {@code theme.css}, for {@code Scene.getStylesheets()}. */
  public static String stylesheet() {
    return resource("theme.css").toExternalForm();
  }

  /** The window icon. */
  public static Image icon() {
    return new Image(resource("icon-256.png").toExternalForm());
  }

  private static URL resource(String name) {
    return Objects.requireNonNull(
        Theme.class.getResource(ASSETS + name), () -> "The assets jar lacks " + ASSETS + name);
  }
}
