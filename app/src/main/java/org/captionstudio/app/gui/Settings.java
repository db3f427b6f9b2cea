package org.captionstudio.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.captionstudio.core.io.AtomicFile;

/**
 * The window's preferences, kept in {@code settings.properties} in Caption Studio's home folder
 * ({@code CAPTIONSTUDIO_HOME} or {@code ~/.captionstudio}): beam width, n-best count, recent models
 * and the last folder. Reading tolerates a missing or damaged file (defaults); writing is atomic.
 * Both are file I/O: call them off the UI thread.
 */
public final class Settings {
  /** How many recent models are kept. */
  public static final int RECENT = 5;

  private final Path file;
  private int beam = 3;
  private int nBest = 3;
  private List<String> recentModels = new ArrayList<>();
  private String lastFolder = "";
  private boolean dark;

  private Settings(Path file) {
    this.file = file;
  }

  /** The settings file in Caption Studio's home folder. */
  public static Path defaultFile() {
    String home = System.getProperty("captionstudio.home", System.getenv("CAPTIONSTUDIO_HOME"));
    Path dir =
        home != null && !home.isBlank()
            ? Path.of(home)
            : Path.of(System.getProperty("user.home"), ".captionstudio");
    return dir.resolve("settings.properties");
  }

  /** Reads the settings; anything missing or unreadable keeps its default. */
  public static Settings load(Path file) {
    Settings s = new Settings(file);
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return s;
    }
    s.beam = bounded(p.getProperty("beam"), 1, 20, s.beam);
    s.nBest = bounded(p.getProperty("nBest"), 1, 20, s.nBest);
    String recent = p.getProperty("recentModels", "");
    s.recentModels =
        new ArrayList<>(Arrays.stream(recent.split("\n")).filter(x -> !x.isBlank()).toList());
    s.lastFolder = p.getProperty("lastFolder", "");
    s.dark = "dark".equals(p.getProperty("theme"));
    return s;
  }

  private static int bounded(String value, int min, int max, int fallback) {
    try {
      int v = Integer.parseInt(value == null ? "" : value.trim());
      return v < min || v > max ? fallback : v;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Writes the settings atomically. */
  public void save() throws IOException {
    Properties p = new Properties();
    p.setProperty("beam", String.valueOf(beam));
    p.setProperty("nBest", String.valueOf(nBest));
    p.setProperty("recentModels", String.join("\n", recentModels));
    p.setProperty("lastFolder", lastFolder);
    p.setProperty("theme", dark ? "dark" : "light");
    AtomicFile.write(file, out -> p.store(out, "Caption Studio window settings"));
  }

  public int beam() {
    return beam;
  }

  public int nBest() {
    return nBest;
  }

  public List<String> recentModels() {
    return List.copyOf(recentModels);
  }

  public String lastFolder() {
    return lastFolder;
  }

  public Settings withBeam(int newBeam, int newNBest) {
    beam = newBeam;
    nBest = newNBest;
    return this;
  }

  /** Puts a model first among the recent ones, keeping {@value #RECENT}. */
  public Settings withRecentModel(String model) {
    recentModels.remove(model);
    recentModels.add(0, model);
    while (recentModels.size() > RECENT) {
      recentModels.remove(recentModels.size() - 1);
    }
    return this;
  }

  public boolean dark() {
    return dark;
  }

  public Settings withDark(boolean on) {
    dark = on;
    return this;
  }

  public Settings withLastFolder(String folder) {
    lastFolder = folder == null ? "" : folder;
    return this;
  }
}
