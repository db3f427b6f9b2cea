package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.vision.testing.KerasH5;
import org.captionstudio.vision.testing.KerasH5.LayerWeights;
import org.captionstudio.vision.testing.KerasH5.Tensor;
import org.captionstudio.vision.testing.TinyKerasModel;
import org.captionstudio.vision.weights.WeightsStore;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Import of Keras {@code .h5} models, with files the test writes through the HDF5 library, mostly
 * {@link TinyKerasModel}: a tiny channels_last CNN shaped to pass SqueezeNet's check.
 */
class KerasImportTest {
  private static final int SIDE = TinyKerasModel.SIDE;
  @TempDir Path dir;

  private final Random random = new Random(11);
  private final TinyKerasModel tiny = new TinyKerasModel(7);

  private List<Map<String, Object>> layers(String tapName, int tapFilters) {
    return tiny.layers(tapName, tapFilters);
  }

  private List<LayerWeights> weights(String tapName) {
    return tiny.weights(tapName);
  }

  /** The tiny model as a Functional or a Sequential Keras model. */
  private Path tinyModel(String kind) {
    return tiny.write(dir.resolve("tiny-" + kind.toLowerCase(Locale.ROOT) + ".h5"), kind);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Functional", "Sequential"})
  void aKerasModelIsSavedWhereTheZipImportGoesWithTheWeightsWrittenIntoTheH5(String kind)
      throws Exception {
    WeightsImport imports = new WeightsImport(dir.resolve("home"));

    Path imported = imports.importFile(ZooEncoder.SQUEEZENET, tinyModel(kind));

    assertEquals(dir.resolve("home/encoders/squeezenet/imported.zip"), imported);
    ComputationGraph graph = ModelSerializer.restoreComputationGraph(imported.toFile(), false);
    // Keras kernels are [kH, kW, in, out], DL4J's [out, in, kH, kW].
    assertEquals(
        kerasKernel(tiny.conv1Kernel()).permute(3, 2, 0, 1), graph.getLayer("conv1").getParam("W"));
    assertArrayEquals(
        tiny.conv1Bias().values(), graph.getLayer("conv1").getParam("b").toFloatVector());
    // The tap's layer moved aside for the permute back to NCHW; its weights came along.
    assertEquals(
        kerasKernel(tiny.tapKernel()).permute(3, 2, 0, 1),
        graph.getLayer("fire9_nhwc").getParam("W"));
    assertArrayEquals(
        tiny.tapBias().values(), graph.getLayer("fire9_nhwc").getParam("b").toFloatVector());
    try (Stream<Path> files = Files.list(imported.getParent())) {
      assertEquals(List.of(imported), files.toList(), "no temporary file is left behind");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Functional", "Sequential"})
  void theImportedGraphGivesAtTheTapWhatAHandForwardPassGives(String kind) throws Exception {
    WeightsImport imports = new WeightsImport(dir.resolve("home"));
    Path imported = imports.importFile(ZooEncoder.SQUEEZENET, tinyModel(kind));
    float[] image = new float[3 * SIDE * SIDE]; // [3, H, W], as the encoders feed it
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextFloat();
    }

    ComputationGraph graph = ModelSerializer.restoreComputationGraph(imported.toFile(), false);
    INDArray tap =
        graph
            .output(
                List.of("fire9"),
                false,
                new INDArray[] {Nd4j.create(image, new long[] {1, 3, SIDE, SIDE})},
                null)[0];

    assertArrayEquals(new long[] {1, 512, 13, 13}, tap.shape());
    assertArrayEquals(tiny.handForward(image), tap.dup('c').data().asFloat(), 1e-4f);
  }

  @Test
  void aKerasImportEncodesImagesLikeAnyImportedSqueezeNet() throws Exception {
    WeightsImport imports = new WeightsImport(dir.resolve("home"));
    imports.importFile(ZooEncoder.SQUEEZENET, tinyModel("Functional"));
    Path photo = dir.resolve("photo.png");
    ImageIO.write(new BufferedImage(300, 227, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

    try (ZooImageEncoder encoder =
        ZooImageEncoder.load(
            ZooEncoder.SQUEEZENET, new WeightsStore(dir.resolve("dl4j")), imports)) {
      EncodedImage encoded = encoder.encode(List.of(photo)).get(0);

      assertEquals(169, encoded.regionCount());
      assertEquals(169 * 512, encoded.regions().length);
      assertTrue(encoder.info().description().startsWith("SqueezeNet (imported weights)"));
    }
  }

  @Test
  void aKerasModelWithTheWrongGridIsRefusedByTheSameCheckAsAZip() throws Exception {
    Path file = dir.resolve("narrow.h5");
    Tensor kernel = Tensor.random("kernel", random, 1, 1, 2, 256);
    KerasH5.write(
        file,
        KerasH5.functional(layers("fire9", 256), "input_1", "fire9"),
        List.of(
            new LayerWeights("conv1", List.of(tiny.conv1Kernel(), tiny.conv1Bias())),
            new LayerWeights("fire9", List.of(kernel, Tensor.random("bias", random, 256)))));

    assertRefusedLeavingEarlierWeightsAlone(
        file,
        "narrow.h5 gives [1, 256, 13, 13] at \"fire9\", but SqueezeNet features are [1, 512, 13,"
            + " 13].");
  }

  @Test
  void theRealArchitecturesRefuseAGraphThatIsNotTheirs() throws Exception {
    Path file = tinyModel("Functional");
    WeightsImport imports = new WeightsImport(dir.resolve("home"));

    ModelLoadException noTap =
        assertThrows(ModelLoadException.class, () -> imports.importFile(ZooEncoder.RESNET50, file));
    assertEquals(
        "tiny-functional.h5 has no vertex \"res5c_branch\", where ResNet50 features are read; is it"
            + " a ResNet50?",
        noTap.getMessage());

    Path renamed = dir.resolve("renamed.h5");
    KerasH5.write(
        renamed,
        KerasH5.functional(layers("res5c_branch", 512), "input_1", "res5c_branch"),
        weights("res5c_branch"));
    ModelLoadException wrongShape =
        assertThrows(
            ModelLoadException.class, () -> imports.importFile(ZooEncoder.RESNET50, renamed));
    assertEquals(
        "renamed.h5 gives [1, 512, 13, 13] at \"res5c_branch\", but ResNet50 features are [1, 2048,"
            + " 4, 4].",
        wrongShape.getMessage());
    assertFalse(imports.has(ZooEncoder.RESNET50));
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    assertRefusedLeavingEarlierWeightsAlone(
        Files.write(dir.resolve("empty.h5"), new byte[0]), "empty.h5 is empty.");
  }

  @Test
  void anHdf5FileThatIsNotAKerasModelIsRefused() throws Exception {
    Path file = dir.resolve("measurements.h5");
    KerasH5.writeNonKeras(file);

    assertRefusedLeavingEarlierWeightsAlone(
        file,
        "measurements.h5 is an HDF5 file without a Keras model_config, so not a model saved with"
            + " model.save() (save_weights() files lack the model).");
  }

  @Test
  void aTruncatedH5IsRefused() throws Exception {
    byte[] whole = Files.readAllBytes(tinyModel("Functional"));
    Path file = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, whole.length / 2));

    assertRefusedLeavingEarlierWeightsAlone(
        file, "cut.h5 has an HDF5 signature but cannot be opened, so it is truncated or damaged.");
  }

  @Test
  void aKerasLayerDl4jCannotImportIsRefused() throws Exception {
    Path file = dir.resolve("custom.h5");
    List<Map<String, Object>> layers = new ArrayList<>(layers("fire9", 512));
    layers.set(2, KerasH5.unknown("MyAttentionPool", "pool1", "conv1"));
    KerasH5.write(file, KerasH5.functional(layers, "input_1", "fire9"), weights("fire9"));

    assertRefusedLeavingEarlierWeightsAlone(
        file,
        "custom.h5 uses something DL4J's Keras import does not support: Unsupported keras layer"
            + " type MyAttentionPool.");
  }

  @Test
  void weightsThatDoNotFitTheirLayerAreRefusedRatherThanCopiedInPart() throws Exception {
    Path file = dir.resolve("mismatch.h5");
    KerasH5.write(
        file,
        KerasH5.functional(layers("fire9", 512), "input_1", "fire9"),
        List.of(
            new LayerWeights(
                "conv1", List.of(Tensor.random("kernel", random, 3, 3, 3, 4), tiny.conv1Bias())),
            new LayerWeights("fire9", List.of(tiny.tapKernel(), tiny.tapBias()))));

    assertRefusedLeavingEarlierWeightsAlone(
        file,
        "mismatch.h5 has 108 values for parameter W of layer \"conv1\", whose configuration needs"
            + " 54.");
  }

  @Test
  void aChannelsFirstModelIsRefusedRatherThanRunWithMisreadKernels() throws Exception {
    Path file = dir.resolve("nchw.h5");
    List<Map<String, Object>> layers =
        List.of(
            KerasH5.input("input_1", 3, SIDE, SIDE),
            KerasH5.conv("conv1", "input_1", 2, 3, 2, "relu", "channels_first"),
            KerasH5.conv("fire9", "conv1", 512, 1, 1, "linear", "channels_first"));
    KerasH5.write(file, KerasH5.functional(layers, "input_1", "fire9"), weights("fire9"));

    assertRefusedLeavingEarlierWeightsAlone(
        file,
        "nchw.h5 has channels_first layers (\"conv1\"), whose kernels DL4J's Keras import reads"
            + " wrongly; save the model with channels_last, Keras's default.");
  }

  @Test
  void aFileNamedH5IsJudgedByItsContent() throws Exception {
    Path text = Files.writeString(dir.resolve("model.h5"), "not HDF5 at all");
    assertRefusedLeavingEarlierWeightsAlone(
        text,
        "model.h5 is neither a DL4J ComputationGraph zip (as ModelSerializer writes one) nor a"
            + " Keras .h5 model.");

    Path zipNamedH5 = dir.resolve("zip.h5");
    ModelSerializer.writeModel(
        ZooEncoder.SQUEEZENET.randomlyInitialised(), zipNamedH5.toFile(), false);
    WeightsImport imports = new WeightsImport(dir.resolve("other-home"));
    Path imported = imports.importFile(ZooEncoder.SQUEEZENET, zipNamedH5);
    assertArrayEquals(Files.readAllBytes(zipNamedH5), Files.readAllBytes(imported));
  }

  @Test
  void theHdf5SignatureIsFoundAtTheStartOrAfterAUserBlock() throws Exception {
    byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    byte[] atStart = Arrays.copyOf(signature, 600);
    byte[] afterUserBlock = new byte[1024];
    System.arraycopy(signature, 0, afterUserBlock, 512, 8);
    byte[] elsewhere = new byte[1024];
    System.arraycopy(signature, 0, elsewhere, 100, 8);

    assertTrue(KerasFile.isHdf5(Files.write(dir.resolve("a"), atStart)));
    assertTrue(KerasFile.isHdf5(Files.write(dir.resolve("b"), afterUserBlock)));
    assertFalse(KerasFile.isHdf5(Files.write(dir.resolve("c"), elsewhere)));
    assertFalse(KerasFile.isHdf5(Files.write(dir.resolve("d"), Arrays.copyOf(signature, 7))));
  }

  /**
   * Imports the tiny model, then {@code file}: the second must fail with {@code message}, leaving
   * the first import byte for byte and nothing else in the folder.
   */
  private void assertRefusedLeavingEarlierWeightsAlone(Path file, String message) throws Exception {
    WeightsImport imports = new WeightsImport(dir.resolve("home"));
    Path earlier = imports.importFile(ZooEncoder.SQUEEZENET, tinyModel("Functional"));
    byte[] before = Files.readAllBytes(earlier);

    ModelLoadException e =
        assertThrows(
            ModelLoadException.class, () -> imports.importFile(ZooEncoder.SQUEEZENET, file));

    assertEquals(message, e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(earlier));
    try (Stream<Path> files = Files.list(earlier.getParent())) {
      assertEquals(List.of(earlier), files.toList());
    }
  }

  private static INDArray kerasKernel(Tensor tensor) {
    return Nd4j.create(tensor.values(), tensor.shape());
  }
}
