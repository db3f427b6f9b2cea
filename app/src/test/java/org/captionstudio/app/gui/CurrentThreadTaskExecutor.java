package org.captionstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callback on the calling thread, so view models test in plain JUnit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
  @Override
  public <T> void submit(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    T result;
    try {
      result = work.call();
    } catch (Exception | Error e) {
      onFailure.accept(e);
      return;
    }
    onSuccess.accept(result);
  }

  @Override
  public void onUiThread(Runnable action) {
    action.run();
  }
}
