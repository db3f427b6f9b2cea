package org.captionstudio.vision.encoder;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.javacpp.BytePointer;
import org.captionstudio.core.ModelLoadException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.preprocessors.PermutePreprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a Keras 2 model file ({@code model.save("x.h5")}) into a DL4J ComputationGraph that takes
 * and gives what the encoders use: NCHW images in, an NCHW feature map at the tap vertex. What it
 * decides, and why:
 *
 * <ul>
 *   <li>A functional model ({@code Model}, {@code Functional}) imports through DL4J's {@link
 *       KerasModel} as a ComputationGraph whose vertices carry the Keras layer names.
 *   <li>A {@code Sequential} model imports as a MultiLayerNetwork and is converted to a one-chain
 *       ComputationGraph whose vertices also carry the Keras layer names, so the encoder's tap is
 *       found by name either way. ({@code MultiLayerNetwork.toComputationGraph()} would number the
 *       vertices "0", "1", … instead.)
 *   <li>A {@code channels_last} model (Keras's default) imports as an NHWC graph. A permute to NHWC
 *       after the input and one back to NCHW after the tap are added; every layer and weight stays
 *       as imported.
 *   <li>A {@code channels_first} model saved with the TensorFlow backend is refused: DL4J
 *       1.0.0-M2.1 reads its kernels in Theano's layout and would run wrong weights.
 * </ul>
 *
 * The root attributes ({@code model_config}, {@code keras_version}, {@code backend}) are read here,
 * at their stored size, and handed to DL4J as JSON: DL4J's {@code Hdf5Archive} reads {@code
 * model_config} with {@code H5Aread} into a 2 KB native buffer first (and {@code keras_version}
 * into 5 bytes), which a real model's configuration of tens of KB overruns. DL4J reads only the
 * weights. The training configuration is ignored: an encoder is only run forward.
 */
final class KerasFile {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> FUNCTIONAL = Set.of("Model", "Functional");
  private static final String SEQUENTIAL = "Sequential";
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The HDF5 C++ API prints its error stack to stderr on every failure; the exceptions say
    // enough.
    org.bytedeco.hdf5.Exception.dontPrint();
  }

  private KerasFile() {}

  /**
   * Whether {@code file} starts with the HDF5 signature, at offset 0 or after a user block (512,
   * 1024, 2048, … bytes), as the HDF5 format allows.
   */
  static boolean isHdf5(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      for (long offset = 0; offset + SIGNATURE.length <= size; offset = Math.max(512, offset * 2)) {
        ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
        while (head.hasRemaining() && channel.read(head, offset + head.position()) > 0) {
          // keep reading until the 8 bytes are in
        }
        if (Arrays.equals(SIGNATURE, head.array())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The model in {@code source} as an NCHW ComputationGraph.
   *
   * @param name the file name for messages
   * @param tap the vertex the encoder reads; on a channels_last model it gets a permute to NCHW
   * @throws ModelLoadException one sentence naming the file, on anything DL4J or HDF5 refuse
   */
  static ComputationGraph load(Path source, String name, String tap) throws ModelLoadException {
    ObjectNode model = modelConfig(source, name);
    String className = model.path("class_name").asText();
    KerasModelBuilder builder = new KerasModel().modelBuilder();
    try {
      builder.modelJson(model.toString()).weightsHdf5Filename(source.toString());
      builder.enforceTrainingConfig(false);
      if (SEQUENTIAL.equals(className)) {
        KerasSequentialModel keras = builder.buildSequential();
        refuseChannelsFirst(keras, name);
        return channelsFirst(checkWeights(named(keras), keras, name), keras, tap, name);
      }
      if (!FUNCTIONAL.contains(className)) {
        throw new ModelLoadException(
            name
                + " holds a Keras "
                + (className.isEmpty() ? "object without a class_name" : className)
                + ", but only Functional and Sequential models can be imported.");
      }
      KerasModel keras = builder.buildModel();
      refuseChannelsFirst(keras, name);
      return channelsFirst(
          checkWeights(keras.getComputationGraph(), keras, name), keras, tap, name);
    } catch (UnsupportedKerasConfigurationException e) {
      throw new ModelLoadException(
          name + " uses something DL4J's Keras import does not support: " + reason(e) + ".", e);
    } catch (ModelLoadException e) {
      throw e;
    } catch (Exception e) {
      // InvalidKerasConfigurationException, IOException, and RuntimeExceptions from HDF5 and ND4J.
      throw new ModelLoadException(
          name + " could not be imported as a Keras model: " + reason(e) + ".", e);
    } finally {
      builder.close();
    }
  }

  /**
   * The model configuration with {@code keras_version} and {@code backend} added, as {@code
   * KerasModelBuilder.modelHdf5Filename} would give it.
   */
  private static ObjectNode modelConfig(Path source, String name) throws ModelLoadException {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      H5File file;
      try {
        file = new H5File(source.toString(), H5F_ACC_RDONLY());
      } catch (RuntimeException e) {
        throw new ModelLoadException(
            name + " has an HDF5 signature but cannot be opened, so it is truncated or damaged.",
            e);
      }
      try (file) {
        if (!file.attrExists("model_config")) {
          throw new ModelLoadException(
              name
                  + " is an HDF5 file without a Keras model_config, so not a model saved with"
                  + " model.save() (save_weights() files lack the model).");
        }
        if (!file.nameExists("model_weights")) {
          throw new ModelLoadException(
              name + " has a Keras model_config but no model_weights, so no weights to import.");
        }
        JsonNode config = parse(stringAttribute(file, "model_config", name), name);
        if (!(config instanceof ObjectNode model)) {
          throw new ModelLoadException(
              name + " has a model_config that is not a Keras model configuration.");
        }
        for (String attribute : List.of("keras_version", "backend")) {
          if (file.attrExists(attribute)) {
            model.put(attribute, stringAttribute(file, attribute, name));
          }
        }
        return model;
      } catch (RuntimeException e) {
        throw new ModelLoadException(
            name + " has Keras attributes that cannot be read: " + reason(e) + ".", e);
      }
    }
  }

  /** A string attribute as Keras 2 writes it (h5py, fixed length, NUL padded). */
  private static String stringAttribute(H5File file, String attribute, String name)
      throws ModelLoadException {
    try (Attribute value = file.openAttribute(attribute);
        DataType type = value.getDataType()) {
      if (value.getTypeClass() != H5T_STRING) {
        throw new ModelLoadException(name + " has a " + attribute + " that is not a string.");
      }
      if (type.isVariableStr()) {
        throw new ModelLoadException(
            name
                + " stores "
                + attribute
                + " as a variable-length string, which DL4J's Keras import cannot read (Keras 2"
                + " writes fixed-length ones).");
      }
      long size = value.getStorageSize();
      if (size > Integer.MAX_VALUE - 8) {
        throw new ModelLoadException(name + " has a " + attribute + " too large to read.");
      }
      byte[] bytes = new byte[(int) size];
      try (BytePointer buffer = new BytePointer(size)) {
        value.read(type, buffer);
        buffer.get(bytes);
      }
      int end = 0;
      while (end < bytes.length && bytes[end] != 0) {
        end++;
      }
      return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
  }

  private static JsonNode parse(String json, String name) throws ModelLoadException {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ModelLoadException(name + " has a model_config that is not valid JSON.", e);
    }
  }

  private static void refuseChannelsFirst(KerasModel keras, String name) throws ModelLoadException {
    if ("theano".equals(keras.getKerasBackend())) {
      return; // Theano's own kernel layout, the one DL4J's importer reads channels_first as
    }
    for (KerasLayer layer : keras.getLayersOrdered()) {
      if (layer.getDimOrder() == KerasLayer.DimOrder.THEANO) {
        throw new ModelLoadException(
            name
                + " has channels_first layers (\""
                + layer.getLayerName()
                + "\"), whose kernels DL4J's Keras import reads wrongly; save the model with"
                + " channels_last, Keras's default.");
      }
    }
  }

  /**
   * Refuses weights whose size does not fit their layer: DL4J copies an array of another size into
   * the layer without a word, and the encoder would run weights nobody trained.
   */
  private static ComputationGraph checkWeights(
      ComputationGraph imported, KerasModel keras, String name) throws ModelLoadException {
    for (KerasLayer layer : keras.getLayersOrdered()) {
      org.deeplearning4j.nn.graph.vertex.GraphVertex vertex =
          imported.getVertex(layer.getLayerName());
      if (layer.getWeights() == null || vertex == null || !vertex.hasLayer()) {
        continue;
      }
      for (Map.Entry<String, INDArray> param : vertex.getLayer().paramTable().entrySet()) {
        INDArray stored = layer.getWeights().get(param.getKey());
        if (stored != null && stored.length() != param.getValue().length()) {
          imported.close();
          throw new ModelLoadException(
              name
                  + " has "
                  + stored.length()
                  + " values for parameter "
                  + param.getKey()
                  + " of layer \""
                  + layer.getLayerName()
                  + "\", whose configuration needs "
                  + param.getValue().length()
                  + ".");
        }
      }
    }
    return imported;
  }

  /**
   * The network as a one-chain graph whose vertices carry the Keras layer names. One chain has one
   * topological order, so the flat parameter vector is the network's, in the same order.
   */
  private static ComputationGraph named(KerasSequentialModel keras) throws Exception {
    MultiLayerNetwork network = keras.getMultiLayerNetwork();
    try {
      MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
      String input = keras.getInputLayerNames().get(0);
      ComputationGraphConfiguration.GraphBuilder graph =
          new NeuralNetConfiguration.Builder()
              .dataType(conf.getDataType())
              .graphBuilder()
              .addInputs(input);
      String previous = input;
      for (int i = 0; i < conf.getConfs().size(); i++) {
        org.deeplearning4j.nn.conf.layers.Layer layer = conf.getConf(i).getLayer().clone();
        String vertex = layer.getLayerName() != null ? layer.getLayerName() : String.valueOf(i);
        graph.addLayer(vertex, layer, conf.getInputPreProcess(i), previous);
        previous = vertex;
      }
      ComputationGraph converted = new ComputationGraph(graph.setOutputs(previous).build());
      converted.init(network.params().dup(), false);
      return converted;
    } finally {
      network.close();
    }
  }

  /**
   * {@code imported} as it is when its input is NCHW; else (channels_last) the same graph with a
   * permute {@code [B, C, H, W] -> [B, H, W, C]} after the input and {@code [B, h, w, D] -> [B, D,
   * h, w]} after {@code tap}, which keeps its name (the layer it was moves to {@code tap_nhwc}).
   */
  private static ComputationGraph channelsFirst(
      ComputationGraph imported, KerasModel keras, String tap, String name)
      throws ModelLoadException {
    ComputationGraphConfiguration conf = imported.getConfiguration().clone();
    List<String> inputs = conf.getNetworkInputs();
    if (inputs.size() != 1) {
      imported.close();
      throw new ModelLoadException(
          name + " has " + inputs.size() + " inputs, but an encoder takes a single image.");
    }
    String input = inputs.get(0);
    InputType inputType = keras.getOutputTypes().get(input);
    if (!(inputType instanceof InputType.InputTypeConvolutional image)
        || image.getFormat() != CNN2DFormat.NHWC) {
      return imported;
    }
    String inputNhwc = unusedName(conf, input + "_nhwc");
    rewire(conf, input, inputNhwc);
    conf.getVertices().put(inputNhwc, new PreprocessorVertex(new PermutePreprocessor(0, 2, 3, 1)));
    conf.getVertexInputs().put(inputNhwc, new ArrayList<>(List.of(input)));
    Map<String, String> moved = new HashMap<>();
    if (conf.getVertices().containsKey(tap)) {
      String tapNhwc = unusedName(conf, tap + "_nhwc");
      GraphVertex vertex = conf.getVertices().remove(tap);
      List<String> tapInputs = conf.getVertexInputs().remove(tap);
      rewire(conf, tap, tapNhwc);
      if (vertex instanceof LayerVertex layer) {
        layer.getLayerConf().getLayer().setLayerName(tapNhwc);
      }
      conf.getVertices().put(tapNhwc, vertex);
      conf.getVertexInputs().put(tapNhwc, tapInputs);
      conf.getVertices().put(tap, new PreprocessorVertex(new PermutePreprocessor(0, 3, 1, 2)));
      conf.getVertexInputs().put(tap, new ArrayList<>(List.of(tapNhwc)));
      moved.put(tap, tapNhwc);
    }
    ComputationGraph nchw = new ComputationGraph(conf);
    nchw.init();
    for (org.deeplearning4j.nn.graph.vertex.GraphVertex vertex : imported.getVertices()) {
      if (vertex.hasLayer()) {
        String target = moved.getOrDefault(vertex.getVertexName(), vertex.getVertexName());
        Layer copy = nchw.getLayer(target);
        for (Map.Entry<String, INDArray> param : vertex.getLayer().paramTable().entrySet()) {
          copy.getParam(param.getKey()).assign(param.getValue());
        }
      }
    }
    imported.close();
    return nchw;
  }

  /** Every vertex that reads {@code from} reads {@code to} instead. */
  private static void rewire(ComputationGraphConfiguration conf, String from, String to) {
    for (List<String> inputs : conf.getVertexInputs().values()) {
      inputs.replaceAll(in -> in.equals(from) ? to : in);
    }
  }

  private static String unusedName(ComputationGraphConfiguration conf, String wanted) {
    String candidate = wanted;
    while (conf.getVertices().containsKey(candidate)
        || conf.getNetworkInputs().contains(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }

  /**
   * The first sentence of an exception's message (DL4J adds advice and links after it), without its
   * full stop.
   */
  private static String reason(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    int stop = line.indexOf(". ");
    String sentence = stop > 0 ? line.substring(0, stop) : line;
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }
}
