package org.captionstudio.app.gui.video;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.captionstudio.app.gui.FileDialogs;
import org.captionstudio.core.video.SubtitleFormat;
import org.captionstudio.core.video.TimedCaption;

/**
 * Describing a video: the overall description, the timed segments, and a strip of the selected
 * segment's frames with their times; subtitles export as SRT or WebVTT. Binds to {@link
 * VideoViewModel} and holds no state of its own.
 */
public final class VideoView {
  private final VideoViewModel viewModel;
  private final BorderPane root = new BorderPane();

  public VideoView(VideoViewModel viewModel) {
    this.viewModel = viewModel;
    root.getStyleClass().add("video-view");
    root.setTop(toolbar());
    root.setCenter(body());
    root.setOnDragOver(FileDialogs::acceptFiles);
    root.setOnDragDropped(this::dropped);
  }

  public Parent root() {
    return root;
  }

  private Node toolbar() {
    Button open = new Button("Open video…");
    open.setId("openVideoButton");
    open.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Describe a video");
          chooser
              .getExtensionFilters()
              .add(
                  new FileChooser.ExtensionFilter(
                      "Videos",
                      org.captionstudio.vision.video.VideoFiles.EXTENSIONS.stream()
                          .map(x -> "*." + x)
                          .toList()));
          File file = chooser.showOpenDialog(root.getScene().getWindow());
          if (file != null) {
            viewModel.open(file.toPath());
          }
        });
    Button cancel = new Button("Cancel");
    cancel.setId("cancelVideoButton");
    cancel.disableProperty().bind(viewModel.busyProperty().not());
    cancel.setOnAction(e -> viewModel.cancel());
    Button srt = new Button("Export SRT…");
    srt.setId("exportSrtButton");
    srt.setOnAction(
        e ->
            FileDialogs.saveAs(root.getScene().getWindow(), "SRT", "*.srt", null)
                .ifPresent(p -> viewModel.export(p, SubtitleFormat.SRT)));
    Button vtt = new Button("Export WebVTT…");
    vtt.setId("exportVttButton");
    vtt.setOnAction(
        e ->
            FileDialogs.saveAs(root.getScene().getWindow(), "WebVTT", "*.vtt", null)
                .ifPresent(p -> viewModel.export(p, SubtitleFormat.WEBVTT)));
    srt.disableProperty().bind(Bindings.isEmpty(viewModel.segments()));
    vtt.disableProperty().bind(Bindings.isEmpty(viewModel.segments()));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(viewModel.busyProperty());
    Label status = new Label();
    status.setId("videoStatus");
    status.textProperty().bind(viewModel.statusProperty());
    return new ToolBar(open, cancel, srt, vtt, spinner, status);
  }

  private Node body() {
    Label description = new Label();
    description.setId("videoDescription");
    description.getStyleClass().add("caption-text");
    description.setWrapText(true);
    description.textProperty().bind(viewModel.descriptionProperty());
    ListView<TimedCaption> segments = new ListView<>(viewModel.segments());
    segments.setId("segmentList");
    segments.setAccessibleText("Timed segments of the video");
    segments.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(TimedCaption item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : VideoViewModel.label(item));
              }
            });
    segments
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, before, now) -> {
              if (now != null) {
                viewModel.selectedProperty().set(now);
              }
            });
    viewModel
        .selectedProperty()
        .addListener(
            (o, before, now) -> {
              if (now != null && segments.getSelectionModel().getSelectedItem() != now) {
                segments.getSelectionModel().select(now);
              }
            });
    HBox strip = new HBox(8);
    strip.setId("frameStrip");
    strip.setPadding(new Insets(6));
    viewModel
        .frames()
        .addListener(
            (ListChangeListener<VideoViewModel.Frame>)
                c -> {
                  strip.getChildren().clear();
                  for (VideoViewModel.Frame f : viewModel.frames()) {
                    WritableImage img = new WritableImage(f.width(), f.height());
                    img.getPixelWriter()
                        .setPixels(
                            0,
                            0,
                            f.width(),
                            f.height(),
                            PixelFormat.getIntArgbInstance(),
                            f.argb(),
                            0,
                            f.width());
                    VBox cell = new VBox(2, new ImageView(img), new Label(f.label()));
                    cell.setAlignment(Pos.CENTER);
                    strip.getChildren().add(cell);
                  }
                });
    ScrollPane stripScroll = new ScrollPane(strip);
    stripScroll.setPrefViewportHeight(160);
    stripScroll.setFitToHeight(true);
    VBox warnings = new VBox(2);
    viewModel
        .warnings()
        .addListener(
            (ListChangeListener<String>)
                c -> {
                  warnings.getChildren().clear();
                  viewModel
                      .warnings()
                      .forEach(w -> warnings.getChildren().add(new Label("⚠ " + w)));
                });
    VBox.setVgrow(segments, Priority.ALWAYS);
    VBox box = new VBox(10, description, warnings, stripScroll, segments);
    box.setPadding(new Insets(12));
    return box;
  }

  private void dropped(DragEvent event) {
    boolean ok = event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty();
    if (ok) {
      viewModel.open(event.getDragboard().getFiles().get(0).toPath());
    }
    event.setDropCompleted(ok);
    event.consume();
  }
}
