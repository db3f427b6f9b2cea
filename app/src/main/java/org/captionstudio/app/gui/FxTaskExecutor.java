package org.captionstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs work as JavaFX {@link Task}s on daemon worker threads; callbacks run on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
  private final ExecutorService workers = Executors.newCachedThreadPool(new WorkerThreads());

  @Override
  public <T> void submit(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            return work.call();
          }
        };
    task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
    task.setOnFailed(event -> onFailure.accept(task.getException()));
    workers.execute(task);
  }

  @Override
  public void onUiThread(Runnable action) {
    javafx.application.Platform.runLater(action);
  }

  /** Stops accepting work and interrupts what is running. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "captionstudio-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
