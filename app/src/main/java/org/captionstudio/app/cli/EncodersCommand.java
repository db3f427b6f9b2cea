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
import org.captionstudio.vision.encoder.ZooEncoder;
import org.captionstudio.vision.weights.DownloadSettings;
import org.captionstudio.vision.weights.Downloader;
import org.captionstudio.vision.weights.WeightsStatus;
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
    subcommands = {EncodersCommand.Download.class})
final class EncodersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    WeightsStore store = WeightsStore.defaultLocation();
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
      WeightsStatus status = store.status(encoder.weights());
      out.printf(
          Locale.ROOT,
          "%-11s %-6s %-11s %-34s %s%n",
          encoder.id(),
          encoder.inputSize() + "px",
          encoder.featureDim() + "x" + encoder.gridHeight() + "x" + encoder.gridWidth(),
          encoder.preprocessing().description(),
          status.description());
    }
    out.println();
    out.println(
        "Weights cache: " + store.file(ZooEncoder.RESNET50.weights()).getParent().getParent());
    out.println(
        "Get weights with `./captionstudio encoders download NAME` (from the DL4J zoo host), or"
            + " offline with `--mirror DIR|URL`.");
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
              : List.of(
                  ZooEncoder.byId(name)
                      .orElseThrow(
                          () ->
                              new CaptioningException(
                                  "Unknown encoder '"
                                      + name
                                      + "': use vgg16, resnet50, squeezenet, darknet19 or all.")));
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
}
