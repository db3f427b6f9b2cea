package org.captionstudio.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Times a benchmark: warm-up first, then ours and the reference alternately; medians. */
public final class BenchmarkRunner {
  private BenchmarkRunner() {}

  /**
   * The timings of one case, per item.
   *
   * @param name the benchmark
   * @param label the case, empty for a benchmark's only case
   * @param oursMillis each timed iteration of ours, divided by the items per iteration
   * @param referenceMillis the same for the reference, empty if there is none
   */
  public record Result(
      String name, String label, double[] oursMillis, Optional<double[]> referenceMillis) {
    public double oursMedian() {
      return median(oursMillis);
    }

    /** The contract line: {@code RESULT name=… ours_ms=… [ref_ms=… speedup=ref/ours]}. */
    public String resultLine() {
      StringBuilder line =
          new StringBuilder(
              String.format(Locale.ROOT, "RESULT name=%s ours_ms=%.3f", name, oursMedian()));
      referenceMillis.ifPresent(
          reference -> {
            double referenceMedian = median(reference);
            line.append(
                String.format(
                    Locale.ROOT,
                    " ref_ms=%.3f speedup=%.3f",
                    referenceMedian,
                    referenceMedian / oursMedian()));
          });
      return line.toString();
    }

    /** One line for a case: {@code label: ours_ms=… [ref_ms=… speedup=…]}, medians per item. */
    public String summaryLine() {
      String figures = resultLine().substring(("RESULT name=" + name + " ").length());
      return label.isEmpty() ? figures : label + ": " + figures;
    }
  }

  /** Prepares the benchmark, times every case in order and releases what it prepared. */
  public static List<Result> run(Benchmark benchmark, int warmup, int iterations) throws Exception {
    try (Benchmark.Prepared prepared = benchmark.prepare()) {
      List<Result> results = new ArrayList<>();
      for (Benchmark.Contestants contestants : prepared.cases()) {
        results.add(time(benchmark.name(), contestants, warmup, iterations));
      }
      return results;
    }
  }

  /** Runs {@code warmup} untimed and {@code iterations} timed rounds of each contestant. */
  public static Result time(
      String name, Benchmark.Contestants contestants, int warmup, int iterations) throws Exception {
    return time(name, contestants, warmup, iterations, System::nanoTime);
  }

  /** {@link #time(String, Benchmark.Contestants, int, int)} with the clock given. */
  static Result time(
      String name,
      Benchmark.Contestants contestants,
      int warmup,
      int iterations,
      LongSupplier nanoClock)
      throws Exception {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
    }
    Optional<Benchmark.Operation> reference = contestants.reference();
    for (int i = 0; i < warmup; i++) {
      contestants.ours().run();
      if (reference.isPresent()) {
        reference.get().run();
      }
    }
    double items = contestants.itemsPerIteration();
    double[] ours = new double[iterations];
    double[] theirs = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      // Alternate which goes first so that neither always runs on a warmer cache.
      if (reference.isPresent() && i % 2 == 1) {
        theirs[i] = time(reference.get(), nanoClock) / items;
        ours[i] = time(contestants.ours(), nanoClock) / items;
      } else {
        ours[i] = time(contestants.ours(), nanoClock) / items;
        if (reference.isPresent()) {
          theirs[i] = time(reference.get(), nanoClock) / items;
        }
      }
    }
    return new Result(name, contestants.label(), ours, reference.map(r -> theirs));
  }

  private static double time(Benchmark.Operation operation, LongSupplier nanoClock)
      throws Exception {
    long start = nanoClock.getAsLong();
    operation.run();
    return (nanoClock.getAsLong() - start) / 1e6;
  }

  /** The median; the mean of the two middle values for an even count. */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("values must not be empty");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
