package org.captionstudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.captionstudio.app.pipeline.TrainingPipeline;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.train.EpochReport;
import org.captionstudio.core.train.Trainer;
import org.captionstudio.core.train.TrainingConfig;
import org.captionstudio.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code captionstudio train}: dataset → features → decoder → model bundle. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a captioner: read the dataset, extract CNN features once (resumable), train the",
      "attention decoder with validation each epoch and early stopping on CIDEr-D, and write the",
      "best model as one bundle. Checkpoints go to the work folder; --resume goes on from there."
    })
final class TrainCommand implements Callable<Integer> {
  private static final TrainingConfig T = TrainingConfig.defaults();
  private static final DecoderConfig D = DecoderConfig.defaults(4, 1);

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "DIR|FILE",
      required = true,
      description = {
        "A dataset folder (annotations/captions_{train,val}.json and images/, as synth writes),",
        "or one annotation file (COCO, Karpathy) with --images."
      })
  Path dataset;

  @Option(
      names = "--images",
      paramLabel = "DIR",
      description = "The image folder of an annotation file.")
  Path images;

  @Option(
      names = "--encoder",
      required = true,
      paramLabel = "FILE|NAME",
      description = "A ShapesWorld encoder file (pretrain-encoder) or a zoo encoder (resnet50, …).")
  String encoder;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The bundle.")
  Path out;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Features and checkpoints (default: MODEL.work next to the bundle).")
  Path work;

  @Option(names = "--resume", description = "Go on from the work folder's checkpoint.")
  boolean resume;

  @Option(names = "--epochs", description = "At most (default ${DEFAULT-VALUE}).")
  int epochs = T.epochs();

  @Option(names = "--batch-size", description = "Captions per step (default ${DEFAULT-VALUE}).")
  int batchSize = T.batchSize();

  @Option(names = "--learning-rate", description = "Adam (default ${DEFAULT-VALUE}).")
  double learningRate = T.learningRate();

  @Option(
      names = "--lr-decay",
      description = "Learning rate factor per epoch (default ${DEFAULT-VALUE}).")
  double learningRateDecay = T.learningRateDecay();

  @Option(names = "--warmup", description = "Warm-up steps (default ${DEFAULT-VALUE}).")
  int warmup = T.warmupSteps();

  @Option(names = "--clip", description = "Global gradient-norm clip (default ${DEFAULT-VALUE}).")
  double clip = T.clipNorm();

  @Option(names = "--max-words", description = "Caption length cut (default ${DEFAULT-VALUE}).")
  int maxWords = T.maxWords();

  @Option(names = "--seed", description = "(default ${DEFAULT-VALUE})")
  long seed = T.seed();

  @Option(
      names = "--checkpoint-every",
      description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
  int checkpointEvery = T.checkpointEverySteps();

  @Option(
      names = "--patience",
      description = "Epochs without a better CIDEr-D before stopping (default ${DEFAULT-VALUE}).")
  int patience = T.patience();

  @Option(names = "--beam", description = "Validation beam width (default ${DEFAULT-VALUE}).")
  int beam = T.validationBeam();

  @Option(
      names = "--validation-images",
      description = "Validation images decoded per epoch, 0 for all (default ${DEFAULT-VALUE}).")
  int validationImages = T.validationImages();

  @Option(
      names = "--max-minutes",
      description =
          "Stop with a checkpoint after training this long in this run (--resume gets the same"
              + " budget again), 0 for no limit (default ${DEFAULT-VALUE}).")
  double maxMinutes = T.maxMinutes();

  @Option(names = "--embedding", description = "E (default ${DEFAULT-VALUE}).")
  int embedding = D.embeddingSize();

  @Option(names = "--hidden", description = "N, the LSTM/GRU state (default ${DEFAULT-VALUE}).")
  int hidden = D.hiddenSize();

  @Option(names = "--attention", description = "A (default ${DEFAULT-VALUE}).")
  int attention = D.attentionSize();

  @Option(names = "--cell", description = "LSTM or GRU (default ${DEFAULT-VALUE}).")
  CellType cell = D.cell();

  @Option(names = "--layers", description = "1 or 2 (default ${DEFAULT-VALUE}).")
  int layers = D.layers();

  @Option(names = "--dropout", description = "Before the vocabulary (default ${DEFAULT-VALUE}).")
  double dropout = D.dropout();

  @Option(
      names = "--attention-regularization",
      description = "λ of the doubly stochastic regulariser (default ${DEFAULT-VALUE}).")
  double attentionRegularization = D.attentionRegularization();

  @Option(
      names = "--min-count",
      description = "Words seen fewer times become <unk> (default ${DEFAULT-VALUE}).")
  int minCount = 5;

  @Option(
      names = "--frames",
      description =
          "Video datasets (MSR-VTT, MSVD): frames sampled per clip for the temporal encoder"
              + " (default ${DEFAULT-VALUE}).")
  int frames = 8;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description = "A line for the model card's provenance (how the data and encoder were made).")
  String note;

  @Override
  public Integer call() throws Exception {
    TrainingConfig training;
    DecoderConfig decoder;
    try {
      training =
          new TrainingConfig(
              epochs,
              batchSize,
              learningRate,
              learningRateDecay,
              warmup,
              clip,
              maxWords,
              seed,
              checkpointEvery,
              patience,
              beam,
              validationImages,
              maxMinutes);
      decoder =
          new DecoderConfig(
              4, embedding, hidden, 1, attention, layers, cell, dropout, attentionRegularization);
      if (frames < 1 || frames > 64) {
        throw new IllegalArgumentException("--frames must be from 1 to 64, got " + frames);
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("--min-count must be >= 1, got " + minCount);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    DatasetArguments input = DatasetArguments.read(dataset, images, seed);
    Dataset data = input.dataset();
    Path mediaRoot = input.mediaRoot();
    Path workDir = work != null ? work : out.resolveSibling(out.getFileName() + ".work");
    PrintWriter err = spec.commandLine().getErr();
    String commandLine =
        "captionstudio " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    TrainingPipeline.Result result =
        TrainingPipeline.run(
            new TrainingPipeline.Request(
                data,
                mediaRoot,
                encoder,
                decoder,
                training,
                minCount,
                workDir,
                out,
                resume,
                commandLine,
                note,
                frames),
            new TerminalProgress(err, "", 1),
            new ProgressLines(err),
            Cancellation.none());
    PrintWriter stdout = spec.commandLine().getOut();
    if (result.bundle() == null) {
      stdout.printf(
          "Stopped (%s) before the first epoch ended; run again with --resume to go on.%n",
          result.outcome());
      stdout.flush();
      return ExitStatus.OK;
    }
    EpochReport best =
        result.history().stream()
            .filter(r -> r.epoch() == result.bestEpoch())
            .findFirst()
            .orElse(result.history().get(result.history().size() - 1));
    stdout.printf(
        Locale.ROOT,
        "Wrote %s: best epoch %d of %d (%s), validation CIDEr-D %.3f, BLEU-4 %.3f, loss %.3f;"
            + " %d words.%n",
        result.bundle(),
        best.epoch(),
        result.history().size(),
        result.outcome() == Trainer.Outcome.EARLY_STOPPED
            ? "stopped early"
            : result.outcome().name().toLowerCase(Locale.ROOT),
        best.ciderD(),
        best.metrics().getOrDefault("Bleu_4", Double.NaN),
        best.validationLoss(),
        result.vocabularySize());
    stdout.flush();
    return ExitStatus.OK;
  }

  /** Progress lines on stderr: a step line every ~5 s, and one line per epoch. */
  static final class ProgressLines implements TrainingListener {
    private final PrintWriter err;
    private long lastPrint;

    ProgressLines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onStep(Step s) {
      long now = System.nanoTime();
      if (now - lastPrint < 5_000_000_000L && s.step() != 1) {
        return;
      }
      lastPrint = now;
      double[] norms = s.hiddenGradientNorms();
      err.printf(
          Locale.ROOT,
          "epoch %d step %d/%d  loss %.3f  lr %.2e  |g| %.2f  |dL/dh_1| %.2e |dL/dh_T| %.2e"
              + "  %.0f tok/s  ETA %s%n",
          s.epoch(),
          s.step(),
          s.totalSteps(),
          s.loss(),
          s.learningRate(),
          s.gradientNorm(),
          norms.length > 0 ? norms[0] : Double.NaN,
          norms.length > 0 ? norms[norms.length - 1] : Double.NaN,
          s.tokensPerSecond(),
          eta(s.etaSeconds()));
      err.flush();
    }

    @Override
    public void onEpoch(EpochReport r, boolean best) {
      err.printf(
          Locale.ROOT,
          "epoch %d done: train loss %.3f, val loss %.3f, CIDEr-D %.3f, BLEU-4 %.3f%s (%.0f s)%n",
          r.epoch(),
          r.trainingLoss(),
          r.validationLoss(),
          r.ciderD(),
          r.metrics().getOrDefault("Bleu_4", Double.NaN),
          best ? "  best so far" : "",
          r.seconds());
      err.flush();
    }

    private static String eta(double seconds) {
      if (!Double.isFinite(seconds)) {
        return "?";
      }
      long s = Math.round(seconds);
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
  }
}
