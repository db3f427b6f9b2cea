package org.captionstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real Caption Studio window headless (Monocle) and looks at it as a user would. */
class MainWindowTest {
  private static Stage stage;
  private static Application app;
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void openTheWindow() throws Exception {
    stage = FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(CaptionStudioApp.class);
  }

  @AfterAll
  static void closeTheWindow() throws Exception {
    FxToolkit.cleanupApplication(app);
  }

  @Test
  void theWindowIsTitledAndShowsAnEmptyDropZone() throws Exception {
    assertEquals("Caption Studio", WaitForAsyncUtils.asyncFx(stage::getTitle).get());
    assertTrue(WaitForAsyncUtils.asyncFx(stage::isShowing).get());
    Node dropZone = robot.lookup("#dropZone").query();
    assertTrue(dropZone.isVisible());
    assertTrue(robot.lookup("Drop images, folders or videos here").tryQuery().isPresent());
  }

  @Test
  void theStatusBarShowsTheCpuBackendOnceNd4jHasLoaded() throws Exception {
    Label status = robot.lookup("#backendStatus").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !status.getText().startsWith("Starting"));

    String text = WaitForAsyncUtils.asyncFx(status::getText).get();
    assertTrue(text.startsWith("CPU · "), text);
    assertTrue(text.contains("OPENBLAS"), text);
    saveScreenshot("main-window.png");
  }

  /** Saves the scene as a PNG under target/screenshots, a test artifact to look at. */
  private static void saveScreenshot(String name) throws Exception {
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        png.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Path dir = Path.of(System.getProperty("testfx.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    ImageIO.write(png, "png", dir.resolve(name).toFile());
  }
}
