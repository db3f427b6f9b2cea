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
      out.print(org.captionstudio.app.pipeline.ModelCard.text(file, bundle));
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
