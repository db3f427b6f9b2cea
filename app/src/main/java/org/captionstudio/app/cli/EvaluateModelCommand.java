package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.app.pipeline.ModelEvaluation;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.eval.Metric;
import org.captionstudio.core.eval.MetricScores;
import org.captionstudio.vision.shapes.ShapesGroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code captionstudio evaluate-model}: decode a split with a model and score it. */
@Command(
    name = "evaluate-model",
    mixinStandardHelpOptions = true,
    description = {
      "Caption a dataset split with a model (beam search) and score it the coco-caption way,",
      "beside the caption-prior and nearest-neighbour baselines, with novelty and perplexity."
    })
final class EvaluateModelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "FILE|default",
      description = "A bundle, or default for the bundled model (default ${DEFAULT-VALUE}).")
  String model = "default";

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "DIR|FILE",
      description = "A dataset folder, or an annotation file with --images.")
  Path dataset;

  @Option(names = "--images", paramLabel = "DIR", description = "The images of an annotation file.")
  Path images;

  @Option(names = "--split", description = "train, val or test (default ${DEFAULT-VALUE}).")
  String split = "test";

  @Option(names = "--beam", description = "Beam width (default ${DEFAULT-VALUE}).")
  int beam = 3;

  @Option(names = "--max-words", description = "Longest caption (default ${DEFAULT-VALUE}).")
  int maxWords = 20;

  @Option(
      names = "--nn-pool",
      description =
          "Training images the nearest-neighbour baseline searches, 0 to skip it (default"
              + " ${DEFAULT-VALUE}).")
  int neighbourPool = 2000;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BeamSearchConfig beamConfig;
    try {
      beamConfig = new BeamSearchConfig(beam, maxWords, 0.0, 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Split chosen =
        java.util.Arrays.stream(Split.values())
            .filter(s -> s.label().equals(split))
            .findFirst()
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), "--split must be train, val or test, got " + split));
    if (neighbourPool < 0) {
      throw new ParameterException(spec.commandLine(), "--nn-pool must be >= 0");
    }
    DatasetArguments input = DatasetArguments.read(dataset, images, 1);
    if (input.dataset().split(chosen).isEmpty()) {
      throw new DatasetException(dataset + " has no " + chosen.label() + " split.");
    }
    PrintWriter err = spec.commandLine().getErr();
    ModelEvaluation.Result r;
    try (LoadedModel loaded = loadFor(model, input.dataset())) {
      r =
          ModelEvaluation.run(
              loaded,
              new ModelEvaluation.Request(
                  input.dataset(),
                  input.mediaRoot(),
                  chosen,
                  beamConfig,
                  neighbourPool,
                  shapesGroundTruth(dataset)),
              new TerminalProgress(err, "", 1),
              Cancellation.none());
    }
    if (!r.skipped().isEmpty()) {
      err.printf(
          "Skipped %d images that could not be decoded; the first: %s%n",
          r.skipped().size(), r.skipped().get(0));
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = EvaluateCommand.scores(r.model().corpus());
      j.put("images", r.model().images());
      j.put("novelty", r.novelty());
      j.put("perplexity", r.perplexity());
      j.put("vocabularyUsage", r.vocabularyUsage());
      if (!Double.isNaN(r.shapesAccuracy())) {
        j.put("shapesAccuracy", r.shapesAccuracy());
        j.put("attentionHit", r.attentionHit());
      }
      if (!Double.isNaN(r.videoActionAccuracy())) {
        j.put("videoActionAccuracy", r.videoActionAccuracy());
      }
      Map<String, Object> baselines = new LinkedHashMap<>();
      r.baselines().forEach((name, s) -> baselines.put(name, EvaluateCommand.scores(s)));
      j.put("baselines", baselines);
      j.put("skipped", r.skipped().size());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      out.printf(
          Locale.ROOT,
          "Scored %d %s %s of %s with beam %d%n%n  %-9s %9s",
          r.model().images(),
          chosen.label(),
          isVideo(input.dataset()) ? "clips" : "images",
          dataset.getFileName(),
          beam,
          "",
          "model");
      r.baselines().keySet().forEach(name -> out.printf(Locale.ROOT, " %17s", name));
      out.println();
      for (Metric m : Metric.values()) {
        out.printf(Locale.ROOT, "  %-9s %9.4f", m.cocoName(), r.model().corpus().get(m));
        for (MetricScores s : r.baselines().values()) {
          out.printf(Locale.ROOT, " %17.4f", s.get(m));
        }
        out.println();
      }
      out.printf(
          Locale.ROOT,
          "%n  novelty %.3f (generated captions not in the training captions)%n"
              + "  perplexity %.3f on the references%n  %d distinct words used%n",
          r.novelty(),
          r.perplexity(),
          r.vocabularyUsage());
      if (!Double.isNaN(r.shapesAccuracy())) {
        out.printf(
            Locale.ROOT,
            "  shapesAccuracy %.4f (captions whose every statement is true of the image)%n"
                + "  attentionHit %.4f (object words whose attention peak is on the object)%n",
            r.shapesAccuracy(),
            r.attentionHit());
      }
      if (!Double.isNaN(r.videoActionAccuracy())) {
        out.printf(
            Locale.ROOT,
            "  videoActionAccuracy %.4f (clips whose caption, action and actor, is true)%n",
            r.videoActionAccuracy());
      }
    }
    out.flush();
    return ExitStatus.OK;
  }

  /**
   * A ShapesWorld dataset's ground truth ({@code annotations/groundtruth.json} of a folder, or next
   * to an annotation file such as {@code annotations/videos.json}), or null.
   */
  private static ShapesGroundTruth shapesGroundTruth(Path dataset) throws DatasetException {
    Path file =
        java.nio.file.Files.isDirectory(dataset)
            ? dataset.resolve("annotations").resolve("groundtruth.json")
            : dataset.resolveSibling("groundtruth.json");
    return java.nio.file.Files.isRegularFile(file) ? ShapesGroundTruth.read(file) : null;
  }

  /** {@code default} means the video model for a video dataset, the image model otherwise. */
  private static LoadedModel loadFor(String model, org.captionstudio.core.data.Dataset dataset)
      throws org.captionstudio.core.ModelLoadException {
    return isVideo(dataset) ? LoadedModel.loadVideo(model) : LoadedModel.load(model);
  }

  private static boolean isVideo(org.captionstudio.core.data.Dataset dataset) {
    return dataset.format().isVideo();
  }
}
