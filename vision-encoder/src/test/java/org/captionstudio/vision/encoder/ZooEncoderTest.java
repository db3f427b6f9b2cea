package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The zoo architectures with random weights, checked for the shapes of their feature taps only. */
class ZooEncoderTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(ZooEncoder.class)
  void theTapGivesTheDocumentedFeatureGrid(ZooEncoder encoder) {
    ComputationGraph graph = encoder.randomlyInitialised();
    INDArray input = Nd4j.rand(1, 3, encoder.inputSize(), encoder.inputSize()); // [1, 3, H, W]

    INDArray[] out =
        graph.output(List.of(encoder.tapVertex()), false, new INDArray[] {input}, null);

    assertArrayEquals(
        new long[] {1, encoder.featureDim(), encoder.gridHeight(), encoder.gridWidth()},
        out[0].shape(),
        encoder.id());
    assertEquals(encoder.gridHeight() * encoder.gridWidth(), encoder.regions());
  }
}
