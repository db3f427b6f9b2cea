package org.captionstudio.app.cli;

import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SplitCounts;
import org.captionstudio.vision.shapes.SynthConfig;
import org.captionstudio.vision.shapes.SynthSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code captionstudio synth}: generate a ShapesWorld dataset. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generate ShapesWorld, Caption Studio's own COCO-style dataset: images of 1-4 shapes with",
      "about 5 captions each (COCO JSON), short H.264 clips with action captions (MSR-VTT JSON)",
      "and groundtruth.json linking every caption word to its object. The same seed gives",
      "byte-identical annotations and images. The folder appears only when it is complete."
    })
final class SynthCommand implements Callable<Integer> {
  private static final SynthConfig DEFAULTS = SynthConfig.defaults();

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "A new or empty folder.")
  Path out;

  @Option(
      names = "--images",
      paramLabel = "N",
      description = "Images over all splits (default ${DEFAULT-VALUE}).")
  int images = DEFAULTS.images();

  @Option(
      names = "--videos",
      paramLabel = "M",
      description = "Clips over all splits (default ${DEFAULT-VALUE}).")
  int videos = DEFAULTS.videos();

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Everything follows from it (default ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.seed();

  @Option(
      names = "--size",
      paramLabel = "PX",
      description = "Image and video side, even, 32-1024 (default ${DEFAULT-VALUE}).")
  int size = DEFAULTS.size();

  @Option(
      names = "--val-share",
      paramLabel = "F",
      description = "Share for validation (default ${DEFAULT-VALUE}).")
  double validationShare = DEFAULTS.validationShare();

  @Option(
      names = "--test-share",
      paramLabel = "F",
      description = "Share for test (default ${DEFAULT-VALUE}).")
  double testShare = DEFAULTS.testShare();

  @Option(
      names = "--captions",
      paramLabel = "STYLE",
      converter = CaptionStyleConverter.class,
      description = {
        "varied: five diverse captions per image, as in COCO (an object, a relation, a list, a",
        "property); canonical: five framings of one list of every object, left to right, so the",
        "references agree (default varied)."
      })
  CaptionStyle captions = DEFAULTS.captions();

  @Override
  public Integer call() throws Exception {
    SynthConfig config;
    try {
      config = new SynthConfig(images, videos, seed, size, validationShare, testShare, captions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C: interrupt the generator and let it remove its unfinished folder before exiting.
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onInterrupt =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                finished.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "synth-cancel");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    SynthSummary summary;
    try {
      summary = ShapesWorld.generate(config, out, new TerminalProgress(err, "", 1));
    } catch (FileAlreadyExistsException e) {
      throw new CaptioningException(
          out + " already holds files; choose a new or empty folder for ShapesWorld.", e);
    } catch (InterruptedIOException e) {
      throw new CaptioningException(
          "Generating ShapesWorld was cancelled; nothing was written.", e);
    } catch (java.io.IOException e) {
      throw new CaptioningException(
          "Writing ShapesWorld to "
              + out
              + " failed ("
              + e.getMessage()
              + "); the unfinished dataset was removed.",
          e);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // already exiting through the hook
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    SplitCounts imageSplits = summary.images();
    SplitCounts videoSplits = summary.videos();
    stdout.printf(
        Locale.ROOT,
        "Wrote ShapesWorld (seed %d, %d px, %s captions) to %s in %.1f s:%n"
            + "  images  %,d train, %,d val, %,d test, %,d captions (%.0f images/s)%n"
            + "  clips   %,d train, %,d val, %,d test, %,d sentences (%.1f clips/s)%n",
        seed,
        size,
        summary.captionStyle().id(),
        summary.directory(),
        summary.elapsed().toMillis() / 1000.0,
        imageSplits.train(),
        imageSplits.validation(),
        imageSplits.test(),
        summary.captions(),
        summary.imagesPerSecond(),
        videoSplits.train(),
        videoSplits.validation(),
        videoSplits.test(),
        summary.sentences(),
        summary.videosPerSecond());
    stdout.flush();
    return ExitStatus.OK;
  }

  /** "varied" or "canonical", any case. */
  static final class CaptionStyleConverter implements ITypeConverter<CaptionStyle> {
    @Override
    public CaptionStyle convert(String value) {
      try {
        return CaptionStyle.ofId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
