package org.captionstudio.vision.video;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;

/**
 * Bounds one read of a video in time: the time limit, the stall timeout and the cancel button.
 *
 * <p>Decoding checks {@link #stopped()} between frames, and the file's input stream checks it
 * before every read, so FFmpeg's own loops (opening, probing, seeking) end at their next read. For
 * a read that blocks (a stalled disk or network share), a watchdog closes the file when the guard
 * trips, which makes the read return.
 */
final class DecodeGuard implements AutoCloseable {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "video-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  enum Reason {
    CANCELLED,
    TIME_LIMIT,
    STALLED
  }

  private final String name;
  private final VideoLimits limits;
  private final Cancellation cancellation;
  private final long deadline;
  private final List<Closeable> onStop = new CopyOnWriteArrayList<>();
  private final AutoCloseable cancelHook;
  private final ScheduledFuture<?> tick;
  private volatile long lastProgress;
  private volatile Reason reason;

  DecodeGuard(String name, VideoLimits limits, Cancellation cancellation) {
    this.name = name;
    this.limits = limits;
    this.cancellation = cancellation;
    long now = System.nanoTime();
    this.deadline = now + limits.timeLimit().toNanos();
    this.lastProgress = now;
    this.cancelHook = cancellation.onCancel(() -> trip(Reason.CANCELLED));
    this.tick = WATCHDOG.scheduleWithFixedDelay(this::stopped, 100, 100, TimeUnit.MILLISECONDS);
  }

  /** A frame arrived: the stall clock starts again. */
  void progress() {
    lastProgress = System.nanoTime();
  }

  /** Closes {@code resource} when the guard trips, to unblock a read stuck in it. */
  void closeOnStop(Closeable resource) {
    onStop.add(resource);
    if (reason != null) {
      closeQuietly(resource);
    }
  }

  /** The thread reading the file was interrupted: treated as a cancel. */
  void interrupted() {
    trip(Reason.CANCELLED);
  }

  /** Whether reading must stop now. */
  boolean stopped() {
    if (reason != null) {
      return true;
    }
    long now = System.nanoTime();
    if (cancellation.isCancelled()) {
      trip(Reason.CANCELLED);
    } else if (now - deadline > 0) {
      trip(Reason.TIME_LIMIT);
    } else if (now - lastProgress > limits.stallTimeout().toNanos()) {
      trip(Reason.STALLED);
    }
    return reason != null;
  }

  /** Throws the guard's sentence when reading must stop. */
  void check() throws CaptioningException {
    if (stopped()) {
      throw failure();
    }
  }

  /** The sentence for why reading stopped. */
  CaptioningException failure() {
    Reason why = reason;
    if (why == null) {
      throw new IllegalStateException("the guard has not tripped");
    }
    return switch (why) {
      case CANCELLED -> new CaptioningException("Reading " + name + " was cancelled.");
      case TIME_LIMIT ->
          new MediaDecodeException(
              "Reading "
                  + name
                  + " took longer than its time limit ("
                  + span(limits.timeLimit().toMillis())
                  + "), so it was stopped.");
      case STALLED ->
          new MediaDecodeException(
              "Reading "
                  + name
                  + " yielded no frame for "
                  + span(limits.stallTimeout().toMillis())
                  + ", so it was abandoned; the file may be damaged or the disk unresponsive.");
    };
  }

  private void trip(Reason why) {
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
    }
    onStop.forEach(DecodeGuard::closeQuietly);
  }

  @Override
  public void close() {
    tick.cancel(false);
    try {
      cancelHook.close();
    } catch (Exception e) {
      // unregistering a list entry cannot fail
    }
  }

  private static void closeQuietly(Closeable resource) {
    try {
      resource.close();
    } catch (IOException e) {
      // the reader sees the closed file and stops; nothing more to do
    }
  }

  /** "30 minutes", "1 second", "50 ms". */
  static String span(long millis) {
    if (millis >= 60_000 && millis % 60_000 == 0) {
      return plural(millis / 60_000, "minute");
    }
    if (millis >= 1000 && millis % 1000 == 0) {
      return plural(millis / 1000, "second");
    }
    return millis + " ms";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
