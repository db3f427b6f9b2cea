package org.captionstudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.DatasetException;
import org.captionstudio.vision.encoder.AttributeAccuracy;
import org.captionstudio.vision.encoder.EncoderPretraining;
import org.captionstudio.vision.encoder.PretrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code captionstudio pretrain-encoder}: pretrain the ShapesWorld encoder. */
@Command(
    name = "pretrain-encoder",
    mixinStandardHelpOptions = true,
    description = {
      "Pretrain the ShapesWorld encoder, as ImageNet pretraining works for photo encoders: a",
      "small CNN learns which shapes, colours and sizes each cell of an 8x8 grid holds (from a",
      "synth dataset's ground truth), is frozen, and then gives the captioner its region",
      "features. Prints the attribute accuracy on the test split."
    })
final class PretrainEncoderCommand implements Callable<Integer> {
  private static final PretrainConfig DEFAULTS = PretrainConfig.defaults();

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "DIR",
      description = "A folder written by synth.")
  Path dataset;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The encoder file to write.")
  Path out;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Passes over the training images (default ${DEFAULT-VALUE}).")
  int epochs = DEFAULTS.epochs();

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Images per step (default ${DEFAULT-VALUE}).")
  int batchSize = DEFAULTS.batchSize();

  @Option(
      names = "--learning-rate",
      paramLabel = "R",
      description = "Adam step size (default ${DEFAULT-VALUE}).")
  double learningRate = DEFAULTS.learningRate();

  @Option(
      names = "--feature-dim",
      paramLabel = "D",
      description = "Region vector length (default ${DEFAULT-VALUE}).")
  int featureDim = DEFAULTS.featureDim();

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Initialisation and shuffling (default ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.seed();

  @Option(
      names = "--max-minutes",
      paramLabel = "M",
      description =
          "Stop before an epoch that would pass this budget; 0 for none (default ${DEFAULT-VALUE}).")
  double maxMinutes = DEFAULTS.maxMinutes();

  @Override
  public Integer call() throws Exception {
    PretrainConfig config;
    try {
      config = new PretrainConfig(epochs, batchSize, learningRate, featureDim, seed, maxMinutes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (!Files.isDirectory(dataset.resolve("annotations"))) {
      throw new DatasetException(
          dataset
              + " is not a ShapesWorld folder (no annotations/ inside); make one with"
              + " `./captionstudio synth --out "
              + dataset
              + "`.");
    }
    PrintWriter err = spec.commandLine().getErr();
    EncoderPretraining.Report report =
        EncoderPretraining.run(
            dataset, out, config, new TerminalProgress(err, "", 1), Cancellation.none());
    AttributeAccuracy test = report.card().test();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        Locale.ROOT,
        "Wrote the ShapesWorld encoder to %s (%d px in, %dx%dx%d features) after %d epochs on"
            + " %,d images in %.1f min.%n"
            + "Test split, per grid cell: occupancy %.3f, shape %.3f, colour %.3f, size %.3f"
            + " (%,d cells, %,d with one object)%n",
        report.file(),
        report.card().inputSize(),
        report.card().featureDim(),
        report.card().gridHeight(),
        report.card().gridWidth(),
        report.card().epochs(),
        report.card().trainImages(),
        report.card().seconds() / 60,
        test.occupancy(),
        test.shape(),
        test.colour(),
        test.size(),
        test.cells(),
        test.objectCells());
    stdout.flush();
    return ExitStatus.OK;
  }
}
