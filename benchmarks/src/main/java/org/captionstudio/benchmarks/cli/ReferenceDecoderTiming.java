package org.captionstudio.benchmarks.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.captionstudio.benchmarks.BenchmarkRunner;
import org.captionstudio.benchmarks.CnnForward;
import org.captionstudio.benchmarks.decoder.DecoderBatch;
import org.captionstudio.benchmarks.decoder.DecoderTrainCases;
import org.captionstudio.benchmarks.decoder.TorchAttentionDecoder;

/**
 * Times the reference side of {@code decoder-train} alone: one training step of {@link
 * TorchAttentionDecoder} on the benchmark's cases, warm-up first, median. Run it as {@code run.sh}
 * runs the benchmarks, with {@code OMP_WAIT_POLICY=PASSIVE} and DJL offline:
 *
 * <pre>
 * OMP_WAIT_POLICY=PASSIVE OPT_OUT_TRACKING=true DJL_CACHE_DIR=benchmarks/target/djl-cache \
 *   java -Dai.djl.offline=true -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *   org.captionstudio.benchmarks.cli.ReferenceDecoderTiming [--threads N] [--warmup N]
 *   [--iterations N] [--vocab V]...
 * </pre>
 *
 * {@code --threads} sets PyTorch's intra-op threads (default: PyTorch's own, one per core); {@code
 * --vocab} (repeatable) replaces the vocabulary sizes of the default cases.
 */
public final class ReferenceDecoderTiming {
  private ReferenceDecoderTiming() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    int threads = 0;
    int warmup = 3;
    int iterations = 10;
    List<Integer> vocabularies = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(require(args[i], value));
        case "--warmup" -> warmup = Integer.parseInt(require(args[i], value));
        case "--iterations" -> iterations = Integer.parseInt(require(args[i], value));
        case "--vocab" -> vocabularies.add(Integer.parseInt(require(args[i], value)));
        default -> {
          err.println("Unknown option '" + args[i] + "'.");
          return 2;
        }
      }
      i++;
    }
    List<DecoderTrainCases.Case> cases = DecoderTrainCases.defaults();
    if (!vocabularies.isEmpty()) {
      List<DecoderTrainCases.Case> chosen = new ArrayList<>();
      for (int vocabulary : vocabularies) {
        chosen.add(cases.get(cases.size() - 1).withVocabulary(vocabulary));
      }
      cases = chosen;
    }
    TorchAttentionDecoder.setThreads(threads);
    out.println("reference: " + TorchAttentionDecoder.engineDescription());
    out.println("environment: " + CnnForward.environment());
    out.printf(Locale.ROOT, "warm-up %d, timed iterations %d%n", warmup, iterations);
    for (DecoderTrainCases.Case trainCase : cases) {
      DecoderBatch batch = trainCase.batch();
      out.println(trainCase.label() + ": " + trainCase.describe(batch));
      try (TorchAttentionDecoder decoder =
              new TorchAttentionDecoder(trainCase.config(), trainCase.seed());
          TorchAttentionDecoder.Batch uploaded = decoder.upload(batch)) {
        decoder.setParameters(trainCase.initialParameters());
        out.printf(Locale.ROOT, "  loss before training %.4f%n", decoder.loss(uploaded));
        for (int i = 0; i < warmup; i++) {
          decoder.trainStep(uploaded);
        }
        double[] millis = new double[iterations];
        float[] losses = new float[iterations];
        for (int i = 0; i < iterations; i++) {
          long start = System.nanoTime();
          losses[i] = decoder.trainStep(uploaded);
          millis[i] = (System.nanoTime() - start) / 1e6;
        }
        StringBuilder times = new StringBuilder();
        for (double value : millis) {
          times.append(String.format(Locale.ROOT, "%.1f ", value));
        }
        out.printf(
            Locale.ROOT,
            "  step ms: %s%n  median %.1f ms, losses %.4f -> %.4f, gradient norm %.3f%n",
            times.toString().strip(),
            BenchmarkRunner.median(millis),
            losses[0],
            losses[iterations - 1],
            decoder.gradientNorm());
      }
    }
    return 0;
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
