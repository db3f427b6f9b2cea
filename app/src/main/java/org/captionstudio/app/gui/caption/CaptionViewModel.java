package org.captionstudio.app.gui.caption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.captionstudio.app.gui.Settings;
import org.captionstudio.app.gui.TaskExecutor;
import org.captionstudio.app.pipeline.CaptionExport;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.app.pipeline.ModelCard;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.caption.AttentionMap;
import org.captionstudio.core.caption.CaptionOptions;
import org.captionstudio.core.caption.CaptionResult;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.SamplingConfig;
import org.captionstudio.core.io.AtomicFile;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.image.ImageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of image captioning in the window: the model, the batch of files and its progress, and the
 * selected image's caption, alternatives, warnings and per-word attention. Everything here runs on
 * the UI thread; loading, decoding, encoding, decoding captions and writing files go through the
 * {@link TaskExecutor}.
 */
public final class CaptionViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(CaptionViewModel.class);

  /** Loads a model by name ({@code default} or a file): slow, called off the UI thread. */
  public interface ModelLoader {
    LoadedModel load(String model) throws Exception;
  }

  /**
   * One file of the batch.
   *
   * @param file the file
   * @param result its captions, or null while it waits
   */
  public record Entry(Path file, CaptionResult result) {
    public String name() {
      return file.getFileName().toString();
    }

    public boolean done() {
      return result != null;
    }

    /** One line for the list: the caption, the error, or that it waits. */
    public String summary() {
      if (result == null) {
        return "waiting…";
      }
      return result.ok() ? result.nBest().get(0).sentence() : result.error();
    }
  }

  /**
   * An image to show, as packed ARGB pixels.
   *
   * @param file the file it came from
   */
  public record Preview(Path file, int width, int height, int[] argb) {}

  private final TaskExecutor executor;
  private final ModelLoader loader;
  private LoadedModel model;

  private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper("No model loaded.");
  private final ReadOnlyStringWrapper modelCard = new ReadOnlyStringWrapper("");
  private final ObservableList<String> recentModels = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

  private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ObservableList<String> alternatives = FXCollections.observableArrayList();
  private final ObservableList<String> warnings = FXCollections.observableArrayList();
  private final ObservableList<String> words = FXCollections.observableArrayList();
  private final IntegerProperty selectedWord = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<AttentionMap> heatmap = new ReadOnlyObjectWrapper<>();
  private final DoubleProperty opacity = new SimpleDoubleProperty(0.6);
  private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();

  private final javafx.beans.property.StringProperty lastFolder =
      new javafx.beans.property.SimpleStringProperty("");
  private final IntegerProperty beamWidth = new SimpleIntegerProperty(3);
  private final IntegerProperty nBest = new SimpleIntegerProperty(3);

  private final Queue<List<Path>> waiting = new ArrayDeque<>();
  private Cancellation running;

  public CaptionViewModel(TaskExecutor executor, ModelLoader loader) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.loader = Objects.requireNonNull(loader, "loader");
    selected.addListener((o, before, now) -> showSelected());
    selectedWord.addListener((o, before, now) -> showWord());
  }

  /**
   * Loads a model in the background ({@code default} or a bundle file); captioning waits for it.
   */
  public void loadModel(String name) {
    modelReady.set(false);
    modelStatus.set("Loading " + DefaultModel.describe(name) + "…");
    executor.submit(
        () -> loader.load(name),
        loaded -> {
          LoadedModel old = model;
          model = loaded;
          closeQuietly(old);
          modelStatus.set(describe(loaded));
          modelCard.set(ModelCard.text(name, loaded.bundle()));
          if (!DefaultModel.NAME.equals(name)) {
            recentModels.remove(name);
            recentModels.add(0, name);
            if (recentModels.size() > Settings.RECENT) {
              recentModels.remove(Settings.RECENT, recentModels.size());
            }
          }
          modelReady.set(true);
          startNext();
        },
        failure -> {
          LOG.warn("Model {} could not be loaded", name, failure);
          modelStatus.set(sentence(failure));
          details.set(details(failure));
        });
  }

  private static String describe(LoadedModel m) {
    var p = m.bundle().manifest().provenance();
    String data = p.getOrDefault("dataset", "unknown data");
    String images = p.get("trainImages");
    return (m.source().equals(DefaultModel.SOURCE) ? "Default model" : "Model " + m.source())
        + " · trained on "
        + data
        + (images == null ? "" : " (" + images + " images)")
        + " · "
        + m.bundle().vocabulary().size()
        + " words";
  }

  /**
   * Takes the beam width, n-best count and recent models from saved settings, and saves them again
   * (in the background) whenever they change.
   */
  public void useSettings(Settings settings) {
    beamWidth.set(settings.beam());
    nBest.set(settings.nBest());
    recentModels.setAll(settings.recentModels());
    // Checked here, off the UI thread: a folder that is gone is not offered to the file chooser.
    if (!settings.lastFolder().isEmpty()
        && java.nio.file.Files.isDirectory(Path.of(settings.lastFolder()))) {
      lastFolder.set(settings.lastFolder());
    }
    Runnable save =
        () -> {
          settings.withBeam(beamWidth.get(), nBest.get()).withLastFolder(lastFolder.get());
          List<String> recent = new ArrayList<>(recentModels);
          java.util.Collections.reverse(recent);
          recent.forEach(settings::withRecentModel);
          executor.submit(
              () -> {
                settings.save();
                return null;
              },
              done -> {},
              failure -> LOG.warn("Settings could not be saved", failure));
        };
    beamWidth.addListener((o, a, b) -> save.run());
    lastFolder.addListener((o, a, b) -> save.run());
    nBest.addListener((o, a, b) -> save.run());
    recentModels.addListener((javafx.collections.ListChangeListener<String>) c -> save.run());
  }

  /**
   * Captions files and folders (walked for images), after whatever is already queued. The folder
   * walk runs in the background too.
   */
  public void caption(List<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    executor.submit(
        () -> ImageFiles.expand(paths),
        files -> {
          if (files.isEmpty()) {
            message.set("There are no images in what was dropped.");
            return;
          }
          for (Path f : files) {
            entries.add(new Entry(f, null));
          }
          waiting.add(files);
          if (!modelReady.get()) {
            message.set("Captioning starts once the model has loaded.");
          }
          startNext();
        },
        failure -> {
          message.set(sentence(failure));
          details.set(details(failure));
        });
  }

  /** Captions an image pasted from the clipboard: saved as a PNG in the temporary folder first. */
  public void captionPastedImage(javafx.scene.image.Image pasted) {
    int w = (int) pasted.getWidth();
    int h = (int) pasted.getHeight();
    if (w < 1 || h < 1 || pasted.getPixelReader() == null) {
      message.set("The clipboard holds no image that can be read.");
      return;
    }
    int[] argb = new int[w * h];
    pasted
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    executor.submit(
        () -> {
          java.awt.image.BufferedImage img =
              new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
          img.setRGB(0, 0, w, h, argb, 0, w);
          Path dir =
              java.nio.file.Files.createDirectories(
                  Path.of(System.getProperty("java.io.tmpdir"), "captionstudio-pasted"));
          Path file = dir.resolve("pasted-" + System.currentTimeMillis() + ".png");
          javax.imageio.ImageIO.write(img, "png", file.toFile());
          return file;
        },
        file -> caption(List.of(file)),
        failure -> message.set("The pasted image could not be saved: " + sentence(failure)));
  }

  private void startNext() {
    if (busy.get() || !modelReady.get() || waiting.isEmpty()) {
      return;
    }
    List<Path> files = waiting.remove();
    int base = firstWaiting(files.get(0));
    CaptionOptions options = options();
    Cancellation cancel = new Cancellation();
    running = cancel;
    busy.set(true);
    updateProgress();
    LoadedModel current = model;
    int[] arrived = {0};
    executor.submit(
        () -> {
          current
              .captioner()
              .caption(
                  files,
                  options,
                  r -> executor.onUiThread(() -> arrive(base + arrived[0]++, r)),
                  cancel);
          return null;
        },
        done -> finishBatch(cancel),
        failure -> {
          message.set(sentence(failure));
          details.set(details(failure));
          finishBatch(cancel);
        });
  }

  private int firstWaiting(Path file) {
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).done() && entries.get(i).file().equals(file)) {
        return i;
      }
    }
    throw new IllegalStateException(file + " is not waiting");
  }

  private void arrive(int index, CaptionResult r) {
    Entry entry = new Entry(entries.get(index).file(), r);
    boolean wasSelected = selected.get() == entries.get(index);
    entries.set(index, entry);
    if (selected.get() == null || wasSelected) {
      selected.set(entry);
    }
    updateProgress();
  }

  private void finishBatch(Cancellation cancel) {
    if (cancel.isCancelled()) {
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        if (!e.done()) {
          entries.set(
              i,
              new Entry(
                  e.file(),
                  CaptionResult.failed(
                      e.file(),
                      "Not captioned: the batch was cancelled.",
                      CaptionResult.Timings.NONE)));
        }
      }
      waiting.clear();
      message.set("Cancelled.");
    }
    running = null;
    busy.set(false);
    updateProgress();
    startNext();
  }

  /** Stops the batch after the images in progress; the rest are marked as not captioned. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private void updateProgress() {
    long done = entries.stream().filter(Entry::done).count();
    long failed = entries.stream().filter(e -> e.done() && !e.result().ok()).count();
    progress.set(entries.isEmpty() ? 0 : done / (double) entries.size());
    progressText.set(
        entries.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                "%d of %d captioned%s",
                done - failed,
                entries.size(),
                failed == 0 ? "" : ", " + failed + " failed"));
  }

  private CaptionOptions options() {
    int k = Math.max(1, beamWidth.get());
    int n = Math.max(1, Math.min(k, nBest.get()));
    return new CaptionOptions(
        CaptionOptions.Strategy.BEAM,
        new BeamSearchConfig(k, 30, 0.0, n),
        SamplingConfig.defaults(),
        8);
  }

  private void showSelected() {
    Entry e = selected.get();
    alternatives.clear();
    warnings.clear();
    words.clear();
    heatmap.set(null);
    selectedWord.set(-1);
    if (e == null || !e.done()) {
      caption.set(e == null ? "" : "Waiting to be captioned…");
      error.set("");
    } else if (!e.result().ok()) {
      caption.set("");
      error.set(e.result().error());
    } else {
      CaptionResult r = e.result();
      error.set("");
      caption.set(r.nBest().get(0).sentence());
      for (int i = 0; i < r.nBest().size(); i++) {
        CaptionResult.Candidate c = r.nBest().get(i);
        alternatives.add(
            String.format(
                Locale.ROOT, "%d. %s   (log p %.2f)", i + 1, c.text(), c.logProbability()));
      }
      warnings.addAll(r.warnings());
      words.addAll(r.nBest().get(0).words());
      if (!words.isEmpty()) {
        selectedWord.set(0);
      }
    }
    loadPreview(e);
  }

  private void loadPreview(Entry e) {
    if (e == null) {
      preview.set(null);
      return;
    }
    Path file = e.file();
    if (preview.get() != null && preview.get().file().equals(file)) {
      return;
    }
    preview.set(null);
    executor.submit(
        () -> preview(file),
        p -> {
          if (selected.get() != null && selected.get().file().equals(file)) {
            preview.set(p);
          }
        },
        failure -> LOG.debug("No preview of {}: {}", file, failure.getMessage()));
  }

  /** Decodes an image for display, at most 1024 px on its long side. */
  static Preview preview(Path file) throws Exception {
    DecodedImage image = new ImageDecoder().decode(file);
    int w = image.width();
    int h = image.height();
    int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / 1024.0));
    int pw = (w + step - 1) / step;
    int ph = (h + step - 1) / step;
    int[] argb = new int[pw * ph];
    for (int y = 0; y < ph; y++) {
      for (int x = 0; x < pw; x++) {
        argb[y * pw + x] = 0xFF000000 | image.rgbAt(x * step, y * step);
      }
    }
    return new Preview(file, pw, ph, argb);
  }

  private void showWord() {
    Entry e = selected.get();
    int w = selectedWord.get();
    if (e == null || !e.done() || !e.result().ok() || w < 0 || w >= e.result().attention().size()) {
      heatmap.set(null);
      return;
    }
    heatmap.set(e.result().attention().get(w));
  }

  /** Steps "play" to the next word; false when the last word was already shown. */
  public boolean advanceWord() {
    if (selectedWord.get() + 1 >= words.size()) {
      return false;
    }
    selectedWord.set(selectedWord.get() + 1);
    return true;
  }

  /** The selected image's best caption as alt text, or empty. */
  public String altText() {
    Entry e = selected.get();
    return e != null && e.done() && e.result().ok() ? e.result().nBest().get(0).sentence() : "";
  }

  /** The captions so far, in file order. */
  public List<CaptionResult> results() {
    List<CaptionResult> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.done()) {
        out.add(e.result());
      }
    }
    return out;
  }

  /** Writes the captions so far as CSV, atomically, in the background. */
  public void exportCsv(Path file) {
    export(file, CaptionExport.csv(results()));
  }

  /** Writes the captions so far as coco-caption results JSON, atomically, in the background. */
  public void exportCocoResults(Path file) {
    try {
      export(file, CaptionExport.cocoResults(results()));
    } catch (IOException e) {
      message.set(sentence(e));
    }
  }

  private void export(Path file, byte[] content) {
    int count = (int) results().stream().filter(CaptionResult::ok).count();
    executor.submit(
        () -> {
          AtomicFile.write(file, out -> out.write(content));
          return null;
        },
        done -> message.set("Wrote " + count + " captions to " + file.getFileName() + "."),
        failure ->
            message.set(
                "Could not write " + file + " (" + failure.getMessage() + "); nothing changed."));
  }

  /** Closes the model. */
  public void close() {
    cancel();
    closeQuietly(model);
    model = null;
  }

  private static void closeQuietly(LoadedModel m) {
    if (m != null) {
      try {
        m.close();
      } catch (Exception e) {
        LOG.debug("Closing the model failed", e);
      }
    }
  }

  /** The technical side of a failure, for the "details" toggle: each cause's type and message. */
  static String details(Throwable failure) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(t.getClass().getName())
          .append(": ")
          .append(String.valueOf(t.getMessage()))
          .append('\n');
    }
    return out + "The log has the full trace: ~/.captionstudio/logs/captionstudio.log";
  }

  /** A failure as one plain sentence. */
  static String sentence(Throwable failure) {
    String m = failure.getMessage();
    return m == null || m.isBlank()
        ? "Something went wrong (" + failure.getClass().getSimpleName() + "); see the log."
        : m.lines().findFirst().orElse(m);
  }

  public ReadOnlyStringProperty modelStatusProperty() {
    return modelStatus.getReadOnlyProperty();
  }

  /** The loaded model's card (encoder, vocabulary, training data, metrics, provenance). */
  public ReadOnlyStringProperty modelCardProperty() {
    return modelCard.getReadOnlyProperty();
  }

  /** Model files opened lately, newest first. */
  public ObservableList<String> recentModels() {
    return recentModels;
  }

  public ReadOnlyBooleanProperty modelReadyProperty() {
    return modelReady.getReadOnlyProperty();
  }

  public ObservableList<Entry> entries() {
    return entries;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** What went wrong technically, behind the message's "details" toggle; empty when nothing did. */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ObjectProperty<Entry> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty captionProperty() {
    return caption.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ObservableList<String> alternatives() {
    return alternatives;
  }

  public ObservableList<String> warnings() {
    return warnings;
  }

  public ObservableList<String> words() {
    return words;
  }

  public IntegerProperty selectedWordProperty() {
    return selectedWord;
  }

  public ReadOnlyObjectProperty<AttentionMap> heatmapProperty() {
    return heatmap.getReadOnlyProperty();
  }

  public DoubleProperty opacityProperty() {
    return opacity;
  }

  public ReadOnlyObjectProperty<Preview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** The folder files were last opened from, for the file chooser; empty for none. */
  public javafx.beans.property.StringProperty lastFolderProperty() {
    return lastFolder;
  }

  public IntegerProperty beamWidthProperty() {
    return beamWidth;
  }

  public IntegerProperty nBestProperty() {
    return nBest;
  }
}
