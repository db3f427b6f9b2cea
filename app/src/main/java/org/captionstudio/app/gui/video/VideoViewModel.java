package org.captionstudio.app.gui.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.captionstudio.app.gui.TaskExecutor;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.app.pipeline.VideoDescriber;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.video.SubtitleFormat;
import org.captionstudio.core.video.Subtitles;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.core.video.TimedCaption;
import org.captionstudio.core.video.Timestamps;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.video.SampledFrame;
import org.captionstudio.vision.video.VideoSampler;

/**
 * State of the video view: the clip, its description and timed segments, the frames of the selected
 * segment, and subtitle export. Describing, sampling frames and writing files run through the
 * {@link TaskExecutor}; everything here runs on the UI thread.
 */
public final class VideoViewModel {
  /** Frames shown for a selected segment. */
  static final int STRIP_FRAMES = 6;

  /** Loads the video model by name: slow, called off the UI thread. */
  public interface ModelLoader {
    LoadedModel load(String model) throws Exception;
  }

  /**
   * A frame for the strip: its time and pixels (at most 160 px wide).
   *
   * @param argb packed pixels, row-major
   */
  public record Frame(double time, int width, int height, int[] argb) {
    public String label() {
      return Timestamps.clock(time);
    }
  }

  private final TaskExecutor executor;
  private final ModelLoader loader;
  private final VideoSampler sampler;
  private LoadedModel model;
  private Path video;
  private Cancellation running;

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Drop a video here.");
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
  private final ObservableList<TimedCaption> segments = FXCollections.observableArrayList();
  private final ObservableList<String> warnings = FXCollections.observableArrayList();
  private final ObjectProperty<TimedCaption> selected = new SimpleObjectProperty<>();
  private final ObservableList<Frame> frames = FXCollections.observableArrayList();

  public VideoViewModel(TaskExecutor executor, ModelLoader loader, VideoSampler sampler) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    selected.addListener((o, before, now) -> showFrames(now));
  }

  /** Describes a video (or a frame folder) in the background; a running one is cancelled first. */
  public void open(Path file) {
    cancel();
    Cancellation cancel = new Cancellation();
    running = cancel;
    video = file;
    busy.set(true);
    status.set("Describing " + file.getFileName() + "…");
    description.set("");
    segments.clear();
    warnings.clear();
    frames.clear();
    executor.submit(
        () -> {
          if (model == null) {
            model = loader.load(DefaultModel.NAME);
          }
          return new VideoDescriber(model, sampler)
              .describe(
                  file,
                  0,
                  new BeamSearchConfig(3, 30, 0.0, 1),
                  (stage, done, total) ->
                      executor.onUiThread(
                          () -> {
                            if (running == cancel) {
                              status.set(stage + "…");
                            }
                          }),
                  cancel);
        },
        d -> {
          if (running != cancel) {
            return;
          }
          running = null;
          busy.set(false);
          description.set(sentence(d.overall()));
          segments.setAll(d.segments());
          warnings.setAll(d.warnings());
          status.set(
              file.getFileName()
                  + " · "
                  + Timestamps.clock(d.info().duration())
                  + " · "
                  + d.segments().size()
                  + (d.segments().size() == 1 ? " segment" : " segments"));
          if (!segments.isEmpty()) {
            selected.set(segments.get(0));
          }
        },
        failure -> {
          if (running == cancel) {
            running = null;
            busy.set(false);
            status.set(oneLine(failure));
          }
        });
  }

  /** Stops the description in progress. */
  public void cancel() {
    if (running != null) {
      running.cancel();
      running = null;
      busy.set(false);
      status.set("Cancelled.");
    }
  }

  private void showFrames(TimedCaption segment) {
    frames.clear();
    if (segment == null || video == null) {
      return;
    }
    Path file = video;
    executor.submit(
        () -> {
          List<Frame> out = new ArrayList<>();
          for (SampledFrame f :
              sampler
                  .sampleSegments(file, List.of(segment.range()), STRIP_FRAMES, Cancellation.none())
                  .frames()) {
            out.add(thumbnail(f.time(), f.image()));
          }
          return out;
        },
        list -> {
          if (segment.equals(selected.get())) {
            frames.setAll(list);
          }
        },
        failure -> status.set(oneLine(failure)));
  }

  static Frame thumbnail(double time, DecodedImage image) {
    int step = Math.max(1, (int) Math.ceil(image.width() / 160.0));
    int w = (image.width() + step - 1) / step;
    int h = (image.height() + step - 1) / step;
    int[] argb = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        argb[y * w + x] = 0xFF000000 | image.rgbAt(x * step, y * step);
      }
    }
    return new Frame(time, w, h, argb);
  }

  /** Writes the segments as subtitles, atomically, in the background. */
  public void export(Path file, SubtitleFormat format) {
    List<TimedCaption> captions = List.copyOf(segments);
    executor.submit(
        () -> {
          Subtitles.write(file, format, captions);
          return null;
        },
        done -> status.set("Wrote " + captions.size() + " cues to " + file.getFileName() + "."),
        failure ->
            status.set(
                "Could not write " + file + " (" + oneLine(failure) + "); nothing changed."));
  }

  /** Closes the model. */
  public void close() {
    cancel();
    if (model != null) {
      try {
        model.close();
      } catch (Exception ignored) {
        // closing native memory at exit
      }
      model = null;
    }
  }

  private static String sentence(String words) {
    return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
  }

  private static String oneLine(Throwable failure) {
    String m = failure.getMessage();
    return m == null || m.isBlank()
        ? "Something went wrong (" + failure.getClass().getSimpleName() + "); see the log."
        : m.lines().findFirst().orElse(m);
  }

  /** The segment's line in the list. */
  public static String label(TimedCaption c) {
    TimeRange r = c.range();
    return Timestamps.clock(r.start()) + " – " + Timestamps.clock(r.end()) + "   " + c.text();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  public ObservableList<TimedCaption> segments() {
    return segments;
  }

  public ObservableList<String> warnings() {
    return warnings;
  }

  public ObjectProperty<TimedCaption> selectedProperty() {
    return selected;
  }

  public ObservableList<Frame> frames() {
    return frames;
  }
}
