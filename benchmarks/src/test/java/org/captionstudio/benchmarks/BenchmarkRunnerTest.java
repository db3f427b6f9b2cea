package org.captionstudio.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
            "",
            new double[] {100, 120, 110},
            Optional.of(new double[] {220, 200, 240}));
    BenchmarkRunner.Result withoutReference =
        new BenchmarkRunner.Result("evaluate-speed", "", new double[] {1500.25}, Optional.empty());

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
          public Prepared prepare() {
            return Prepared.of(
                new Contestants(ours::incrementAndGet, Optional.of(reference::incrementAndGet)));
          }
        };

    BenchmarkRunner.Result result = BenchmarkRunner.run(counting, 2, 5).get(0);

    assertEquals(7, ours.get());
    assertEquals(7, reference.get());
    assertEquals(5, result.oursMillis().length);
    assertTrue(result.referenceMillis().isPresent());
  }

  @Test
  void timesAreReportedPerItemAndEachCaseIsLabelled() throws Exception {
    // A clock that advances 40 ms at every reading: each timed iteration takes 40 ms.
    AtomicLong nanos = new AtomicLong();
    Benchmark.Contestants fourItems =
        new Benchmark.Contestants("batch 4", 4, () -> {}, Optional.of(() -> {}));

    BenchmarkRunner.Result result =
        BenchmarkRunner.time("batched", fourItems, 1, 3, () -> nanos.addAndGet(40_000_000));

    assertArrayEquals(new double[] {10, 10, 10}, result.oursMillis());
    assertEquals("batch 4: ours_ms=10.000 ref_ms=10.000 speedup=1.000", result.summaryLine());
    assertEquals(
        "RESULT name=batched ours_ms=10.000 ref_ms=10.000 speedup=1.000", result.resultLine());
  }

  @Test
  void everyCaseIsTimedInOrderAndTheResourcesAreReleased() throws Exception {
    StringBuilder order = new StringBuilder();
    AtomicInteger closed = new AtomicInteger();
    Benchmark twoCases =
        new Benchmark() {
          @Override
          public String name() {
            return "two-cases";
          }

          @Override
          public String description() {
            return "records the order of its cases";
          }

          @Override
          public Prepared prepare() {
            return new Prepared(
                List.of(
                    new Contestants("first", 1, () -> order.append('a'), Optional.empty()),
                    new Contestants("second", 2, () -> order.append('b'), Optional.empty())),
                List.of("set up"),
                closed::incrementAndGet);
          }
        };

    List<BenchmarkRunner.Result> results = BenchmarkRunner.run(twoCases, 1, 2);

    assertEquals("aaabbb", order.toString());
    assertEquals(List.of("first", "second"), results.stream().map(r -> r.label()).toList());
    assertEquals(1, closed.get());
  }
}
