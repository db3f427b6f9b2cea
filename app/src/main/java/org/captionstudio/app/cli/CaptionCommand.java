package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.captionstudio.app.pipeline.CaptionExport;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.caption.AttentionMap;
import org.captionstudio.core.caption.CaptionOptions;
import org.captionstudio.core.caption.CaptionResult;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.SamplingConfig;
import org.captionstudio.core.io.AtomicFile;
import org.captionstudio.vision.image.ImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code captionstudio caption}: caption image files and folders. */
@Command(
    name = "caption",
    mixinStandardHelpOptions = true,
    description = {
      "Caption images: each file, and every image in each folder (walked in name order).",
      "Prints the caption and the n best with log-probabilities; a file that cannot be read",
      "gets an error line and the rest go on (the exit status is then 1)."
    })
final class CaptionCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images and folders.")
  List<Path> inputs;

  @Option(
      names = "--model",
      paramLabel = "FILE|default",
      description = "A bundle, or default for the bundled model (default ${DEFAULT-VALUE}).")
  String model = DefaultModel.NAME;

  @Option(
      names = "--strategy",
      paramLabel = "beam|greedy|sample",
      description = "How words are chosen (default ${DEFAULT-VALUE}).")
  String strategy = "beam";

  @Option(
      names = "--beam",
      paramLabel = "K",
      description = "Beam width (default ${DEFAULT-VALUE}).")
  int beam = 3;

  @Option(
      names = "--n-best",
      paramLabel = "N",
      description = "Captions per image, at most K (default: 3, or K if smaller).")
  Integer nBest;

  @Option(
      names = "--max-words",
      description =
          "Longest caption; the search stops once its captions are finished, so a generous limit"
              + " costs little (default ${DEFAULT-VALUE}).")
  int maxWords = 30;

  @Option(
      names = "--length-penalty",
      paramLabel = "A",
      description = "Rank by log p / length^A; 0 ranks by log p (default ${DEFAULT-VALUE}).")
  double lengthPenalty = 0;

  @Option(
      names = "--temperature",
      description = "Sampling: below 1 sharper, above 1 more varied (default ${DEFAULT-VALUE}).")
  double temperature = 1.0;

  @Option(
      names = "--top-k",
      description =
          "Sampling: draw from the k likeliest words, 0 for all (default ${DEFAULT-VALUE}).")
  int topK = 0;

  @Option(names = "--seed", description = "Sampling seed (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--batch", description = "Images per batch (default ${DEFAULT-VALUE}).")
  int batch = 16;

  @Option(
      names = "--json",
      description = {
        "One JSON object per line: file, caption, logProb, nBest [{caption, logProb}],",
        "warnings, error, timings."
      })
  boolean json;

  @Option(
      names = "--attention",
      description =
          "With --json: add each word's attention map (grid, weights, peak box in pixels).")
  boolean attention;

  @Option(
      names = "--coco-results",
      paramLabel = "OUT",
      description = "Also write coco-caption results JSON [{image_id, caption}].")
  Path cocoResults;

  @Option(
      names = "--csv",
      paramLabel = "OUT",
      description = "Also write CSV: file, rank, caption, alt_text, log_prob, warnings, error.")
  Path csv;

  @Override
  public Integer call() throws Exception {
    CaptionOptions options = options();
    List<Path> files;
    try {
      files = ImageFiles.expand(inputs);
    } catch (IOException e) {
      throw new CaptioningException(e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new CaptioningException("There are no images in " + inputs + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<CaptionResult> results = new ArrayList<>();
    try (LoadedModel loaded = LoadedModel.load(model)) {
      TerminalProgress progress = new TerminalProgress(err, "", 1);
      loaded
          .captioner()
          .caption(
              files,
              options,
              r -> {
                results.add(r);
                print(r, out, err);
                if (files.size() > 1 && !json) {
                  progress.progress("Captioning", results.size(), files.size());
                }
              },
              Cancellation.none());
    }
    if (cocoResults != null) {
      write(cocoResults, CaptionExport.cocoResults(results));
    }
    if (csv != null) {
      write(csv, CaptionExport.csv(results));
    }
    long failed = results.stream().filter(r -> !r.ok()).count();
    if (failed > 0 && !json) {
      err.printf(Locale.ROOT, "%d of %d files could not be captioned.%n", failed, results.size());
    }
    err.flush();
    return failed > 0 ? ExitStatus.BAD_INPUT : ExitStatus.OK;
  }

  private CaptionOptions options() {
    try {
      CaptionOptions.Strategy chosen =
          switch (strategy) {
            case "beam" -> CaptionOptions.Strategy.BEAM;
            case "greedy" -> CaptionOptions.Strategy.GREEDY;
            case "sample" -> CaptionOptions.Strategy.SAMPLE;
            default ->
                throw new IllegalArgumentException(
                    "--strategy must be beam, greedy or sample, got " + strategy);
          };
      int n = nBest != null ? nBest : Math.min(3, beam);
      if (n > beam) {
        throw new IllegalArgumentException("--n-best " + n + " is more than --beam " + beam);
      }
      if (attention && !json) {
        throw new IllegalArgumentException("--attention goes with --json");
      }
      return new CaptionOptions(
          chosen,
          new BeamSearchConfig(beam, maxWords, lengthPenalty, n),
          new SamplingConfig(temperature, topK, maxWords, seed),
          batch);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private void print(CaptionResult r, PrintWriter out, PrintWriter err) {
    if (json) {
      try {
        out.println(JSON.writeValueAsString(jsonLine(r)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    } else if (!r.ok()) {
      out.println(r.file() + "\terror: " + r.error());
      err.println(r.error());
    } else {
      out.printf(Locale.ROOT, "%s\t%s\t(log p %.3f)%n", r.file(), r.caption(), r.logProbability());
      for (int i = 1; i < r.nBest().size(); i++) {
        CaptionResult.Candidate c = r.nBest().get(i);
        out.printf(Locale.ROOT, "  %d. %s\t(log p %.3f)%n", i + 1, c.text(), c.logProbability());
      }
      r.warnings().forEach(w -> out.println("  warning: " + w));
    }
    out.flush();
  }

  private Map<String, Object> jsonLine(CaptionResult r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("file", r.file().toString());
    j.put("caption", r.caption());
    j.put("logProb", r.ok() ? r.logProbability() : null);
    List<Map<String, Object>> n = new ArrayList<>();
    for (CaptionResult.Candidate c : r.nBest()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("caption", c.text());
      m.put("logProb", c.logProbability());
      m.put("wordLogProbs", c.wordLogProbabilities());
      m.put("finished", c.finished());
      n.add(m);
    }
    j.put("nBest", n);
    j.put("warnings", r.warnings());
    j.put("error", r.error());
    j.put(
        "timings",
        Map.of("encodeMs", r.timings().encodeMillis(), "searchMs", r.timings().searchMillis()));
    if (attention && r.ok()) {
      List<Map<String, Object>> maps = new ArrayList<>();
      for (AttentionMap a : r.attention()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("word", a.word());
        m.put("grid", new int[] {a.gridHeight(), a.gridWidth()});
        m.put("weights", a.weights());
        m.put("peak", a.peakBox());
        maps.add(m);
      }
      j.put("attention", maps);
      AttentionMap first = r.attention().get(0);
      j.put("imageSize", new int[] {first.imageWidth(), first.imageHeight()});
    }
    return j;
  }

  private static void write(Path file, byte[] content) throws CaptioningException {
    try {
      AtomicFile.write(file, out -> out.write(content));
    } catch (IOException e) {
      throw new CaptioningException(
          "Could not write " + file + " (" + e.getMessage() + "); it was left as it was.", e);
    }
  }
}
