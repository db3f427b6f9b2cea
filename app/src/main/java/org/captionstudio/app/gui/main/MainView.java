package org.captionstudio.app.gui.main;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The main window's layout; it binds to {@link MainViewModel} and holds no state of its own. */
public final class MainView {
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

  private final BorderPane root = new BorderPane();

  /**
   * @param viewModel the window's state
   * @param captions the captioning view, given the drop zone to show while it is empty
   */
  public MainView(MainViewModel viewModel, java.util.function.Function<Node, Parent> captions) {
    root.getStyleClass().add("main-window");
    // One stylesheet: the dark theme only redefines its named colours under .dark.
    root.sceneProperty()
        .addListener(
            (o, before, scene) -> {
              if (scene != null) {
                applyTheme(scene.getRoot(), viewModel.darkProperty().get());
              }
            });
    viewModel
        .darkProperty()
        .addListener(
            (o, before, now) -> {
              if (root.getScene() != null) {
                applyTheme(root.getScene().getRoot(), now);
              }
            });
    root.setCenter(captions.apply(dropZone()));
    root.setBottom(statusBar(viewModel));
  }

  public Parent root() {
    return root;
  }

  private static Region dropZone() {
    Label title = new Label("Drop images, folders or videos here");
    title.getStyleClass().add("drop-zone-title");
    Label hint = new Label("JPEG, PNG, BMP, GIF, TIFF, WebP · MP4, WebM, MKV, AVI, MOV");
    hint.getStyleClass().add("drop-zone-hint");
    VBox zone = new VBox(8, title, hint);
    zone.setId("dropZone");
    zone.getStyleClass().add("drop-zone");
    zone.setAlignment(Pos.CENTER);
    zone.setAccessibleRole(AccessibleRole.TEXT);
    zone.setAccessibleText("Drop zone: drop images, folders or videos here");
    BorderPane.setMargin(zone, new javafx.geometry.Insets(24));
    return zone;
  }

  private static void applyTheme(Parent sceneRoot, boolean dark) {
    sceneRoot.getStyleClass().remove("dark");
    if (dark) {
      sceneRoot.getStyleClass().add("dark");
    }
  }

  private static Region statusBar(MainViewModel viewModel) {
    Label backend = new Label();
    backend.setId("backendStatus");
    backend.getStyleClass().add("status-backend");
    backend.textProperty().bind(viewModel.backendStatusProperty());
    backend.setAccessibleText("Compute backend");
    viewModel
        .backendStateProperty()
        .addListener(
            (observable, before, now) ->
                backend.pseudoClassStateChanged(FAILED, now == MainViewModel.BackendState.FAILED));

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label memory = new Label();
    memory.setId("memoryStatus");
    memory.textProperty().bind(viewModel.memoryStatusProperty());
    Timeline memoryTicker =
        new Timeline(new KeyFrame(Duration.seconds(2), event -> viewModel.refreshMemory()));
    memoryTicker.setCycleCount(Animation.INDEFINITE);
    memoryTicker.play();

    javafx.scene.control.CheckBox dark = new javafx.scene.control.CheckBox("Dark theme");
    dark.setId("themeToggle");
    dark.selectedProperty().bindBidirectional(viewModel.darkProperty());

    HBox bar = new HBox(12, backend, spacer, memory, dark);
    bar.setId("statusBar");
    bar.getStyleClass().add("status-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }
}
