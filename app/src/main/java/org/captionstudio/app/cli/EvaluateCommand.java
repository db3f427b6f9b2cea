package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.captionstudio.core.eval.CocoEvaluation;
import org.captionstudio.core.eval.EvaluationReport;
import org.captionstudio.core.eval.ImageScores;
import org.captionstudio.core.eval.Metric;
import org.captionstudio.core.eval.MetricScores;
import org.captionstudio.core.text.CaptionTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code captionstudio evaluate}: coco-caption scores of a results file. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score generated captions against reference captions exactly as coco-caption does:",
      "BLEU-1..4, ROUGE-L and CIDEr-D (reported as CIDEr), over the images present in the",
      "results. METEOR and SPICE are not computed (they need external jars and data)."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--annotations",
      required = true,
      paramLabel = "FILE",
      description = "Reference captions, COCO captions JSON.")
  Path annotations;

  @Option(
      names = "--results",
      required = true,
      paramLabel = "FILE",
      description = "Generated captions, coco-caption results JSON: [{\"image_id\", \"caption\"}].")
  Path results;

  @Option(
      names = "--train-annotations",
      paramLabel = "FILE",
      description =
          "Training captions (COCO JSON): adds novelty, the share of generated captions"
              + " not copied verbatim from them.")
  Path trainAnnotations;

  @Option(names = "--json", description = "Print one JSON object with coco-caption's key names.")
  boolean json;

  @Option(names = "--per-image", description = "Also print every image's scores.")
  boolean perImage;

  @Override
  public Integer call() throws Exception {
    CocoEvaluation.Outcome outcome =
        new CocoEvaluation(new CaptionTokenizer()).evaluate(annotations, results, trainAnnotations);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> skipped = outcome.skippedAnnotations();
    if (!skipped.isEmpty()) {
      err.println(
          "Skipped "
              + skipped.size()
              + (skipped.size() == 1 ? " unusable annotation" : " unusable annotations")
              + "; the first: "
              + skipped.get(0));
      err.flush();
    }
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(asJson(outcome)));
    } else {
      printTable(outcome, out);
    }
    out.flush();
    return ExitStatus.OK;
  }

  private Map<String, Object> asJson(CocoEvaluation.Outcome outcome) {
    EvaluationReport report = outcome.report();
    Map<String, Object> json = scores(report.corpus());
    json.put("images", report.images());
    json.put("vocabularyUsage", outcome.vocabularyUsage());
    outcome.novelty().ifPresent(novelty -> json.put("novelty", novelty));
    outcome.trainingCopies().ifPresent(copies -> json.put("trainingCopies", copies));
    if (perImage) {
      List<Map<String, Object>> images = new ArrayList<>(report.images());
      for (ImageScores image : report.perImage()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("image_id", image.imageId());
        entry.putAll(scores(image.scores()));
        images.add(entry);
      }
      json.put("perImage", images);
    }
    return json;
  }

  static Map<String, Object> scores(MetricScores scores) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Metric metric : Metric.values()) {
      json.put(metric.cocoName(), scores.get(metric));
    }
    return json;
  }

  private void printTable(CocoEvaluation.Outcome outcome, PrintWriter out) {
    EvaluationReport report = outcome.report();
    out.printf(
        Locale.ROOT,
        "Scored %d %s of %s against %s%n%n",
        report.images(),
        report.images() == 1 ? "image" : "images",
        results.getFileName(),
        annotations.getFileName());
    for (Metric metric : Metric.values()) {
      out.printf(Locale.ROOT, "  %-9s %.4f%n", metric.cocoName(), report.corpus().get(metric));
    }
    out.printf(Locale.ROOT, "%n  vocabulary usage  %d distinct words%n", outcome.vocabularyUsage());
    outcome
        .novelty()
        .ifPresent(
            novelty ->
                out.printf(
                    Locale.ROOT,
                    "  novelty           %.4f (%.1f%% of the captions are copies of training"
                        + " captions)%n",
                    novelty,
                    100 * (1 - novelty)));
    if (perImage) {
      out.printf(Locale.ROOT, "%n  %-16s", "image");
      for (Metric metric : Metric.values()) {
        out.printf(Locale.ROOT, " %8s", metric.cocoName());
      }
      out.println();
      for (ImageScores image : report.perImage()) {
        out.printf(Locale.ROOT, "  %-16s", image.imageId());
        for (Metric metric : Metric.values()) {
          out.printf(Locale.ROOT, " %8.4f", image.scores().get(metric));
        }
        out.println();
      }
    }
  }
}
