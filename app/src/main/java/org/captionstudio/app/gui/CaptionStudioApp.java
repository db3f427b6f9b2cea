package org.captionstudio.app.gui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.captionstudio.app.gui.caption.CaptionView;
import org.captionstudio.app.gui.caption.CaptionViewModel;
import org.captionstudio.app.gui.main.MainView;
import org.captionstudio.app.gui.main.MainViewModel;
import org.captionstudio.app.gui.video.VideoView;
import org.captionstudio.app.gui.video.VideoViewModel;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.core.runtime.BackendInfo;
import org.captionstudio.vision.video.VideoSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The window comes up first; ND4J loads afterwards on a worker thread, so a
 * warm start shows the window in well under two seconds.
 */
public final class CaptionStudioApp extends Application {
  static final String TITLE = "Caption Studio";
  private static final Logger LOG = LoggerFactory.getLogger(CaptionStudioApp.class);

  private FxTaskExecutor executor;
  private CaptionViewModel captions;
  private VideoViewModel videos;

  @Override
  public void start(Stage stage) {
    executor = new FxTaskExecutor();
    MainViewModel viewModel = new MainViewModel(executor, BackendInfo::probe);
    captions = new CaptionViewModel(executor, LoadedModel::load);
    videos = new VideoViewModel(executor, LoadedModel::loadVideo, new VideoSampler());
    VideoView videoView = new VideoView(videos);
    MainView view =
        new MainView(
            viewModel,
            empty -> {
              Tab images = new Tab("Images");
              Tab video = new Tab("Video", videoView.root());
              images.setContent(
                  new CaptionView(
                          captions,
                          empty,
                          file -> {
                            images.getTabPane().getSelectionModel().select(video);
                            videos.open(file);
                          })
                      .root());
              TabPane tabs = new TabPane(images, video);
              tabs.setId("mainTabs");
              tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
              return tabs;
            });
    // Saved preferences are read off the FX thread, then followed and saved on change.
    executor.submit(
        () -> Settings.load(Settings.defaultFile()),
        settings -> {
          viewModel.darkProperty().set(settings.dark());
          captions.useSettings(settings);
          viewModel
              .darkProperty()
              .addListener(
                  (o, before, now) ->
                      executor.submit(
                          () -> {
                            settings.withDark(now).save();
                            return null;
                          },
                          done -> {},
                          failure -> LOG.warn("Settings could not be saved", failure)));
        },
        failure -> LOG.warn("Settings could not be read", failure));
    // The model loads once ND4J is up, both off the FX thread.
    viewModel
        .backendStateProperty()
        .addListener(
            (o, before, now) -> {
              if (now == MainViewModel.BackendState.READY) {
                captions.loadModel(DefaultModel.NAME);
              }
            });

    Scene scene = new Scene(view.root(), 1100, 720);
    scene.getStylesheets().add(Theme.stylesheet());
    stage.setTitle(TITLE);
    stage.getIcons().add(Theme.icon());
    stage.setMinWidth(640);
    stage.setMinHeight(420);
    stage.setScene(scene);
    stage.show();
    LOG.info(
        "Window shown {} ms after the JVM started",
        ManagementFactory.getRuntimeMXBean().getUptime());

    viewModel.loadBackend();
  }

  @Override
  public void stop() {
    if (captions != null) {
      captions.close();
    }
    if (videos != null) {
      videos.close();
    }
    if (executor != null) {
      executor.close();
    }
  }
}
