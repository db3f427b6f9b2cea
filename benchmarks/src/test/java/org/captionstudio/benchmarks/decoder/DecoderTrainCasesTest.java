package org.captionstudio.benchmarks.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.captionstudio.benchmarks.Benchmark;
import org.junit.jupiter.api.Test;

/** The preparation only, at toy sizes: nothing here is timed. */
class DecoderTrainCasesTest {

  @Test
  void theHeadlineIsCocosVocabularyAfterShapesWorlds() {
    List<DecoderTrainCases.Case> cases = DecoderTrainCases.defaults();

    assertEquals(List.of("vocab 50", "vocab 10000"), cases.stream().map(c -> c.label()).toList());
    DecoderTrainCases.Case headline = cases.get(1);
    assertEquals(TorchAttentionDecoder.Config.defaults(), headline.config());
    assertEquals(64, headline.batchSize());
    assertEquals(16, headline.steps());
    assertEquals(49, headline.regions());
    assertEquals(50, cases.get(0).config().vocabulary());
  }

  @Test
  void oursGetsTheReferencesBatchAndStartingParametersAndIsReleasedWithIt() throws Exception {
    TorchAttentionDecoder.Config config =
        new TorchAttentionDecoder.Config(11, 4, 6, 5, 4, 1, 0.5f, 4e-4f, 5, 0);
    DecoderTrainCases.Case small = new DecoderTrainCases.Case("small", config, 3, 5, 7, 4.0, 9);
    List<DecoderTrainCases.Case> cases = List.of(small, small.withVocabulary(13));
    List<DecoderBatch> batches = new ArrayList<>();
    List<Map<String, float[]>> starts = new ArrayList<>();
    AtomicInteger ourSteps = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();

    Benchmark.Prepared prepared =
        DecoderTrainCases.prepare(
            cases,
            1,
            (trainCase, batch, initial, resources) -> {
              batches.add(batch);
              starts.add(initial);
              resources.add(released::incrementAndGet);
              return ourSteps::incrementAndGet;
            });
    try (prepared) {
      assertEquals(
          List.of("small", "vocab 13"), prepared.cases().stream().map(c -> c.label()).toList());
      assertEquals(cases.get(1).batch(), batches.get(1));
      assertArrayEquals(
          cases.get(1).initialParameters().get("out.Wp"), starts.get(1).get("out.Wp"), 0f);
      assertTrue(prepared.setup().get(0).contains("intra-op threads 1"), prepared.setup().get(0));
      assertTrue(prepared.setup().get(3).contains("Vocab=13"), prepared.setup().get(3));
      for (Benchmark.Contestants contestants : prepared.cases()) {
        contestants.ours().run();
        contestants.reference().orElseThrow().run();
      }
      assertEquals(2, ourSteps.get());
      assertEquals(0, released.get());
    }
    assertEquals(2, released.get());
  }
}
