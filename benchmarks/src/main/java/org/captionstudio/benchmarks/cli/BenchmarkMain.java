package org.captionstudio.benchmarks.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.captionstudio.benchmarks.Benchmark;
import org.captionstudio.benchmarks.BenchmarkRunner;
import org.captionstudio.benchmarks.CaptionLatency;
import org.captionstudio.benchmarks.CnnForward;
import org.captionstudio.benchmarks.EvaluateSpeed;
import org.captionstudio.benchmarks.FeatureExtractionSpeed;
import org.captionstudio.benchmarks.VideoRtf;

/** {@code benchmarks/run.sh NAME [--warmup N] [--iterations N]}; {@code --list} lists them. */
public final class BenchmarkMain {
  static final List<Benchmark> BENCHMARKS =
      List.of(
          new EvaluateSpeed(),
          new CnnForward(),
          new FeatureExtractionSpeed(),
          new org.captionstudio.benchmarks.decoder.DecoderTrain(),
          new org.captionstudio.benchmarks.decoder.DecodeLatency(),
          new CaptionLatency(),
          new VideoRtf());

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--list") || args[0].equals("--help")) {
      out.println("Usage: benchmarks/run.sh NAME [--warmup N] [--iterations N]");
      for (Benchmark benchmark : BENCHMARKS) {
        out.printf(Locale.ROOT, "  %-20s %s%n", benchmark.name(), benchmark.description());
      }
      return args.length == 0 ? 2 : 0;
    }
    Optional<Benchmark> found =
        BENCHMARKS.stream().filter(b -> b.name().equals(args[0])).findFirst();
    if (found.isEmpty()) {
      err.println("Unknown benchmark '" + args[0] + "'; run.sh --list shows the benchmarks.");
      return 2;
    }
    int warmup = 3;
    int iterations = 7;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        default -> {
          err.println("Unknown option '" + args[i] + "'.");
          return 2;
        }
      }
    }
    Benchmark benchmark = found.get();
    out.println(benchmark.name() + ": " + benchmark.description());
    out.printf(Locale.ROOT, "warm-up %d, timed iterations %d%n", warmup, iterations);
    try (Benchmark.Prepared prepared = benchmark.prepare()) {
      prepared.setup().forEach(out::println);
      BenchmarkRunner.Result result = null;
      for (Benchmark.Contestants contestants : prepared.cases()) {
        result = BenchmarkRunner.time(benchmark.name(), contestants, warmup, iterations);
        String unit = contestants.itemsPerIteration() > 1 ? "ms per item" : "ms";
        String prefix = contestants.label().isEmpty() ? "" : contestants.label() + ": ";
        out.printf(Locale.ROOT, "%sours %s: %s%n", prefix, unit, format(result.oursMillis()));
        String referencePrefix = prefix;
        result
            .referenceMillis()
            .ifPresent(
                ref ->
                    out.printf(Locale.ROOT, "%sref  %s: %s%n", referencePrefix, unit, format(ref)));
        if (contestants.stepsPerIteration() > 1) {
          out.println(perStepLine(contestants, result));
        }
        if (prepared.cases().size() > 1) {
          out.println(result.summaryLine());
        }
      }
      out.println(result.resultLine());
    }
    return 0;
  }

  /** {@code label: per step (median iteration / steps): ours X ms[, ref Y ms]}. */
  static String perStepLine(Benchmark.Contestants contestants, BenchmarkRunner.Result result) {
    // The results are per item; a step of an iteration serves all its items.
    double perIteration = contestants.itemsPerIteration();
    int steps = contestants.stepsPerIteration();
    StringBuilder line = new StringBuilder();
    if (!contestants.label().isEmpty()) {
      line.append(contestants.label()).append(": ");
    }
    line.append(
        String.format(
            Locale.ROOT,
            "per step (median iteration / %d steps): ours %.3f ms",
            steps,
            result.oursMedian() * perIteration / steps));
    result
        .referenceMillis()
        .ifPresent(
            reference ->
                line.append(
                    String.format(
                        Locale.ROOT,
                        ", ref %.3f ms",
                        BenchmarkRunner.median(reference) * perIteration / steps)));
    return line.toString();
  }

  private static String format(double[] millis) {
    StringBuilder text = new StringBuilder();
    for (double value : millis) {
      text.append(String.format(Locale.ROOT, "%.2f ", value));
    }
    return text.toString().strip();
  }
}
