package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetFormat;
import org.captionstudio.core.data.DatasetReader;
import org.captionstudio.core.data.DatasetValidator;
import org.captionstudio.core.data.Problem;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.data.ValidationReport;
import org.captionstudio.core.text.CaptionTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code captionstudio validate}: what a dataset holds and what is wrong with it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a captioning dataset before training: missing or unreadable media files, empty or",
      "non-text captions, duplicate ids, captions of unknown images, images without captions,",
      "paths that leave the media folder; plus split counts and caption statistics.",
      "Exit 0 when the data is usable (warnings allowed), 1 when it is not."
    })
final class ValidateCommand implements Callable<Integer> {
  private static final int EXAMPLES = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--annotations",
      required = true,
      paramLabel = "FILE",
      description =
          "The annotation file: COCO captions JSON, Karpathy split JSON, MSR-VTT JSON or MSVD CSV.")
  Path annotations;

  @Option(
      names = "--images",
      paramLabel = "DIR",
      description = "The folder the media paths are relative to; without it files are not checked.")
  Path images;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "coco, karpathy, msrvtt or msvd; detected when left out.")
  String format;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DatasetFormat chosen = null;
    if (format != null) {
      chosen =
          DatasetFormat.fromLabel(format)
              .orElseThrow(
                  () ->
                      new DatasetException(
                          "Unknown format '" + format + "': use coco, karpathy, msrvtt or msvd."));
    }
    if (images != null && !java.nio.file.Files.isDirectory(images)) {
      throw new DatasetException("The media folder " + images + " does not exist.");
    }
    CaptionTokenizer tokenizer = new CaptionTokenizer();
    Dataset dataset = DatasetReader.read(annotations, chosen);
    ValidationReport report =
        new DatasetValidator(tokenizer::tokenize).validate(dataset, images).report();

    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("usable", report.usable());
      object.put("report", report);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(object));
    } else {
      printText(report, out);
    }
    out.flush();
    if (!report.usable()) {
      spec.commandLine().getErr().println(unusable(report));
      return ExitStatus.BAD_INPUT;
    }
    return ExitStatus.OK;
  }

  static String unusable(ValidationReport report) {
    String reasons =
        report.problemCounts().entrySet().stream()
            .map(entry -> entry.getValue() + " " + entry.getKey().plural())
            .collect(Collectors.joining(", "));
    return report.source()
        + " has no usable "
        + (report.format() == DatasetFormat.MSRVTT || report.format() == DatasetFormat.MSVD
            ? "clip"
            : "image")
        + " with a caption"
        + (reasons.isEmpty() ? "." : ": " + reasons + ".");
  }

  private static void printText(ValidationReport report, PrintWriter out) {
    String unit =
        report.format() == DatasetFormat.MSRVTT || report.format() == DatasetFormat.MSVD
            ? "clips"
            : "images";
    out.printf(
        Locale.ROOT,
        "%s: %s, %,d %s with %,d captions usable%n",
        report.source(),
        report.format().label(),
        report.usableItems(),
        unit,
        report.usableCaptions());
    out.println(
        "Media files: " + (report.mediaChecked() ? "checked" : "not checked (give --images DIR)"));
    Map<Split, Integer> splits = report.splitCounts();
    out.printf(
        Locale.ROOT,
        "Splits: train %,d, val %,d, test %,d%s%n",
        splits.get(Split.TRAIN),
        splits.get(Split.VAL),
        splits.get(Split.TEST),
        report.splitFromFile()
            ? " (from the file)"
            : " (none in the file: training assigns them by seed)");
    ValidationReport.LengthStats length = report.captionLength();
    out.printf(
        Locale.ROOT,
        "Caption length in tokens: min %d, mean %.1f, median %d, 95%% %d, max %d%n",
        length.min(),
        length.mean(),
        length.median(),
        length.p95(),
        length.max());
    ValidationReport.VocabularyStats vocabulary = report.vocabulary();
    out.printf(
        Locale.ROOT,
        "Vocabulary: %,d distinct words; %,d seen at least 5 times cover %.1f%% of %,d tokens%n",
        vocabulary.distinctWords(),
        vocabulary.wordsSeenAtLeast5Times(),
        100 * vocabulary.coverageAtLeast5(),
        vocabulary.tokens());
    List<Problem> problems = report.problems();
    if (problems.isEmpty()) {
      out.println("No problems found.");
      return;
    }
    out.printf(Locale.ROOT, "%nSkipped (%,d):%n", problems.size());
    report
        .problemCounts()
        .forEach((kind, count) -> out.printf(Locale.ROOT, "  %,7d %s%n", count, kind.plural()));
    out.printf(Locale.ROOT, "%nFirst problems:%n");
    problems.stream().limit(EXAMPLES).forEach(problem -> out.println("  " + problem.message()));
    if (problems.size() > EXAMPLES) {
      out.println("  … (--json lists all of them)");
    }
  }
}
