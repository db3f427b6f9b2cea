package org.captionstudio.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.captionstudio.core.CaptioningException;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute backend this process actually loaded, as ND4J reports it: CPU or CUDA, the devices,
 * the BLAS library and the thread and memory settings that decide its speed.
 *
 * @param kind {@link Kind#CPU} or {@link Kind#CUDA}
 * @param nd4jVersion the ND4J release, e.g. "1.0.0-M2.1"
 * @param backendName ND4J's own name for the backend implementation
 * @param devices the devices computed on (one entry for the CPU, one per GPU for CUDA)
 * @param blasVendor the BLAS library, e.g. "OPENBLAS" or "CUBLAS"
 * @param blasThreads threads BLAS may use
 * @param ompThreads threads ND4J's OpenMP loops use
 * @param ompWaitPolicy the {@code OMP_WAIT_POLICY} in force ("PASSIVE" is what we want), or "unset"
 * @param defaultDataType the floating-point type new arrays get
 * @param offHeapLimit {@code org.bytedeco.javacpp.maxbytes}, or "unset"
 * @param physicalMemoryLimit {@code org.bytedeco.javacpp.maxphysicalbytes}, or "unset"
 */
public record BackendInfo(
    Kind kind,
    String nd4jVersion,
    String backendName,
    List<ComputeDevice> devices,
    String blasVendor,
    long blasThreads,
    int ompThreads,
    String ompWaitPolicy,
    String defaultDataType,
    String offHeapLimit,
    String physicalMemoryLimit) {

  /** The two backends the build can choose between. */
  public enum Kind {
    CPU,
    CUDA
  }

  static final String UNSET = "unset";
  private static final Logger LOG = LoggerFactory.getLogger(BackendInfo.class);

  public BackendInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nd4jVersion, "nd4jVersion");
    Objects.requireNonNull(backendName, "backendName");
    devices = List.copyOf(devices);
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("devices must name at least one device, got none");
    }
    Objects.requireNonNull(blasVendor, "blasVendor");
    Objects.requireNonNull(ompWaitPolicy, "ompWaitPolicy");
    Objects.requireNonNull(defaultDataType, "defaultDataType");
    Objects.requireNonNull(offHeapLimit, "offHeapLimit");
    Objects.requireNonNull(physicalMemoryLimit, "physicalMemoryLimit");
  }

  /**
   * Loads ND4J if it is not loaded yet (0.4–2 s warm, several seconds the very first time) and
   * reports what it found. Never call it on a UI thread.
   *
   * @throws CaptioningException when no backend loads, e.g. the CUDA build on a machine without an
   *     NVIDIA driver; the message says what to do
   */
  public static BackendInfo probe() throws CaptioningException {
    Properties env;
    try {
      env = Nd4j.getExecutioner().getEnvironmentInformation();
    } catch (RuntimeException | LinkageError e) {
      // Static initialisation failed: ExceptionInInitializerError first, NoClassDefFoundError
      // after.
      throw new CaptioningException(explainLoadFailure(e), e);
    }
    String backend = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "CPU"));
    Kind kind = backend.toUpperCase(Locale.ROOT).contains("CUDA") ? Kind.CUDA : Kind.CPU;
    List<ComputeDevice> devices = kind == Kind.CUDA ? cudaDevices(env) : List.of(cpuDevice());
    BackendInfo info =
        new BackendInfo(
            kind,
            readNd4jVersion(),
            Nd4j.getBackend().getClass().getSimpleName(),
            devices,
            String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
            asLong(env.get(Nd4jEnvironment.BLAS_THREADS_KEY)),
            (int) asLong(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
            orUnset(System.getenv("OMP_WAIT_POLICY")),
            Nd4j.defaultFloatingPointType().name(),
            orUnset(System.getProperty("org.bytedeco.javacpp.maxbytes")),
            orUnset(System.getProperty("org.bytedeco.javacpp.maxphysicalbytes")));
    LOG.info("Compute backend: {}", info);
    return info;
  }

  /** One sentence on why ND4J did not load, with what to do about it. */
  static String explainLoadFailure(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("libcuda.so")) {
        return "The CUDA build of Caption Studio found no NVIDIA driver (libcuda.so.1 is missing):"
            + " install the NVIDIA driver for CUDA 11.6 or newer, or use the CPU build.";
      }
      root = t;
    }
    if (root.getClass().getSimpleName().equals("NoAvailableBackendException")) {
      return "ND4J found no compute backend that loads on this machine (the CUDA build needs an"
          + " NVIDIA driver): run `./captionstudio --verbose info` to see why each was skipped.";
    }
    return "The compute backend (ND4J) could not start: " + root.getMessage();
  }

  /** The device computed on first: the CPU, or GPU 0. */
  public ComputeDevice primaryDevice() {
    return devices.get(0);
  }

  /** A short line for a status bar, e.g. "CPU · Intel Xeon · OPENBLAS, 2 threads". */
  public String summary() {
    ComputeDevice device = primaryDevice();
    String memory =
        device.totalMemoryBytes() > 0 ? ", " + formatBytes(device.totalMemoryBytes()) : "";
    return kind
        + " · "
        + device.name()
        + memory
        + " · "
        + blasVendor
        + ", "
        + ompThreads
        + (ompThreads == 1 ? " thread" : " threads");
  }

  /** Bytes as a short human figure with a binary unit, e.g. "23.4 GiB". */
  public static String formatBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static List<ComputeDevice> cudaDevices(Properties env) {
    List<ComputeDevice> devices = new ArrayList<>();
    if (env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> device) {
          devices.add(
              new ComputeDevice(
                  String.valueOf(device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)),
                  asLong(device.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY)),
                  asLong(device.get(Nd4jEnvironment.CUDA_FREE_MEMORY_KEY))));
        }
      }
    }
    if (devices.isEmpty()) {
      devices.add(new ComputeDevice("CUDA device", -1, -1));
    }
    return devices;
  }

  private static ComputeDevice cpuDevice() {
    long total = -1;
    long free = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
      free = os.getFreeMemorySize();
    }
    return new ComputeDevice(cpuName(), total, free);
  }

  /** The CPU's model name from /proc/cpuinfo where there is one, else the architecture. */
  static String cpuName() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      try {
        for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
          if (line.startsWith("model name")) {
            int colon = line.indexOf(':');
            return line.substring(colon + 1).trim().replaceAll("\\s+", " ");
          }
        }
      } catch (IOException e) {
        LOG.debug("Could not read {}", cpuinfo, e);
      }
    }
    return System.getProperty("os.arch") + " CPU";
  }

  private static String readNd4jVersion() {
    try (InputStream in =
        Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      LOG.debug("Could not read the ND4J version", e);
    }
    String version = Nd4j.class.getPackage().getImplementationVersion();
    return version != null ? version : "unknown";
  }

  private static long asLong(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value != null) {
      try {
        return Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  private static String orUnset(String value) {
    return value == null || value.isBlank() ? UNSET : value;
  }
}
