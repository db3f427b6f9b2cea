package org.captionstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.captionstudio.app.gui.caption.CaptionViewModel;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real Caption Studio window headless (Monocle) and looks at it as a user would. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {
  @TempDir static Path files;
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
  @Order(1)
  void theWindowIsTitledAndShowsAnEmptyDropZone() throws Exception {
    assertEquals("Caption Studio", WaitForAsyncUtils.asyncFx(stage::getTitle).get());
    assertTrue(WaitForAsyncUtils.asyncFx(stage::isShowing).get());
    Node dropZone = robot.lookup("#dropZone").query();
    assertTrue(dropZone.isVisible());
    assertTrue(robot.lookup("Drop images, folders or videos here").tryQuery().isPresent());
  }

  @Test
  @Order(2)
  void theStatusBarShowsTheCpuBackendOnceNd4jHasLoaded() throws Exception {
    Label status = robot.lookup("#backendStatus").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !status.getText().startsWith("Starting"));

    String text = WaitForAsyncUtils.asyncFx(status::getText).get();
    assertTrue(text.startsWith("CPU · "), text);
    assertTrue(text.contains("OPENBLAS"), text);
    saveScreenshot("main-window.png");
  }

  @Test
  @Order(3)
  void aDroppedImageIsCaptionedAndClickingAWordMovesTheHeatmap() throws Exception {
    ShapesWorld.generate(
        new SynthConfig(2, 0, 91, 128, 0, 1.0, CaptionStyle.CANONICAL),
        files.resolve("sw"),
        ProgressListener.NONE);
    Path image;
    try (var list = Files.list(files.resolve("sw/images/test"))) {
      image = list.sorted().findFirst().orElseThrow();
    }
    dropFiles(List.of(image.toFile()));

    Label caption = robot.lookup("#captionText").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !caption.getText().isEmpty());
    String text = WaitForAsyncUtils.asyncFx(caption::getText).get();
    assertTrue(text.endsWith(".") && text.split(" ").length >= 3, text);
    ListView<?> results = robot.lookup("#resultList").queryAs(ListView.class);
    assertEquals(1, (int) WaitForAsyncUtils.asyncFx(() -> results.getItems().size()).get());

    ImageView heat = robot.lookup("#heatmap").queryAs(ImageView.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heat.getImage() != null);
    int[] first = pixels(heat);
    // A word naming an object: the heatmap moves to it.
    ToggleButton word = robot.lookup("#word3").queryAs(ToggleButton.class);
    robot.clickOn(word);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(WaitForAsyncUtils.asyncFx(word::isSelected).get());
    assertFalse(java.util.Arrays.equals(first, pixels(heat)), "the heatmap changed");
    saveScreenshot("caption-heatmap.png");
  }

  @Test
  @Order(4)
  void aDamagedFileGetsAPlainSentence() throws Exception {
    Path broken = Files.writeString(files.resolve("holiday.jpg"), "this is not a JPEG");
    dropFiles(List.of(broken.toFile()));
    Label error = robot.lookup("#captionError").queryAs(Label.class);
    ListView<?> results = robot.lookup("#resultList").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            results.getItems().size() == 2
                && ((CaptionViewModel.Entry) results.getItems().get(1)).done());
    robot.clickOn(robot.lookup("holiday.jpg\n" + "").tryQuery().orElse(results));
    WaitForAsyncUtils.asyncFx(() -> ((ListView<?>) results).getSelectionModel().select(1)).get();
    WaitForAsyncUtils.waitForFxEvents();
    String message = WaitForAsyncUtils.asyncFx(error::getText).get();
    assertTrue(message.contains("holiday.jpg"), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  @Order(5)
  void aDroppedVideoIsDescribedInTheVideoViewWithItsSegmentsAndFrames() throws Exception {
    ShapesWorld.generate(
        new SynthConfig(0, 1, 92, 128, 0, 1.0, CaptionStyle.CANONICAL),
        files.resolve("clips"),
        ProgressListener.NONE);
    Path clip;
    try (var list = Files.list(files.resolve("clips/videos"))) {
      clip = list.sorted().findFirst().orElseThrow();
    }
    dropFiles(List.of(clip.toFile()));
    javafx.scene.control.TabPane tabs =
        robot.lookup("#mainTabs").queryAs(javafx.scene.control.TabPane.class);
    assertEquals(
        "Video",
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().getSelectedItem().getText())
            .get());
    ListView<?> segments = robot.lookup("#segmentList").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !segments.getItems().isEmpty());
    Label description = robot.lookup("#videoDescription").queryAs(Label.class);
    String text = WaitForAsyncUtils.asyncFx(description::getText).get();
    assertTrue(text.endsWith(".") && text.split(" ").length >= 3, text);
    javafx.scene.layout.HBox strip =
        robot.lookup("#frameStrip").queryAs(javafx.scene.layout.HBox.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !strip.getChildren().isEmpty());
    Label status = robot.lookup("#videoStatus").queryAs(Label.class);
    assertTrue(
        WaitForAsyncUtils.asyncFx(status::getText).get().startsWith(clip.getFileName() + " · "));
    saveScreenshot("video-view.png");
  }

  @Test
  @Order(6)
  void theDarkThemeComesFromTheSameStylesheet() throws Exception {
    robot.clickOn("#themeToggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().getStyleClass().contains("dark"))
            .get());
    saveScreenshot("dark-theme.png");
    robot.clickOn("#themeToggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().getStyleClass().contains("dark"))
            .get());
  }

  /**
   * Drags files onto the window with a real drag gesture: a node inside the scene starts a drag
   * whose dragboard carries the files, and the robot drops it on the drop zone's area.
   */
  private void dropFiles(List<java.io.File> dropped) throws Exception {
    Label source = new Label("drag source");
    source.setId("testDragSource");
    source.setOnDragDetected(
        e -> {
          javafx.scene.input.Dragboard board =
              source.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putFiles(dropped);
          board.setContent(content);
          e.consume();
        });
    javafx.scene.layout.HBox bar =
        robot.lookup("#statusBar").queryAs(javafx.scene.layout.HBox.class);
    WaitForAsyncUtils.asyncFx(() -> bar.getChildren().add(source)).get();
    WaitForAsyncUtils.waitForFxEvents();
    Node zone = robot.lookup("#dropZone").query();
    Node target = zone.isVisible() ? zone : robot.lookup("#picture").query();
    javafx.scene.control.TabPane tabs =
        robot.lookup("#mainTabs").queryAs(javafx.scene.control.TabPane.class);
    WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(0)).get();
    WaitForAsyncUtils.waitForFxEvents();
    robot.drag(source).dropTo(target);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.asyncFx(() -> bar.getChildren().remove(source)).get();
  }

  private static int[] pixels(ImageView view) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              javafx.scene.image.Image img = view.getImage();
              int w = (int) img.getWidth();
              int h = (int) img.getHeight();
              int[] out = new int[w * h];
              img.getPixelReader()
                  .getPixels(
                      0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
              return out;
            })
        .get();
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
