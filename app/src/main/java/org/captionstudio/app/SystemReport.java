package org.captionstudio.app;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.runtime.BackendInfo;
import org.captionstudio.vision.MediaLibraries;

/**
 * What Caption Studio runs on: the app version, Java, the operating system and the compute backend.
 * {@code captionstudio info} prints it; the GUI's status bar shows its backend.
 *
 * @param app the application
 * @param java the Java runtime
 * @param os the operating system and machine
 * @param backend the ND4J backend actually loaded
 * @param media the native media libraries JavaCV loaded
 */
public record SystemReport(App app, Java java, Os os, BackendInfo backend, MediaLibraries media) {

  /**
   * @param name the product name
   * @param version the product version
   */
  public record App(String name, String version) {}

  /**
   * @param version e.g. "17.0.15"
   * @param vendor e.g. "Debian"
   * @param vm e.g. "OpenJDK 64-Bit Server VM"
   * @param maxHeapBytes the heap limit the JVM runs with
   */
  public record Java(String version, String vendor, String vm, long maxHeapBytes) {}

  /**
   * @param name e.g. "Linux"
   * @param version the kernel or OS version
   * @param arch e.g. "amd64"
   * @param cores processors available to the JVM
   */
  public record Os(String name, String version, String arch, int cores) {}

  public SystemReport {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(media, "media");
  }

  /** Collects the report; this loads ND4J, FFmpeg and OpenCV, so never call it on the FX thread. */
  public static SystemReport collect() throws CaptioningException {
    return new SystemReport(
        new App("Caption Studio", AppVersion.get()),
        new Java(
            System.getProperty("java.version"),
            System.getProperty("java.vendor"),
            System.getProperty("java.vm.name"),
            Runtime.getRuntime().maxMemory()),
        new Os(
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch"),
            ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors()),
        BackendInfo.probe(),
        MediaLibraries.probe());
  }
}
