package org.captionstudio.vision.testing;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes Keras 2 {@code .h5} files the way {@code model.save()} (tf.keras, through h5py) lays them
 * out, for tests: the root attributes {@code model_config} (the model's JSON), {@code
 * keras_version} and {@code backend} as fixed-length strings, and the weights under {@code
 * model_weights/<layer>/<layer>/<name>:0} with a {@code weight_names} attribute on each layer
 * group. The layers are built as JSON maps exactly as Keras serialises them.
 */
public final class KerasH5 {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasH5() {}

  /** One weight array, C order, with its Keras shape (a conv kernel is [kH, kW, in, out]). */
  public record Tensor(String name, long[] shape, float[] values) {
    public Tensor {
      if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
      }
    }

    /** Seeded values in [-1, 1). */
    public static Tensor random(String name, Random random, long... shape) {
      float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat() * 2 - 1;
      }
      return new Tensor(name, shape, values);
    }
  }

  /** A layer's weights, e.g. {@code conv1}: {@code kernel} and {@code bias}. */
  public record LayerWeights(String layer, List<Tensor> tensors) {}

  /** A Keras 2 file: {@code model_config} is the model's JSON as {@code model.to_json()} gives. */
  public static void write(Path file, Map<String, Object> modelConfig, List<LayerWeights> weights) {
    write(file, json(modelConfig), weights);
  }

  public static void write(Path file, String modelConfig, List<LayerWeights> weights) {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
        stringAttribute(h5, "model_config", modelConfig);
        stringAttribute(h5, "keras_version", "2.4.0");
        stringAttribute(h5, "backend", "tensorflow");
        try (Group root = h5.createGroup("model_weights")) {
          stringArrayAttribute(
              root, "layer_names", weights.stream().map(LayerWeights::layer).toList());
          for (LayerWeights layer : weights) {
            try (Group group = root.createGroup(layer.layer());
                Group inner = group.createGroup(layer.layer())) {
              List<String> names = new ArrayList<>();
              for (Tensor tensor : layer.tensors()) {
                names.add(layer.layer() + "/" + tensor.name() + ":0");
                dataset(inner, tensor.name() + ":0", tensor);
              }
              stringArrayAttribute(group, "weight_names", names);
            }
          }
        }
      }
    }
  }

  /** An HDF5 file with one dataset and no Keras attributes. */
  public static void writeNonKeras(Path file) {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC());
          Group group = h5.createGroup("measurements")) {
        dataset(group, "temperature", new Tensor("t", new long[] {3}, new float[] {1, 2, 3}));
      }
    }
  }

  private static void dataset(Group group, String name, Tensor tensor) {
    try (DataSpace space = new DataSpace(tensor.shape().length, tensor.shape());
        DataSet dataset = group.createDataSet(name, PredType.IEEE_F32LE(), space);
        FloatPointer values = new FloatPointer(tensor.values())) {
      dataset.write(values, PredType.NATIVE_FLOAT());
    }
  }

  /** A scalar fixed-length string, as h5py writes {@code attrs[name] = text.encode('utf8')}. */
  private static void stringAttribute(H5Object owner, String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (StrType type = new StrType(PredType.C_S1(), bytes.length);
        DataSpace space = new DataSpace(H5S_SCALAR);
        Attribute attribute = owner.createAttribute(name, type, space);
        BytePointer data = new BytePointer(bytes)) {
      attribute.write(type, data);
    }
  }

  /** A 1-d array of fixed-length, NUL-padded strings, as h5py writes a list of bytes. */
  private static void stringArrayAttribute(H5Object owner, String name, List<String> texts) {
    int width =
        Math.max(
            1,
            texts.stream()
                .mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .max()
                .orElse(1));
    byte[] bytes = new byte[Math.max(1, texts.size()) * width];
    for (int i = 0; i < texts.size(); i++) {
      byte[] text = texts.get(i).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(text, 0, bytes, i * width, text.length);
    }
    try (StrType type = new StrType(PredType.C_S1(), width);
        DataSpace space = new DataSpace(1, new long[] {Math.max(1, texts.size())});
        Attribute attribute = owner.createAttribute(name, type, space);
        BytePointer data = new BytePointer(bytes)) {
      attribute.write(type, data);
    }
  }

  public static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- Keras layer configurations, as tf.keras 2.4 serialises them -------------------------

  /** A functional model ({@code class_name} "Functional") from input to output. */
  public static Map<String, Object> functional(
      List<Map<String, Object>> layers, String in, String out) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", "model");
    config.put("layers", layers);
    config.put("input_layers", List.of(List.of(in, 0, 0)));
    config.put("output_layers", List.of(List.of(out, 0, 0)));
    return model("Functional", config);
  }

  /** A Sequential model: layers without inbound nodes, in order. */
  public static Map<String, Object> sequential(List<Map<String, Object>> layers) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", "sequential");
    config.put(
        "layers",
        layers.stream()
            .map(
                layer -> {
                  Map<String, Object> plain = new LinkedHashMap<>(layer);
                  plain.remove("name");
                  plain.remove("inbound_nodes");
                  return (Map<String, Object>) plain;
                })
            .toList());
    return model("Sequential", config);
  }

  private static Map<String, Object> model(String className, Map<String, Object> config) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("class_name", className);
    model.put("config", config);
    model.put("keras_version", "2.4.0");
    model.put("backend", "tensorflow");
    return model;
  }

  public static Map<String, Object> input(String name, int height, int width, int channels) {
    Map<String, Object> config = new LinkedHashMap<>();
    List<Object> shape = new ArrayList<>();
    shape.add(null);
    shape.addAll(List.of(height, width, channels));
    config.put("batch_input_shape", shape);
    config.put("dtype", "float32");
    config.put("sparse", false);
    config.put("ragged", false);
    config.put("name", name);
    return layer("InputLayer", name, config, List.of());
  }

  public static Map<String, Object> conv(
      String name,
      String inbound,
      int filters,
      int kernel,
      int stride,
      String activation,
      String dataFormat) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("trainable", true);
    config.put("dtype", "float32");
    config.put("filters", filters);
    config.put("kernel_size", List.of(kernel, kernel));
    config.put("strides", List.of(stride, stride));
    config.put("padding", "valid");
    config.put("data_format", dataFormat);
    config.put("dilation_rate", List.of(1, 1));
    config.put("groups", 1);
    config.put("activation", activation);
    config.put("use_bias", true);
    config.put("kernel_initializer", Map.of("class_name", "GlorotUniform", "config", seedless()));
    config.put("bias_initializer", Map.of("class_name", "Zeros", "config", Map.of()));
    config.put("kernel_regularizer", null);
    config.put("bias_regularizer", null);
    config.put("activity_regularizer", null);
    config.put("kernel_constraint", null);
    config.put("bias_constraint", null);
    return layer("Conv2D", name, config, List.of(inbound));
  }

  public static Map<String, Object> maxPool(String name, String inbound, int size, int stride) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("trainable", true);
    config.put("dtype", "float32");
    config.put("pool_size", List.of(size, size));
    config.put("padding", "valid");
    config.put("strides", List.of(stride, stride));
    config.put("data_format", "channels_last");
    return layer("MaxPooling2D", name, config, List.of(inbound));
  }

  /** A layer of a class that Keras has but DL4J's importer does not know. */
  public static Map<String, Object> unknown(String className, String name, String inbound) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("trainable", true);
    config.put("dtype", "float32");
    return layer(className, name, config, List.of(inbound));
  }

  private static Map<String, Object> seedless() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("seed", null);
    return config;
  }

  private static Map<String, Object> layer(
      String className, String name, Map<String, Object> config, List<String> inbound) {
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("class_name", className);
    layer.put("config", config);
    layer.put("name", name);
    layer.put(
        "inbound_nodes",
        inbound.isEmpty()
            ? List.of()
            : List.of(inbound.stream().map(in -> List.of(in, 0, 0, Map.of())).toList()));
    return layer;
  }
}
