package org.captionstudio.app.gui.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.captionstudio.app.gui.CurrentThreadTaskExecutor;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.caption.AttentionMap;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The captioning view model on the default model and real files, work run on the test thread. */
class CaptionViewModelTest {
  @TempDir static Path dir;
  static Path images;
  static Path broken;
  private final CaptionViewModel vm =
      new CaptionViewModel(new CurrentThreadTaskExecutor(), LoadedModel::load);

  @BeforeAll
  static void files() throws Exception {
    ShapesWorld.generate(
        new SynthConfig(10, 0, 31, 128, 0, 1.0, CaptionStyle.CANONICAL),
        dir.resolve("sw"),
        ProgressListener.NONE);
    images = dir.resolve("sw/images/test");
    broken = Files.writeString(dir.resolve("broken.png"), "not a picture");
  }

  @AfterEach
  void close() {
    vm.close();
  }

  @Test
  void droppedFilesAreCaptionedAndTheFirstIsShownWithItsWordsAndHeatmaps() {
    vm.loadModel("default");
    assertTrue(vm.modelReadyProperty().get(), vm.modelStatusProperty().get());
    assertTrue(vm.modelStatusProperty().get().startsWith("Default model · trained on"));

    vm.caption(List.of(images, broken));
    assertEquals(11, vm.entries().size());
    assertTrue(vm.entries().stream().allMatch(CaptionViewModel.Entry::done));
    assertFalse(vm.busyProperty().get());
    assertEquals("10 of 11 captioned, 1 failed", vm.progressTextProperty().get());
    assertEquals(1.0, vm.progressProperty().get());

    CaptionViewModel.Entry first = vm.selectedProperty().get();
    assertEquals(vm.entries().get(0), first);
    String caption = vm.captionProperty().get();
    assertTrue(caption.endsWith(".") && Character.isUpperCase(caption.charAt(0)), caption);
    assertEquals(caption, vm.altText());
    assertEquals(3, vm.alternatives().size());
    assertTrue(vm.alternatives().get(0).startsWith("1. "), vm.alternatives().toString());
    assertEquals(first.result().nBest().get(0).words(), vm.words());
    assertNotNull(vm.previewProperty().get(), "the image is decoded for display");
    assertEquals(128, vm.previewProperty().get().width());

    // Each word has its own heatmap; play steps through them to the last word.
    assertEquals(0, vm.selectedWordProperty().get());
    AttentionMap firstWord = vm.heatmapProperty().get();
    assertEquals(vm.words().get(0), firstWord.word());
    List<AttentionMap> seen = new ArrayList<>(List.of(firstWord));
    while (vm.advanceWord()) {
      seen.add(vm.heatmapProperty().get());
    }
    assertEquals(vm.words().size(), seen.size());
    assertEquals(vm.words().get(vm.words().size() - 1), seen.get(seen.size() - 1).word());
    assertTrue(
        seen.stream().map(m -> m.peakCell()).distinct().count() > 1,
        "the model looks at different places for different words");

    vm.selectedProperty().set(vm.entries().get(10));
    assertEquals("", vm.captionProperty().get());
    assertTrue(vm.errorProperty().get().contains("broken.png"), vm.errorProperty().get());
    assertTrue(vm.words().isEmpty());
    assertEquals(null, vm.heatmapProperty().get());
  }

  @Test
  void filesDroppedBeforeTheModelHasLoadedWaitForIt() {
    vm.caption(List.of(images));
    assertEquals(10, vm.entries().size());
    assertFalse(vm.entries().get(0).done());
    assertEquals("Captioning starts once the model has loaded.", vm.messageProperty().get());
    vm.loadModel("default");
    assertTrue(vm.entries().stream().allMatch(CaptionViewModel.Entry::done));
  }

  @Test
  void cancellingMarksTheRestAsNotCaptioned() {
    vm.loadModel("default");
    vm.entries()
        .addListener(
            (ListChangeListener<CaptionViewModel.Entry>)
                c -> {
                  while (c.next()) {
                    if (c.wasReplaced() && c.getAddedSubList().get(0).done()) {
                      vm.cancel();
                    }
                  }
                });
    vm.caption(List.of(images));
    // The batch in progress (8 images) finishes; the other two are not captioned.
    long captioned = vm.entries().stream().filter(e -> e.result().ok()).count();
    assertEquals(8, captioned);
    assertEquals("Not captioned: the batch was cancelled.", vm.entries().get(9).result().error());
    assertEquals("Cancelled.", vm.messageProperty().get());
  }

  @Test
  void exportsWriteTheCaptionsAndAModelThatIsNotThereIsOneSentence() throws Exception {
    vm.loadModel(dir.resolve("missing.zip").toString());
    assertFalse(vm.modelReadyProperty().get());
    assertEquals(
        "There is no model file " + dir.resolve("missing.zip") + ".",
        vm.modelStatusProperty().get());
    assertTrue(
        vm.detailsProperty().get().startsWith("org.captionstudio.core.ModelLoadException: There"),
        vm.detailsProperty().get());

    String file =
        Path.of("../assets/src/main/resources/org/captionstudio/assets/default-model.zip")
            .toString();
    vm.loadModel(file);
    assertTrue(vm.modelReadyProperty().get(), vm.modelStatusProperty().get());
    assertEquals(List.of(file), vm.recentModels());
    vm.loadModel("default");
    assertEquals(List.of(file), vm.recentModels(), "the default model is not a recent file");
    assertTrue(vm.modelCardProperty().get().startsWith("Model          default (format"));
    assertTrue(vm.modelCardProperty().get().contains("Vocabulary     42 words"));
    vm.caption(List.of(images));
    Path csv = dir.resolve("out.csv");
    vm.exportCsv(csv);
    assertEquals("Wrote 10 captions to out.csv.", vm.messageProperty().get());
    assertEquals(1 + 10 * 3, Files.readAllLines(csv).size());
    vm.exportCocoResults(broken.resolve("results.json")); // a file, not a folder
    assertTrue(
        vm.messageProperty().get().startsWith("Could not write "), vm.messageProperty().get());
    assertNotEquals("", vm.captionProperty().get());
  }

  @Test
  void preferencesFollowTheSettingsFileBothWays() throws Exception {
    Path file = dir.resolve("settings.properties");
    org.captionstudio.app.gui.Settings.load(file)
        .withBeam(5, 4)
        .withLastFolder(dir.resolve("gone").toString())
        .save();
    vm.useSettings(org.captionstudio.app.gui.Settings.load(file));
    assertEquals(5, vm.beamWidthProperty().get());
    assertEquals(4, vm.nBestProperty().get());
    assertEquals("", vm.lastFolderProperty().get(), "a folder that is gone is not offered");

    vm.lastFolderProperty().set(images.toString());
    vm.nBestProperty().set(2);
    org.captionstudio.app.gui.Settings saved = org.captionstudio.app.gui.Settings.load(file);
    assertEquals(images.toString(), saved.lastFolder());
    assertEquals(2, saved.nBest());
  }
}
