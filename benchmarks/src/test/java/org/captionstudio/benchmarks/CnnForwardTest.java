package org.captionstudio.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The preparation only, at small sizes: nothing here is timed. */
class CnnForwardTest {

  @Test
  void bothSidesGetTheSameValuesInTheBatchShape() {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), CnnForward.REFERENCE_ENGINE)) {
      CnnForward.Inputs inputs = CnnForward.inputs(manager, 2, 8);

      assertArrayEquals(new long[] {2, 3, 8, 8}, inputs.ours().shape());
      assertEquals(new Shape(2, 3, 8, 8), inputs.reference().getShape());
      assertArrayEquals(
          inputs.ours().data().asFloat(), inputs.reference().toFloatArray(), 0f, "NCHW values");
      assertArrayEquals(CnnForward.inputValues(2, 8), inputs.ours().data().asFloat(), 0f);
    }
  }

  @Test
  void inputsLookLikeNormalisedImages() {
    float[] values = CnnForward.inputValues(1, 16);

    double mean = 0;
    for (float value : values) {
      assertTrue(value > -2.2f && value < 2.7f, "ImageNet-normalised range, got " + value);
      mean += value / values.length;
    }
    assertTrue(Math.abs(mean) < 0.5, "centred near 0, got " + mean);
  }

  @Test
  void eachBatchSizeIsTimedToTheTapAndToTheOutputWithTheLargestLast() throws Exception {
    CnnForward benchmark =
        new CnnForward(
            new CnnForward.Settings(
                160, List.of(1, 2), 0, WorkspaceMode.ENABLED, CacheMode.NONE, true));

    try (Benchmark.Prepared prepared = benchmark.prepare()) {
      assertEquals(
          List.of(
              "batch 1, to res5c_branch",
              "batch 1, to the output",
              "batch 2, to res5c_branch",
              "batch 2, to the output"),
          prepared.cases().stream().map(Benchmark.Contestants::label).toList());
      assertEquals(2, prepared.headline().itemsPerIteration());
      for (Benchmark.Contestants contestants : prepared.cases()) {
        contestants.ours().run();
        contestants.reference().orElseThrow().run();
      }
      assertTrue(
          prepared.setup().stream().anyMatch(line -> line.contains("autograd off")),
          String.join("\n", prepared.setup()));
    }
  }

  @Test
  void layersRunOnOneDnnExactlyWhenNd4jHasItAndDl4jHelpersAreOn() throws Exception {
    Nd4j.getBackend(); // loads the natives
    boolean helpersOn =
        !Boolean.parseBoolean(
            System.getProperty("org.eclipse.deeplearning4j.helpers.disable", "true"));
    boolean oneDnn =
        NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    ComputationGraph graph =
        ZooEncoder.RESNET50.randomlyInitialised(160, WorkspaceMode.ENABLED, CacheMode.NONE);

    String helpers = CnnForward.helpers(graph);

    // The zoo ResNet50 has 53 convolutions; without oneDNN DL4J runs them itself.
    assertEquals(
        helpersOn && oneDnn
            ? "MKLDNNBatchNormHelper x53 MKLDNNConvHelper x53 MKLDNNSubsamplingHelper x2"
            : "none",
        helpers);
  }

  @Test
  void settingsRejectWhatCannotRun() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CnnForward.Settings(64, List.of(1), 2, WorkspaceMode.NONE, CacheMode.NONE, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CnnForward.Settings(224, List.of(), 2, WorkspaceMode.NONE, CacheMode.NONE, true));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CnnForward.Settings(224, List.of(0), 2, WorkspaceMode.NONE, CacheMode.NONE, true));
  }
}
