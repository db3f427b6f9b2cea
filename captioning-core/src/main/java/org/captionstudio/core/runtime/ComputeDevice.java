package org.captionstudio.core.runtime;

import java.util.Objects;

/**
 * One device the ND4J backend computes on: the CPU, or one CUDA GPU.
 *
 * @param name the device's own name, e.g. "Intel(R) Xeon(R) ..." or "NVIDIA H100 80GB HBM3"
 * @param totalMemoryBytes the device's memory (host RAM for the CPU), or -1 when unknown
 * @param freeMemoryBytes the memory free now, or -1 when unknown
 */
public record ComputeDevice(String name, long totalMemoryBytes, long freeMemoryBytes) {
  public ComputeDevice {
    Objects.requireNonNull(name, "name");
    if (totalMemoryBytes < -1) {
      throw new IllegalArgumentException(
          "totalMemoryBytes must be >= 0 or -1 for unknown, got " + totalMemoryBytes);
    }
    if (freeMemoryBytes < -1) {
      throw new IllegalArgumentException(
          "freeMemoryBytes must be >= 0 or -1 for unknown, got " + freeMemoryBytes);
    }
  }
}
