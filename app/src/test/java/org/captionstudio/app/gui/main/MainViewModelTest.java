package org.captionstudio.app.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.captionstudio.app.gui.CurrentThreadTaskExecutor;
import org.captionstudio.core.runtime.BackendInfo;
import org.captionstudio.core.runtime.ComputeDevice;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
  private static final BackendInfo CPU =
      new BackendInfo(
          BackendInfo.Kind.CPU,
          "1.0.0-M2.1",
          "CpuBackend",
          List.of(new ComputeDevice("Test CPU", 8L << 30, 4L << 30)),
          "OPENBLAS",
          2,
          2,
          "PASSIVE",
          "FLOAT",
          "3G",
          "6G");

  @Test
  void beforeLoadingTheStatusSaysTheBackendIsStarting() {
    MainViewModel viewModel = new MainViewModel(new CurrentThreadTaskExecutor(), () -> CPU);

    assertEquals(MainViewModel.BackendState.LOADING, viewModel.backendStateProperty().get());
    assertEquals("Starting the compute backend…", viewModel.backendStatusProperty().get());
    assertNull(viewModel.backendProperty().get());
  }

  @Test
  void aLoadedBackendIsShownInTheStatusBar() {
    MainViewModel viewModel = new MainViewModel(new CurrentThreadTaskExecutor(), () -> CPU);

    viewModel.loadBackend();

    assertEquals(MainViewModel.BackendState.READY, viewModel.backendStateProperty().get());
    assertSame(CPU, viewModel.backendProperty().get());
    assertEquals(
        "CPU · Test CPU, 8.0 GiB · OPENBLAS, 2 threads", viewModel.backendStatusProperty().get());
  }

  @Test
  void aBackendThatFailsToLoadIsSaidInOneSentence() {
    MainViewModel viewModel =
        new MainViewModel(
            new CurrentThreadTaskExecutor(),
            () -> {
              throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
            });

    viewModel.loadBackend();

    assertEquals(MainViewModel.BackendState.FAILED, viewModel.backendStateProperty().get());
    assertEquals(
        "The compute backend could not start: no jnind4jcpu in java.library.path",
        viewModel.backendStatusProperty().get());
  }

  @Test
  void memoryStatusShowsUsedAndMaximumHeap() {
    MainViewModel viewModel = new MainViewModel(new CurrentThreadTaskExecutor(), () -> CPU);

    String memory = viewModel.memoryStatusProperty().get();
    assertTrue(memory.matches("Memory \\d+\\.\\d \\w+ of \\d+\\.\\d \\w+"), memory);
  }
}
