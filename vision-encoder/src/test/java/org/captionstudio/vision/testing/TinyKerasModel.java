package org.captionstudio.vision.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.captionstudio.vision.testing.KerasH5.LayerWeights;
import org.captionstudio.vision.testing.KerasH5.Tensor;

/**
 * A tiny channels_last Keras CNN shaped to pass SqueezeNet's import check (227 px in, a 512×13×13
 * map at {@code fire9}), with seeded weights: input → conv1 (2 filters, 3×3, stride 2, relu) →
 * three 3×3/2 max pools → fire9 (512 filters, 1×1, linear).
 */
public final class TinyKerasModel {
  /** The input side, SqueezeNet's. */
  public static final int SIDE = 227;

  private final Tensor conv1Kernel; // [kH, kW, in, out] = [3, 3, 3, 2]
  private final Tensor conv1Bias; // [2]
  private final Tensor tapKernel; // [1, 1, 2, 512]
  private final Tensor tapBias; // [512]

  public TinyKerasModel(long seed) {
    Random random = new Random(seed);
    conv1Kernel = Tensor.random("kernel", random, 3, 3, 3, 2);
    conv1Bias = Tensor.random("bias", random, 2);
    tapKernel = Tensor.random("kernel", random, 1, 1, 2, 512);
    tapBias = Tensor.random("bias", random, 512);
  }

  public Tensor conv1Kernel() {
    return conv1Kernel;
  }

  public Tensor conv1Bias() {
    return conv1Bias;
  }

  public Tensor tapKernel() {
    return tapKernel;
  }

  public Tensor tapBias() {
    return tapBias;
  }

  /** The layers, the last called {@code tapName} with {@code tapFilters} filters. */
  public List<Map<String, Object>> layers(String tapName, int tapFilters) {
    return List.of(
        KerasH5.input("input_1", SIDE, SIDE, 3),
        KerasH5.conv("conv1", "input_1", 2, 3, 2, "relu", "channels_last"),
        KerasH5.maxPool("pool1", "conv1", 3, 2),
        KerasH5.maxPool("pool2", "pool1", 3, 2),
        KerasH5.maxPool("pool3", "pool2", 3, 2),
        KerasH5.conv(tapName, "pool3", tapFilters, 1, 1, "linear", "channels_last"));
  }

  /** The weights of conv1 and of the 512-filter tap layer called {@code tapName}. */
  public List<LayerWeights> weights(String tapName) {
    return List.of(
        new LayerWeights("conv1", List.of(conv1Kernel, conv1Bias)),
        new LayerWeights(tapName, List.of(tapKernel, tapBias)));
  }

  /** Writes the model as a Keras "Functional" or "Sequential" model into {@code file}. */
  public Path write(Path file, String kind) {
    Map<String, Object> config =
        switch (kind) {
          case "Functional" -> KerasH5.functional(layers("fire9", 512), "input_1", "fire9");
          case "Sequential" -> KerasH5.sequential(layers("fire9", 512));
          default -> throw new IllegalArgumentException("kind must be Functional or Sequential");
        };
    KerasH5.write(file, config, weights("fire9"));
    return file;
  }

  /** The model by hand on a {@code [3, 227, 227]} image: the tap as {@code [512, 13, 13]}. */
  public float[] handForward(float[] image) {
    // conv1: 3x3, stride 2, valid, relu -> [2, 113, 113]
    int side = (SIDE - 3) / 2 + 1;
    float[] map = new float[2 * side * side];
    for (int o = 0; o < 2; o++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          float sum = conv1Bias.values()[o];
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              for (int c = 0; c < 3; c++) {
                float w = conv1Kernel.values()[((i * 3 + j) * 3 + c) * 2 + o];
                sum += w * image[(c * SIDE + 2 * y + i) * SIDE + 2 * x + j];
              }
            }
          }
          map[(o * side + y) * side + x] = Math.max(0, sum);
        }
      }
    }
    // three 3x3 max pools, stride 2: 113 -> 56 -> 27 -> 13
    for (int pool = 0; pool < 3; pool++) {
      int next = (side - 3) / 2 + 1;
      float[] pooled = new float[2 * next * next];
      for (int o = 0; o < 2; o++) {
        for (int y = 0; y < next; y++) {
          for (int x = 0; x < next; x++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < 3; i++) {
              for (int j = 0; j < 3; j++) {
                max = Math.max(max, map[(o * side + 2 * y + i) * side + 2 * x + j]);
              }
            }
            pooled[(o * next + y) * next + x] = max;
          }
        }
      }
      map = pooled;
      side = next;
    }
    // fire9: 1x1, linear -> [512, 13, 13]
    float[] tap = new float[512 * side * side];
    for (int d = 0; d < 512; d++) {
      for (int cell = 0; cell < side * side; cell++) {
        float sum = tapBias.values()[d];
        for (int c = 0; c < 2; c++) {
          sum += tapKernel.values()[c * 512 + d] * map[c * side * side + cell];
        }
        tap[d * side * side + cell] = sum;
      }
    }
    return tap;
  }
}
