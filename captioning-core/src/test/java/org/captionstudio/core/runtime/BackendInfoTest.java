package org.captionstudio.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendInfoTest {

  @Test
  void theDefaultBuildLoadsTheCpuBackendWithOpenBlas() throws Exception {
    BackendInfo info = BackendInfo.probe();

    assertEquals(BackendInfo.Kind.CPU, info.kind());
    assertEquals("1.0.0-M2.1", info.nd4jVersion());
    assertTrue(info.blasVendor().toUpperCase().contains("OPENBLAS"), info.blasVendor());
    assertTrue(info.ompThreads() >= 1, "ompThreads " + info.ompThreads());
    assertEquals(1, info.devices().size());
    assertFalse(info.primaryDevice().name().isBlank());
    assertTrue(info.primaryDevice().totalMemoryBytes() > 0);
  }

  @Test
  void testsRunWithPassiveOpenMpThreadsAndAnOffHeapCap() throws Exception {
    // Without PASSIVE, OpenMP threads spin and small ND4J work runs 10-40x slower (DL4J-NOTES.md).
    BackendInfo info = BackendInfo.probe();

    assertEquals("PASSIVE", info.ompWaitPolicy());
    assertTrue(info.physicalMemoryLimit().matches("\\d+[KMGkmg]?"), info.physicalMemoryLimit());
  }

  @Test
  void summaryNamesKindDeviceBlasAndThreads() {
    BackendInfo info =
        new BackendInfo(
            BackendInfo.Kind.CUDA,
            "1.0.0-M2.1",
            "JCublasBackend",
            List.of(new ComputeDevice("NVIDIA H100", 80L << 30, -1)),
            "CUBLAS",
            1,
            1,
            "PASSIVE",
            "FLOAT",
            "unset",
            "unset");

    assertEquals("CUDA · NVIDIA H100, 80.0 GiB · CUBLAS, 1 thread", info.summary());
  }

  @Test
  void aBackendWithoutDevicesIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BackendInfo(
                    BackendInfo.Kind.CPU, "x", "x", List.of(), "x", 1, 1, "x", "x", "x", "x"));
    assertEquals("devices must name at least one device, got none", e.getMessage());
  }

  @Test
  void negativeMemoryOtherThanUnknownIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ComputeDevice("cpu", -5, -1));
    assertEquals("totalMemoryBytes must be >= 0 or -1 for unknown, got -5", e.getMessage());
  }

  @Test
  void aCudaBuildWithoutTheDriverSaysSoInOneSentence() {
    // What ND4J M2.1 throws on a machine without libcuda.so.1 (seen with the cuda profile).
    Throwable failure =
        new ExceptionInInitializerError(
            new RuntimeException(
                new UnsatisfiedLinkError(
                    "/root/.javacpp/cache/cuda/libjnicudart.so: libcuda.so.1: cannot open shared"
                        + " object file: No such file or directory")));

    assertEquals(
        "The CUDA build of Caption Studio found no NVIDIA driver (libcuda.so.1 is missing):"
            + " install the NVIDIA driver for CUDA 11.6 or newer, or use the CPU build.",
        BackendInfo.explainLoadFailure(failure));
  }

  @Test
  void otherLoadFailuresNameTheRootCause() {
    Throwable failure =
        new ExceptionInInitializerError(
            new RuntimeException(new IllegalStateException("Illegal instruction")));

    assertEquals(
        "The compute backend (ND4J) could not start: Illegal instruction",
        BackendInfo.explainLoadFailure(failure));
  }

  @Test
  void bytesAreShownWithBinaryUnits() {
    assertEquals("512 B", BackendInfo.formatBytes(512));
    assertEquals("1.0 KiB", BackendInfo.formatBytes(1024));
    assertEquals("1.5 MiB", BackendInfo.formatBytes(3L << 19));
    assertEquals("23.5 GiB", BackendInfo.formatBytes(25_232_932_864L));
  }
}
