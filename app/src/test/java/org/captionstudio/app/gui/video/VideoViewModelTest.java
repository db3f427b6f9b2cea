package org.captionstudio.app.gui.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.captionstudio.app.gui.CurrentThreadTaskExecutor;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.video.SubtitleFormat;
import org.captionstudio.core.video.SubtitleParser;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.captionstudio.vision.video.VideoSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video view model on the default video model and a real clip, work on the test thread. */
class VideoViewModelTest {
  @TempDir static Path dir;
  static Path clip;
  private final VideoViewModel vm =
      new VideoViewModel(
          new CurrentThreadTaskExecutor(), LoadedModel::loadVideo, new VideoSampler());

  @BeforeAll
  static void clip() throws Exception {
    ShapesWorld.generate(
        new SynthConfig(0, 1, 93, 128, 0, 1.0, CaptionStyle.CANONICAL),
        dir.resolve("sw"),
        ProgressListener.NONE);
    try (var list = Files.list(dir.resolve("sw/videos"))) {
      clip = list.sorted().findFirst().orElseThrow();
    }
  }

  @AfterEach
  void close() {
    vm.close();
  }

  @Test
  void aClipIsDescribedWithSegmentsFramesAndSubtitles() throws Exception {
    vm.open(clip);
    assertFalse(vm.busyProperty().get());
    String description = vm.descriptionProperty().get();
    assertTrue(description.endsWith(".") && Character.isUpperCase(description.charAt(0)));
    assertFalse(vm.segments().isEmpty());
    assertEquals(vm.segments().get(0), vm.selectedProperty().get());
    assertEquals(VideoViewModel.STRIP_FRAMES, vm.frames().size());
    double start = vm.selectedProperty().get().start();
    double end = vm.selectedProperty().get().end();
    for (VideoViewModel.Frame f : vm.frames()) {
      assertTrue(
          f.time() >= start - 0.05 && f.time() <= end, f.time() + " in " + start + "–" + end);
      assertTrue(f.width() <= 160 && f.argb().length == f.width() * f.height());
    }
    assertTrue(vm.statusProperty().get().startsWith(clip.getFileName() + " · 0:0"));

    Path srt = dir.resolve("out.srt");
    vm.export(srt, SubtitleFormat.SRT);
    assertEquals(vm.segments().size(), SubtitleParser.parseSrt(Files.readString(srt)).size());
    assertTrue(vm.statusProperty().get().startsWith("Wrote "), vm.statusProperty().get());
  }

  @Test
  void aFileThatIsNotAVideoSaysSoInOneSentence() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
    vm.open(text);
    assertFalse(vm.busyProperty().get());
    assertTrue(vm.segments().isEmpty());
    String status = vm.statusProperty().get();
    assertTrue(status.contains("notes.mp4"), status);
    assertEquals(1, status.lines().count());
  }
}
