package org.captionstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void settingsSurviveARestartAndRecentModelsStayShortAndFresh() throws Exception {
    Path file = dir.resolve("settings.properties");
    Settings s = Settings.load(file);
    assertEquals(3, s.beam());
    for (int i = 0; i < 7; i++) {
      s.withRecentModel("/models/m" + i + ".zip");
    }
    s.withRecentModel("/models/m3.zip").withBeam(5, 2).withLastFolder("/photos").withDark(true);
    s.save();
    Settings again = Settings.load(file);
    assertEquals(5, again.beam());
    assertEquals(2, again.nBest());
    assertEquals("/photos", again.lastFolder());
    assertEquals(true, again.dark());
    assertEquals(
        List.of(
            "/models/m3.zip",
            "/models/m6.zip",
            "/models/m5.zip",
            "/models/m4.zip",
            "/models/m2.zip"),
        again.recentModels());
  }

  @Test
  void aDamagedFileGivesTheDefaults() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.properties"), "beam=lots\nnBest=\\u00");
    Settings s = Settings.load(file);
    assertEquals(3, s.beam());
    assertEquals(3, s.nBest());
  }
}
