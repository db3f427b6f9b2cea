package org.captionstudio.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A cancel button for a long job. Work checks {@link #isCancelled()} between steps; blocking I/O
 * registers a close action so that cancelling interrupts a stalled read at once.
 */
public final class Cancellation {
  private final List<Runnable> onCancel = new ArrayList<>();
  private boolean cancelled;

  /** A cancellation that is never cancelled, for callers without a cancel button. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Cancels; runs the registered close actions once. */
  public void cancel() {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      actions = List.copyOf(onCancel);
      onCancel.clear();
    }
    actions.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} when cancelled (at once if already cancelled).
   *
   * @return a handle that unregisters it, for try-with-resources around the blocking call
   */
  public AutoCloseable onCancel(Runnable action) {
    boolean runNow;
    synchronized (this) {
      runNow = cancelled;
      if (!runNow) {
        onCancel.add(action);
      }
    }
    if (runNow) {
      action.run();
    }
    return () -> {
      synchronized (this) {
        onCancel.remove(action);
      }
    };
  }
}
