package org.captionstudio.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, BenchmarkRunner.median(new double[] {9, 1, 3}));
    assertEquals(2.5, BenchmarkRunner.median(new double[] {4, 1, 2, 3}));
  }

  @Test
  void theResultLineFollowsTheContract() {
    BenchmarkRunner.Result withReference =
        new BenchmarkRunner.Result(
            "decoder-train",
            new double[] {100, 120, 110},
            Optional.of(new double[] {220, 200, 240}));
    BenchmarkRunner.Result withoutReference =
        new BenchmarkRunner.Result("evaluate-speed", new double[] {1500.25}, Optional.empty());

    assertEquals(
        "RESULT name=decoder-train ours_ms=110.000 ref_ms=220.000 speedup=2.000",
        withReference.resultLine());
    assertEquals("RESULT name=evaluate-speed ours_ms=1500.250", withoutReference.resultLine());
  }

  @Test
  void warmupAndIterationsRunBothContestantsTheSameNumberOfTimes() throws Exception {
    AtomicInteger ours = new AtomicInteger();
    AtomicInteger reference = new AtomicInteger();
    Benchmark counting =
        new Benchmark() {
          @Override
          public String name() {
            return "counting";
          }

          @Override
          public String description() {
            return "counts calls";
          }

          @Override
          public Contestants prepare() {
            return new Contestants(ours::incrementAndGet, Optional.of(reference::incrementAndGet));
          }
        };

    BenchmarkRunner.Result result = BenchmarkRunner.run(counting, 2, 5);

    assertEquals(7, ours.get());
    assertEquals(7, reference.get());
    assertEquals(5, result.oursMillis().length);
    assertTrue(result.referenceMillis().isPresent());
  }
}
