package org.captionstudio.app.gui.main;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.captionstudio.app.gui.TaskExecutor;
import org.captionstudio.core.runtime.BackendInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of the main window: whether the compute backend is up, and what it is. */
public final class MainViewModel {
  static final String LOADING = "Starting the compute backend…";
  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

  /** Where the compute backend stands. */
  public enum BackendState {
    LOADING,
    READY,
    FAILED
  }

  private final TaskExecutor executor;
  private final Callable<BackendInfo> backendProbe;
  private final ReadOnlyObjectWrapper<BackendState> backendState =
      new ReadOnlyObjectWrapper<>(BackendState.LOADING);
  private final ReadOnlyObjectWrapper<BackendInfo> backend = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper backendStatus = new ReadOnlyStringWrapper(LOADING);
  private final ReadOnlyStringWrapper memoryStatus = new ReadOnlyStringWrapper("");
  private final javafx.beans.property.BooleanProperty dark =
      new javafx.beans.property.SimpleBooleanProperty(false);

  /**
   * @param executor runs the backend probe off the UI thread
   * @param backendProbe loads ND4J and reports the backend (slow: seconds on a cold start)
   */
  public MainViewModel(TaskExecutor executor, Callable<BackendInfo> backendProbe) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.backendProbe = Objects.requireNonNull(backendProbe, "backendProbe");
    refreshMemory();
  }

  /** Loads the compute backend in the background; the status bar follows. */
  public void loadBackend() {
    backendState.set(BackendState.LOADING);
    backendStatus.set(LOADING);
    executor.submit(backendProbe, this::backendReady, this::backendFailed);
  }

  /** Re-reads the JVM's memory use for the status bar. */
  public void refreshMemory() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    memoryStatus.set(
        "Memory "
            + BackendInfo.formatBytes(used)
            + " of "
            + BackendInfo.formatBytes(runtime.maxMemory()));
  }

  private void backendReady(BackendInfo info) {
    LOG.info(
        "Compute backend ready {} ms after the JVM started",
        ManagementFactory.getRuntimeMXBean().getUptime());
    backend.set(info);
    backendStatus.set(info.summary());
    backendState.set(BackendState.READY);
  }

  private void backendFailed(Throwable failure) {
    LOG.error("The compute backend could not start", failure);
    String reason =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    backendStatus.set("The compute backend could not start: " + reason);
    backendState.set(BackendState.FAILED);
  }

  public ReadOnlyObjectProperty<BackendState> backendStateProperty() {
    return backendState.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<BackendInfo> backendProperty() {
    return backend.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty backendStatusProperty() {
    return backendStatus.getReadOnlyProperty();
  }

  /** Whether the window uses the dark theme. */
  public javafx.beans.property.BooleanProperty darkProperty() {
    return dark;
  }

  public ReadOnlyStringProperty memoryStatusProperty() {
    return memoryStatus.getReadOnlyProperty();
  }
}
