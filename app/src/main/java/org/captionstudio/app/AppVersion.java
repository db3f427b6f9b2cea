package org.captionstudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application's version, stamped into {@code version.properties} by the build. */
public final class AppVersion {
  private static final String VERSION = load();

  private AppVersion() {}

  /** The version, e.g. "0.1.0-SNAPSHOT". */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the application jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
