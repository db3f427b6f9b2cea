package org.captionstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work off the UI thread and hands the outcome back on it. Production uses {@link
 * FxTaskExecutor}; view-model tests use an executor that runs everything on the calling thread.
 */
public interface TaskExecutor {

  /**
   * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread.
   *
   * @param work the slow part: decoding, encoding, training, I/O
   * @param onSuccess receives the result
   * @param onFailure receives whatever {@code work} threw, errors included
   */
  <T> void submit(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

  /** Runs {@code action} on the UI thread later: for progress and results that arrive mid-job. */
  void onUiThread(Runnable action);
}
