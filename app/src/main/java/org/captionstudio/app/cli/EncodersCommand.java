package org.captionstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.vision.encoder.WeightsImport;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.captionstudio.vision.weights.DownloadSettings;
import org.captionstudio.vision.weights.Downloader;
import org.captionstudio.vision.weights.WeightsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code captionstudio encoders}: the CNN encoders and their weights. */
@Command(
    name = "encoders",
    mixinStandardHelpOptions = true,
    description = {
      "List the CNN encoders with their input size, feature grid and the status of their",
      "ImageNet weights in the DL4J zoo cache (~/.deeplearning4j/models). Weights are only",
      "fetched when you ask: see the download subcommand."
    },
    subcommands = {EncodersCommand.Download.class, EncodersCommand.Import.class})
final class EncodersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    WeightsStore store = WeightsStore.defaultLocation();
    WeightsImport imports = WeightsImport.defaultLocation();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%-11s %-6s %-11s %-34s %s%n",
        "encoder",
        "input",
        "grid",
        "preprocessing",
        "weights");
    for (ZooEncoder encoder : ZooEncoder.values()) {
      String weights =
          imports.has(encoder)
              ? "imported (" + imports.file(encoder) + ")"
              : store.status(encoder.weights()).description();
      out.printf(
          Locale.ROOT,
          "%-11s %-6s %-11s %-34s %s%n",
          encoder.id(),
          encoder.inputSize() + "px",
          encoder.featureDim() + "x" + encoder.gridHeight() + "x" + encoder.gridWidth(),
          encoder.preprocessing().description(),
          weights);
    }
    out.println();
    out.println(
        "Weights cache: " + store.file(ZooEncoder.RESNET50.weights()).getParent().getParent());
    out.println(
        "Get weights with `./captionstudio encoders download NAME` (from the DL4J zoo host),"
            + " offline with `--mirror DIR|URL`, or bring your own with `encoders import NAME FILE`.");
    out.flush();
    return ExitStatus.OK;
  }

  /** {@code captionstudio encoders download NAME|all [--mirror DIR|URL]}. */
  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description = {
        "Download ImageNet weights into the DL4J zoo cache, resuming a partial download and",
        "checking the zoo's Adler32 checksum. --mirror takes a folder holding the zip files",
        "(flat or under models/) or a URL laid out like the zoo host."
      })
  static final class Download implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "vgg16, resnet50, squeezenet, darknet19 or all")
    String name;

    @Option(names = "--mirror", paramLabel = "DIR|URL", description = "Fetch from a mirror.")
    String mirror;

    @Override
    public Integer call() throws CaptioningException {
      List<ZooEncoder> encoders =
          name.equalsIgnoreCase("all")
              ? List.of(ZooEncoder.values())
              : List.of(named(name, " or all"));
      WeightsStore store = WeightsStore.defaultLocation();
      Downloader downloader = new Downloader(DownloadSettings.defaults());
      PrintWriter err = spec.commandLine().getErr();
      ProgressListener progress = new TerminalProgress(err, "MB", 1e6);
      for (ZooEncoder encoder : encoders) {
        Path file;
        if (mirror != null && !mirror.contains("://")) {
          file =
              store.fetchFromFolder(
                  encoder.weights(), Path.of(mirror), downloader, progress, Cancellation.none());
        } else {
          URI base = mirror != null ? URI.create(mirror) : WeightsStore.defaultBaseUrl();
          file = store.fetch(encoder.weights(), base, downloader, progress, Cancellation.none());
        }
        spec.commandLine().getOut().println(encoder.id() + ": ready at " + file);
      }
      spec.commandLine().getOut().flush();
      return ExitStatus.OK;
    }
  }

  /** {@code captionstudio encoders import NAME FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Use your own weights for an encoder: a DL4J ComputationGraph zip (as ModelSerializer",
        "writes it) or a Keras 2 model saved with model.save(\"x.h5\") (Functional or",
        "Sequential, channels_last), with a layer named as the encoder's feature tap (vgg16: 16,",
        "resnet50: res5c_branch, squeezenet: fire9, darknet19: activation_18). It is checked",
        "with a test image and stored in ~/.captionstudio/encoders/NAME/ (a Keras model",
        "converted to a DL4J zip); the original is left alone."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "vgg16, resnet50, squeezenet or darknet19")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "FILE",
        description = "The DL4J zip or Keras .h5 file to import.")
    Path file;

    @Override
    public Integer call() throws CaptioningException {
      ZooEncoder encoder =
          ZooEncoder.byId(name)
              .orElseThrow(
                  () ->
                      new CaptioningException(
                          "Unknown encoder '"
                              + name
                              + "': use vgg16, resnet50, squeezenet or darknet19."));
      Path imported = WeightsImport.defaultLocation().importFile(encoder, file);
      spec.commandLine().getOut().println(encoder.id() + ": imported to " + imported);
      spec.commandLine().getOut().flush();
      return ExitStatus.OK;
    }
  }

  /** The zoo encoder called {@code name}, or one sentence listing the names. */
  static ZooEncoder named(String name, String alternatives) throws CaptioningException {
    return ZooEncoder.byId(name)
        .orElseThrow(
            () ->
                new CaptioningException(
                    "Unknown encoder '"
                        + name
                        + "': use vgg16, resnet50, squeezenet"
                        + (alternatives.isEmpty()
                            ? " or darknet19."
                            : ", darknet19" + alternatives + ".")));
  }
}
