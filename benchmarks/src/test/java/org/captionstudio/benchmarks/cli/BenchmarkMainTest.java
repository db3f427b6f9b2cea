package org.captionstudio.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.captionstudio.benchmarks.Benchmark;
import org.captionstudio.benchmarks.BenchmarkRunner;
import org.junit.jupiter.api.Test;

class BenchmarkMainTest {

  @Test
  void theListNamesCnnForward() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchmarkMain.run(
            new String[] {"--list"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(
        out.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.contains("cnn-forward")),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownNameIsRefusedWithOneLine() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchmarkMain.run(
            new String[] {"cnn-backward"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
  }

  @Test
  void theTimePerStepIsTheMedianIterationOverItsSteps() {
    // 4 images per iteration, 20 steps: 10 ms per image is 40 ms per iteration, 2 ms per step.
    Benchmark.Contestants decode =
        new Benchmark.Contestants("4 images", 4, 20, () -> {}, Optional.of(() -> {}));
    BenchmarkRunner.Result result =
        new BenchmarkRunner.Result(
            "decode", "4 images", new double[] {12, 10, 9}, Optional.of(new double[] {5, 6, 4}));

    assertEquals(
        "4 images: per step (median iteration / 20 steps): ours 2.000 ms, ref 1.000 ms",
        BenchmarkMain.perStepLine(decode, result));
  }
}
