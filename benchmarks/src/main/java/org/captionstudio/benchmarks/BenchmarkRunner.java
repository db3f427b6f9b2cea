package org.captionstudio.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Times a benchmark: warm-up first, then ours and the reference alternately; medians. */
public final class BenchmarkRunner {
  private BenchmarkRunner() {}

  /**
   * The timings of one run.
   *
   * @param name the benchmark
   * @param oursMillis each timed iteration of ours
   * @param referenceMillis each timed iteration of the reference, empty if there is none
   */
  public record Result(String name, double[] oursMillis, Optional<double[]> referenceMillis) {
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
  }

  /** Runs {@code warmup} untimed and {@code iterations} timed rounds of each contestant. */
  public static Result run(Benchmark benchmark, int warmup, int iterations) throws Exception {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
    }
    Benchmark.Contestants contestants = benchmark.prepare();
    Optional<Benchmark.Operation> reference = contestants.reference();
    for (int i = 0; i < warmup; i++) {
      contestants.ours().run();
      if (reference.isPresent()) {
        reference.get().run();
      }
    }
    double[] ours = new double[iterations];
    double[] theirs = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      // Alternate which goes first so that neither always runs on a warmer cache.
      if (reference.isPresent() && i % 2 == 1) {
        theirs[i] = time(reference.get());
        ours[i] = time(contestants.ours());
      } else {
        ours[i] = time(contestants.ours());
        if (reference.isPresent()) {
          theirs[i] = time(reference.get());
        }
      }
    }
    return new Result(benchmark.name(), ours, reference.map(r -> theirs));
  }

  private static double time(Benchmark.Operation operation) throws Exception {
    long start = System.nanoTime();
    operation.run();
    return (System.nanoTime() - start) / 1e6;
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
