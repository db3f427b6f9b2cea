package org.captionstudio.app.gui.caption;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.captionstudio.app.gui.FileDialogs;
import org.captionstudio.core.caption.AttentionMap;

/**
 * Captioning images: drop files or folders (or open or paste them), watch the list fill, and look
 * at the selected image with its caption, alternatives, warnings and, word by word, where the model
 * looked. It binds to {@link CaptionViewModel} and holds no state of its own.
 */
public final class CaptionView {
  /** The longest side the heatmap raster is drawn at; the view scales it with the image. */
  private static final int HEATMAP_SIDE = 256;

  private final CaptionViewModel viewModel;
  private final BorderPane root = new BorderPane();
  private final ImageView image = new ImageView();
  private final ImageView heat = new ImageView();
  private final Timeline player = new Timeline();

  private final java.util.function.Consumer<Path> onVideo;

  /**
   * @param emptyState what shows while nothing was dropped yet
   * @param onVideo where a dropped or pasted video file goes (the video view)
   */
  public CaptionView(
      CaptionViewModel viewModel, Node emptyState, java.util.function.Consumer<Path> onVideo) {
    this.viewModel = viewModel;
    this.onVideo = onVideo;
    root.getStyleClass().add("caption-view");
    root.setTop(toolbar());
    SplitPane split = new SplitPane(batchList(), picture(), details());
    split.setDividerPositions(0.24, 0.66);
    StackPane centre = new StackPane(split, emptyState);
    emptyState.visibleProperty().bind(Bindings.isEmpty(viewModel.entries()));
    split.visibleProperty().bind(Bindings.isNotEmpty(viewModel.entries()));
    root.setCenter(centre);
    root.setOnDragOver(FileDialogs::acceptFiles);
    root.setOnDragDropped(this::dropped);
    player.setCycleCount(Timeline.INDEFINITE);
    player
        .getKeyFrames()
        .add(
            new KeyFrame(
                Duration.millis(700),
                e -> {
                  if (!viewModel.advanceWord()) {
                    player.stop();
                  }
                }));
  }

  public Parent root() {
    return root;
  }

  private Node toolbar() {
    Button open = new Button("Open…");
    open.setId("openButton");
    open.setTooltip(new Tooltip("Caption image files (Ctrl+O)"));
    open.setOnAction(e -> openFiles());
    Button paste = new Button("Paste");
    paste.setId("pasteButton");
    paste.setTooltip(new Tooltip("Caption the files on the clipboard (Ctrl+V)"));
    paste.setOnAction(e -> paste());
    Button csv = new Button("Export CSV…");
    csv.setId("exportCsvButton");
    csv.setOnAction(
        e ->
            FileDialogs.saveAs(root.getScene().getWindow(), "CSV", "*.csv", "captions.csv")
                .ifPresent(viewModel::exportCsv));
    Button coco = new Button("Export results JSON…");
    coco.setId("exportCocoButton");
    coco.setTooltip(new Tooltip("coco-caption results format: [{image_id, caption}]"));
    coco.setOnAction(
        e ->
            FileDialogs.saveAs(root.getScene().getWindow(), "JSON", "*.json", "results.json")
                .ifPresent(viewModel::exportCocoResults));
    Button copy = new Button("Copy alt text");
    copy.setId("copyAltTextButton");
    copy.setTooltip(new Tooltip("Copy the selected caption as alt text (Ctrl+Shift+C)"));
    copy.setOnAction(e -> copyAltText());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelButton");
    cancel.disableProperty().bind(viewModel.busyProperty().not());
    cancel.setOnAction(e -> viewModel.cancel());
    for (Button b : List.of(csv, coco, copy)) {
      b.disableProperty().bind(Bindings.isEmpty(viewModel.entries()));
    }
    Label model = new Label();
    model.setId("modelStatus");
    model.getStyleClass().add("model-status");
    model.textProperty().bind(viewModel.modelStatusProperty());
    root.sceneProperty()
        .addListener(
            (o, before, scene) -> {
              if (scene != null) {
                scene.getAccelerators().put(key(KeyCode.O), this::openFiles);
                scene.getAccelerators().put(key(KeyCode.V), this::paste);
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(
                            KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::copyAltText);
              }
            });
    Spinner<Integer> beam =
        spinner(
            "beamSpinner",
            "Beam width: partial captions kept at each step",
            viewModel.beamWidthProperty());
    Spinner<Integer> best =
        spinner(
            "nBestSpinner",
            "How many captions to list per image (at most the beam width)",
            viewModel.nBestProperty());
    ToolBar bar =
        new ToolBar(
            modelMenu(),
            open,
            paste,
            csv,
            coco,
            copy,
            cancel,
            new Label("Beam"),
            beam,
            new Label("Best"),
            best);
    model.setPadding(new Insets(2, 10, 4, 10));
    return new VBox(bar, model);
  }

  /** A 1–10 spinner that follows and sets an integer setting. */
  private static Spinner<Integer> spinner(
      String id, String tooltip, javafx.beans.property.IntegerProperty setting) {
    Spinner<Integer> spinner = new Spinner<>(1, 10, setting.get());
    spinner.setId(id);
    spinner.setPrefWidth(70);
    spinner.setTooltip(new Tooltip(tooltip));
    spinner.getValueFactory().valueProperty().addListener((o, a, b) -> setting.set(b));
    setting.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
    return spinner;
  }

  private Node modelMenu() {
    MenuButton menu = new MenuButton("Model");
    menu.setId("modelMenu");
    Runnable rebuild =
        () -> {
          menu.getItems().clear();
          MenuItem open = new MenuItem("Open model…");
          open.setOnAction(
              e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open a model bundle");
                chooser
                    .getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter("Model", "*.zip"));
                File file = chooser.showOpenDialog(root.getScene().getWindow());
                if (file != null) {
                  viewModel.loadModel(file.getPath());
                }
              });
          MenuItem standard = new MenuItem("Default model");
          standard.setOnAction(e -> viewModel.loadModel("default"));
          menu.getItems().addAll(open, standard);
          if (!viewModel.recentModels().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
            for (String recent : viewModel.recentModels()) {
              MenuItem item = new MenuItem(recent);
              item.setOnAction(e -> viewModel.loadModel(recent));
              menu.getItems().add(item);
            }
          }
          MenuItem card = new MenuItem("Model card…");
          card.setId("modelCardItem");
          card.setOnAction(e -> showCard());
          menu.getItems().addAll(new SeparatorMenuItem(), card);
        };
    rebuild.run();
    viewModel.recentModels().addListener((ListChangeListener<String>) c -> rebuild.run());
    return menu;
  }

  private void showCard() {
    TextArea text = new TextArea(viewModel.modelCardProperty().get());
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefSize(760, 420);
    text.getStyleClass().add("model-card");
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.setTitle("Model card");
    alert.setHeaderText(viewModel.modelStatusProperty().get());
    alert.getDialogPane().setContent(text);
    alert.initOwner(root.getScene().getWindow());
    alert.show();
  }

  private static KeyCombination key(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }

  private Node batchList() {
    ListView<CaptionViewModel.Entry> list = new ListView<>(viewModel.entries());
    list.setId("resultList");
    list.setAccessibleText("Captioned images");
    list.setCellFactory(
        v ->
            new ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(CaptionViewModel.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().remove("failed");
                if (empty || entry == null) {
                  setText(null);
                } else {
                  setText(entry.name() + "\n" + entry.summary());
                  if (entry.done() && !entry.result().ok()) {
                    getStyleClass().add("failed");
                  }
                }
              }
            });
    viewModel
        .selectedProperty()
        .addListener(
            (o, before, now) -> {
              if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, before, now) -> {
              if (now != null) {
                viewModel.selectedProperty().set(now);
              }
            });
    ProgressBar bar = new ProgressBar();
    bar.setId("batchProgress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(viewModel.progressProperty());
    Label text = new Label();
    text.setId("batchProgressText");
    text.textProperty().bind(viewModel.progressTextProperty());
    Label message = new Label();
    message.setId("captionMessage");
    message.setWrapText(true);
    message.textProperty().bind(viewModel.messageProperty());
    VBox.setVgrow(list, Priority.ALWAYS);
    javafx.scene.control.ToggleButton showDetails =
        new javafx.scene.control.ToggleButton("Details");
    showDetails.setId("detailsToggle");
    showDetails.visibleProperty().bind(viewModel.detailsProperty().isNotEmpty());
    showDetails.managedProperty().bind(showDetails.visibleProperty());
    TextArea details = new TextArea();
    details.setId("errorDetails");
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(5);
    details.textProperty().bind(viewModel.detailsProperty());
    details
        .visibleProperty()
        .bind(showDetails.selectedProperty().and(showDetails.visibleProperty()));
    details.managedProperty().bind(details.visibleProperty());
    VBox box = new VBox(6, list, bar, text, message, showDetails, details);
    box.setPadding(new Insets(8));
    return box;
  }

  private Node picture() {
    image.setPreserveRatio(true);
    heat.setPreserveRatio(true);
    heat.setId("heatmap");
    heat.setMouseTransparent(true);
    heat.opacityProperty().bind(viewModel.opacityProperty());
    image.setSmooth(true);
    heat.setSmooth(true);
    StackPane stack = new StackPane(image, heat);
    stack.setId("picture");
    stack.setMinSize(100, 100);
    image.fitWidthProperty().bind(stack.widthProperty().subtract(16));
    image.fitHeightProperty().bind(stack.heightProperty().subtract(16));
    heat.fitWidthProperty().bind(image.fitWidthProperty());
    heat.fitHeightProperty().bind(image.fitHeightProperty());
    viewModel.previewProperty().addListener((o, before, now) -> showPreview(now));
    viewModel.heatmapProperty().addListener((o, before, now) -> showHeatmap(now));
    return stack;
  }

  private void showPreview(CaptionViewModel.Preview p) {
    if (p == null) {
      image.setImage(null);
      return;
    }
    WritableImage img = new WritableImage(p.width(), p.height());
    img.getPixelWriter()
        .setPixels(
            0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
    image.setImage(img);
    showHeatmap(viewModel.heatmapProperty().get());
  }

  /**
   * Draws the word's attention over the image as a spotlight: the image is darkened where the model
   * did not look and tinted warm where it did, so the attended region stands out at any opacity.
   */
  private void showHeatmap(AttentionMap map) {
    if (map == null) {
      heat.setImage(null);
      return;
    }
    double scale = HEATMAP_SIDE / (double) Math.max(map.imageWidth(), map.imageHeight());
    int w = Math.max(1, (int) Math.round(map.imageWidth() * scale));
    int h = Math.max(1, (int) Math.round(map.imageHeight() * scale));
    float[] raster = map.render(w, h);
    float max = 1e-9f;
    for (float v : raster) {
      max = Math.max(max, v);
    }
    int[] argb = new int[w * h];
    for (int i = 0; i < raster.length; i++) {
      double v = raster[i] / max;
      int alpha = (int) Math.round(230 - 170 * v);
      int red = (int) Math.round(255 * v);
      int green = (int) Math.round(200 * v);
      argb[i] = (alpha << 24) | (red << 16) | (green << 8);
    }
    WritableImage img = new WritableImage(w, h);
    img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    heat.setImage(img);
  }

  private Node details() {
    Label caption = new Label();
    caption.setId("captionText");
    caption.getStyleClass().add("caption-text");
    caption.setWrapText(true);
    caption.textProperty().bind(viewModel.captionProperty());
    caption.setAccessibleRole(AccessibleRole.TEXT);
    Label error = new Label();
    error.setId("captionError");
    error.getStyleClass().add("caption-error");
    error.setWrapText(true);
    error.textProperty().bind(viewModel.errorProperty());
    error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    FlowPane words = new FlowPane(4, 4);
    words.setId("captionWords");
    words.setAccessibleText("Words of the caption: choose one to see where the model looked");
    ToggleGroup group = new ToggleGroup();
    Runnable rebuild =
        () -> {
          words.getChildren().clear();
          group.getToggles().clear();
          for (int i = 0; i < viewModel.words().size(); i++) {
            int index = i;
            ToggleButton b = new ToggleButton(viewModel.words().get(i));
            b.getStyleClass().add("caption-word");
            b.setId("word" + i);
            b.setToggleGroup(group);
            b.setSelected(viewModel.selectedWordProperty().get() == i);
            b.setOnAction(e -> viewModel.selectedWordProperty().set(index));
            words.getChildren().add(b);
          }
        };
    viewModel.words().addListener((ListChangeListener<String>) c -> rebuild.run());
    viewModel
        .selectedWordProperty()
        .addListener(
            (o, before, now) -> {
              int i = now.intValue();
              if (i >= 0 && i < group.getToggles().size()) {
                group.selectToggle(group.getToggles().get(i));
              }
            });

    Slider opacity = new Slider(0, 1, 0.6);
    opacity.setId("heatmapOpacity");
    opacity.setAccessibleText("Heatmap opacity");
    opacity.valueProperty().bindBidirectional(viewModel.opacityProperty());
    Button play = new Button("Play");
    play.setId("playButton");
    play.setTooltip(new Tooltip("Step through the words and where the model looked for each"));
    play.setOnAction(
        e -> {
          viewModel.selectedWordProperty().set(0);
          player.playFromStart();
        });
    play.disableProperty().bind(Bindings.isEmpty(viewModel.words()));
    HBox heatControls = new HBox(8, new Label("Heatmap"), opacity, play);
    heatControls.setAlignment(Pos.CENTER_LEFT);

    Label alternativesTitle = new Label("Best captions");
    alternativesTitle.getStyleClass().add("section-title");
    ListView<String> alternatives = new ListView<>(viewModel.alternatives());
    alternatives.setId("nBestList");
    alternatives.setPrefHeight(110);
    alternatives.setAccessibleText("The best captions with their log-probabilities");
    alternatives.setCellFactory(
        v ->
            new ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
              }
            });
    VBox warnings = new VBox(4);
    warnings.setId("captionWarnings");
    viewModel
        .warnings()
        .addListener(
            (ListChangeListener<String>)
                c -> {
                  warnings.getChildren().clear();
                  for (String w : viewModel.warnings()) {
                    Label l = new Label("⚠ " + w);
                    l.setWrapText(true);
                    l.getStyleClass().add("caption-warning");
                    warnings.getChildren().add(l);
                  }
                });
    VBox box =
        new VBox(
            10, caption, error, words, heatControls, warnings, alternativesTitle, alternatives);
    box.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void dropped(DragEvent event) {
    boolean ok = event.getDragboard().hasFiles();
    if (ok) {
      route(event.getDragboard().getFiles().stream().map(File::toPath).toList());
    }
    event.setDropCompleted(ok);
    event.consume();
  }

  /** Videos go to the video view (the first of them), everything else is captioned here. */
  private void route(List<Path> files) {
    List<Path> videos =
        files.stream().filter(org.captionstudio.vision.video.VideoFiles::hasVideoName).toList();
    if (!videos.isEmpty()) {
      onVideo.accept(videos.get(0));
    }
    List<Path> rest = files.stream().filter(f -> !videos.contains(f)).toList();
    if (!rest.isEmpty()) {
      viewModel.caption(rest);
    }
  }

  private void openFiles() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Caption images");
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                "Images",
                org.captionstudio.vision.image.ImageFiles.EXTENSIONS.stream()
                    .map(x -> "*." + x)
                    .toList()));
    if (!viewModel.lastFolderProperty().get().isEmpty()) {
      chooser.setInitialDirectory(new File(viewModel.lastFolderProperty().get()));
    }
    List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
    if (files != null && !files.isEmpty()) {
      File parent = files.get(0).getParentFile();
      if (parent != null) {
        viewModel.lastFolderProperty().set(parent.getPath());
      }
      viewModel.caption(files.stream().map(File::toPath).toList());
    }
  }

  private void paste() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    if (clipboard.hasFiles()) {
      route(clipboard.getFiles().stream().map(File::toPath).toList());
    } else if (clipboard.hasImage()) {
      viewModel.captionPastedImage(clipboard.getImage());
    }
  }

  private void copyAltText() {
    String text = viewModel.altText();
    if (!text.isEmpty()) {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    }
  }
}
