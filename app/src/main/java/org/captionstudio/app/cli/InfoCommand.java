package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.captionstudio.app.SystemReport;
import org.captionstudio.core.runtime.BackendInfo;
import org.captionstudio.core.runtime.ComputeDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code captionstudio info}: the app version, Java, OS and the compute backend in use. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Print the app version, Java, the OS and the compute backend actually loaded",
      "(CPU or CUDA, with its devices, BLAS library and thread settings)."
    })
final class InfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--model",
      paramLabel = "FILE|default",
      description = "Print a model bundle's card instead: encoder, vocabulary, training, metrics.")
  String model;

  @Override
  public Integer call() throws Exception {
    if (model != null) {
      return modelCard();
    }
    SystemReport report = SystemReport.collect();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      printText(report, out);
    }
    out.flush();
    return ExitStatus.OK;
  }

  private int modelCard() throws Exception {
    String file = model;
    org.captionstudio.core.bundle.ModelBundle bundle =
        org.captionstudio.app.pipeline.DefaultModel.read(model);
    org.captionstudio.core.bundle.ModelBundle.Manifest m = bundle.manifest();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      java.util.Map<String, Object> card = new java.util.LinkedHashMap<>();
      card.put("file", file);
      card.put("format", m.format());
      card.put("version", m.version());
      card.put("created", m.created());
      card.put("encoder", m.encoder());
      card.put("decoder", m.decoder());
      card.put(
          "parameters", org.captionstudio.core.model.DecoderParameters.totalLength(m.decoder()));
      card.put("vocabularySize", bundle.vocabulary().size());
      card.put("provenance", new java.util.TreeMap<>(m.provenance()));
      card.put("metrics", new java.util.TreeMap<>(m.metrics()));
      if (m.domain() != null) {
        card.put(
            "domain",
            java.util.Map.of(
                "images", m.domain().images(),
                "distanceLimit", m.domain().distanceLimit(),
                "confidenceLimit", m.domain().confidenceLimit()));
      }
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(card));
    } else {
      var e = m.encoder();
      var d = m.decoder();
      row(
          out,
          "Model",
          file + " (format " + m.format() + " v" + m.version() + ", " + m.created() + ")");
      row(
          out,
          "Encoder",
          e.id()
              + (e.embedded() ? " (inside the bundle)" : " (zoo weights)")
              + ", "
              + e.inputSize()
              + " px → "
              + e.gridHeight()
              + "×"
              + e.gridWidth()
              + "×"
              + e.featureDim()
              + (e.description().isEmpty() ? "" : "; " + e.description()));
      row(
          out,
          "Decoder",
          String.format(
              Locale.ROOT,
              "%d-layer %s, E %d, N %d, A %d, dropout %.2f, λ %.2f; %,d parameters",
              d.layers(),
              d.cell(),
              d.embeddingSize(),
              d.hiddenSize(),
              d.attentionSize(),
              d.dropout(),
              d.attentionRegularization(),
              org.captionstudio.core.model.DecoderParameters.totalLength(d)));
      java.util.List<String> words = bundle.vocabulary().tokens();
      row(
          out,
          "Vocabulary",
          words.size()
              + " words (min count "
              + bundle.vocabulary().minCount()
              + "): "
              + String.join(" ", words.subList(4, Math.min(words.size(), 16)))
              + (words.size() > 16 ? " …" : ""));
      var domain = m.domain();
      row(
          out,
          "Warnings",
          domain == null
              ? "none (this bundle predates domain profiles)"
              : String.format(
                  Locale.ROOT,
                  "out of domain above feature distance %.2f (from %,d training images);"
                      + " unsure below %.3f log-probability per word",
                  domain.distanceLimit(),
                  domain.images(),
                  domain.confidenceLimit()));
      new java.util.TreeMap<>(m.provenance()).forEach((k, v) -> row(out, "  " + k, v));
      new java.util.TreeMap<>(m.metrics())
          .forEach((k, v) -> row(out, "  " + k, String.format(Locale.ROOT, "%.4f", v)));
    }
    out.flush();
    return ExitStatus.OK;
  }

  static void printText(SystemReport report, PrintWriter out) {
    BackendInfo backend = report.backend();
    row(out, report.app().name(), report.app().version());
    row(
        out,
        "Java",
        report.java().version()
            + " ("
            + report.java().vendor()
            + ", "
            + report.java().vm()
            + "), heap up to "
            + BackendInfo.formatBytes(report.java().maxHeapBytes()));
    row(
        out,
        "OS",
        report.os().name()
            + " "
            + report.os().version()
            + " "
            + report.os().arch()
            + ", "
            + report.os().cores()
            + " cores");
    row(
        out,
        "Backend",
        backend.kind()
            + " (ND4J "
            + backend.nd4jVersion()
            + ", "
            + backend.backendName()
            + ", "
            + backend.defaultDataType().toLowerCase(Locale.ROOT)
            + ")");
    for (ComputeDevice device : backend.devices()) {
      String memory =
          device.totalMemoryBytes() > 0
              ? ", " + BackendInfo.formatBytes(device.totalMemoryBytes()) + " memory"
              : "";
      String free =
          device.freeMemoryBytes() >= 0
              ? ", " + BackendInfo.formatBytes(device.freeMemoryBytes()) + " free"
              : "";
      row(out, "Device", device.name() + memory + free);
    }
    row(out, "BLAS", backend.blasVendor() + ", " + backend.blasThreads() + " threads");
    row(
        out,
        "OpenMP",
        backend.ompThreads() + " threads, OMP_WAIT_POLICY=" + backend.ompWaitPolicy());
    row(
        out,
        "Off-heap",
        "limit "
            + backend.offHeapLimit()
            + ", process memory limit "
            + backend.physicalMemoryLimit());
    row(
        out,
        "Media",
        "FFmpeg " + report.media().ffmpegVersion() + ", OpenCV " + report.media().opencvVersion());
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-14s %s%n", label, value);
  }
}
