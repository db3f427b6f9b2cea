package org.captionstudio.vision.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a file over HTTP(S) or copies it from a {@code file:} URL, with progress, resume,
 * timeouts, cancellation and an Adler32 check.
 *
 * <ul>
 *   <li>Bytes go to {@code <target>.part}; only a complete file whose checksum matches is moved to
 *       the target, atomically, so the target is never half-written.
 *   <li>An interrupted or cancelled download keeps its {@code .part} and resumes from there with an
 *       HTTP range request; a server that ignores ranges restarts it.
 *   <li>A file that fails the checksum is deleted, with a message that says so.
 * </ul>
 */
public final class Downloader {
  private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
  private final DownloadSettings settings;

  public Downloader(DownloadSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Fetches {@code source} into {@code target} and checks its Adler32.
   *
   * @param expectedAdler32 the checksum, or 0 to skip the check
   * @throws ModelLoadException one sentence: unreachable, HTTP error, stalled, cancelled, corrupt,
   *     or the disk refused the write
   */
  public void download(
      URI source,
      Path target,
      long expectedAdler32,
      ProgressListener progress,
      Cancellation cancellation)
      throws ModelLoadException {
    String name = String.valueOf(target.getFileName());
    Path part = target.resolveSibling(name + ".part");
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      transfer(source, part, name, progress, cancellation);
    } catch (IOException e) {
      if (cancellation.isCancelled()) {
        throw cancelled(name, e);
      }
      throw new ModelLoadException(
          "The download of "
              + name
              + " from "
              + host(source)
              + " failed: "
              + describe(e)
              + ". Run it again to resume.",
          e);
    }
    verifyAndInstall(part, target, name, expectedAdler32, source);
  }

  private void transfer(
      URI source, Path part, String name, ProgressListener progress, Cancellation cancellation)
      throws IOException, ModelLoadException {
    if ("file".equalsIgnoreCase(source.getScheme())) {
      copyLocal(Path.of(source), part, name, progress, cancellation);
      return;
    }
    long have = Files.exists(part) ? Files.size(part) : 0;
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(source).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    // The JDK client's body stream ignores interrupts but unblocks when closed: a watchdog closes
    // it when nothing arrives for the stall timeout, and cancelling closes it at once.
    Watchdog watchdog = new Watchdog(settings.stallTimeout());
    try (AutoCloseable stop = cancellation.onCancel(watchdog::stopNow);
        watchdog) {
      HttpResponse<InputStream> response =
          awaitHeaders(
              client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()),
              watchdog,
              cancellation);
      watchdog.watch(response.body());
      int status = response.statusCode();
      boolean append = false;
      long total;
      if (status == 416 && have > 0) {
        response.body().close();
        return; // the .part is already complete; the checksum decides
      } else if (status == 206) {
        append = true;
        total =
            totalFromContentRange(
                response.headers().firstValue("Content-Range").orElse(null), have);
        LOG.info("Resuming {} at byte {}", name, have);
      } else if (status == 200) {
        have = 0;
        total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      } else {
        response.body().close();
        throw new ModelLoadException(
            "The download of "
                + name
                + " failed: "
                + host(source)
                + " answered HTTP "
                + status
                + (status == 404 ? " (not found)." : "."));
      }
      try (InputStream in = response.body()) {
        write(in, part, append, have, total, name, progress, cancellation, watchdog);
      }
    } catch (IOException e) {
      if (watchdog.stalled() || cancellation.isCancelled()) {
        throw interrupted(name, source, cancellation, watchdog, e);
      }
      throw e;
    } catch (ModelLoadException e) {
      if (watchdog.stalled() && !cancellation.isCancelled()) {
        throw interrupted(name, source, cancellation, watchdog, e);
      }
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** Waits for the response headers, giving up on a stall or a cancel. */
  private static HttpResponse<InputStream> awaitHeaders(
      java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> pending,
      Watchdog watchdog,
      Cancellation cancellation)
      throws IOException {
    while (true) {
      try {
        return pending.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (cancellation.isCancelled() || watchdog.stalled()) {
          pending.cancel(true);
          throw new IOException("no response", e);
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException(e.getCause());
      } catch (InterruptedException e) {
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the server");
      }
    }
  }

  private ModelLoadException interrupted(
      String name, URI source, Cancellation cancellation, Watchdog watchdog, Exception cause) {
    if (cancellation.isCancelled()) {
      return cancelled(name, cause);
    }
    if (watchdog.stalled()) {
      return new ModelLoadException(
          "The download of "
              + name
              + " from "
              + host(source)
              + " stalled: nothing arrived for "
              + settings.stallTimeout().toSeconds()
              + " s. Run it again to resume.",
          cause);
    }
    return new ModelLoadException("The download of " + name + " was interrupted.", cause);
  }

  private static void write(
      InputStream in,
      Path part,
      boolean append,
      long have,
      long total,
      String name,
      ProgressListener progress,
      Cancellation cancellation,
      Watchdog watchdog)
      throws IOException, ModelLoadException {
    try (OutputStream out =
        Files.newOutputStream(
            part,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[1 << 16];
      String stage = "Downloading " + name;
      long done = have;
      progress.progress(stage, done, total);
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (watchdog != null) {
          watchdog.alive();
        }
        if (cancellation.isCancelled()) {
          throw cancelled(name, null);
        }
        out.write(buffer, 0, n);
        done += n;
        progress.progress(stage, done, total);
      }
    }
    if (cancellation.isCancelled()) {
      throw cancelled(name, null);
    }
  }

  private static void copyLocal(
      Path from, Path part, String name, ProgressListener progress, Cancellation cancellation)
      throws IOException, ModelLoadException {
    if (!Files.isRegularFile(from)) {
      throw new ModelLoadException(name + " is not in the mirror: " + from + " does not exist.");
    }
    try (InputStream in = Files.newInputStream(from)) {
      write(in, part, false, 0, Files.size(from), name, progress, cancellation, null);
    }
  }

  /** Closes the body stream when no data has arrived for a while, or on demand. */
  private static final class Watchdog implements AutoCloseable {
    private final long stallNanos;
    private final java.util.concurrent.ScheduledExecutorService timer;
    private volatile long lastAlive = System.nanoTime();
    private volatile java.io.Closeable watched;
    private volatile boolean stalled;
    private volatile boolean closed;

    Watchdog(java.time.Duration stallTimeout) {
      this.stallNanos = stallTimeout.toNanos();
      this.timer =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "download-watchdog");
                thread.setDaemon(true);
                return thread;
              });
      long period = Math.max(10, Math.min(250, stallTimeout.toMillis() / 4));
      timer.scheduleAtFixedRate(
          this::check, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void watch(java.io.Closeable stream) {
      watched = stream;
      alive();
    }

    void alive() {
      lastAlive = System.nanoTime();
    }

    boolean stalled() {
      return stalled;
    }

    void stopNow() {
      closeWatched();
    }

    private void check() {
      if (!closed && System.nanoTime() - lastAlive > stallNanos) {
        stalled = true;
        closeWatched();
      }
    }

    private void closeWatched() {
      java.io.Closeable stream = watched;
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException e) {
          LOG.debug("Closing a stalled download failed", e);
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      timer.shutdownNow();
    }
  }

  private static void verifyAndInstall(
      Path part, Path target, String name, long expectedAdler32, URI source)
      throws ModelLoadException {
    try {
      if (expectedAdler32 != 0) {
        long actual = Checksums.adler32(part);
        if (actual != expectedAdler32) {
          Files.deleteIfExists(part);
          throw new ModelLoadException(
              "The download of "
                  + name
                  + " from "
                  + host(source)
                  + " is corrupt (Adler32 "
                  + actual
                  + ", expected "
                  + expectedAdler32
                  + ") and was deleted; try again or"
                  + " use another mirror.");
        }
      }
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ModelLoadException(name + " could not be saved: " + describe(e) + ".", e);
    }
  }

  /** "bytes 100-199/1000" gives 1000; without a total, have + remaining length is unknown. */
  static long totalFromContentRange(String contentRange, long have) {
    if (contentRange != null) {
      int slash = contentRange.lastIndexOf('/');
      if (slash >= 0) {
        try {
          return Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static ModelLoadException cancelled(String name, Throwable cause) {
    return new ModelLoadException(
        "The download of " + name + " was cancelled; run it again to resume where it stopped.",
        cause);
  }

  private static String host(URI source) {
    return source.getHost() != null ? source.getHost() : source.toString();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (e instanceof java.net.UnknownHostException) {
      return "the host " + message + " is unknown (is this machine offline?)";
    }
    if (e instanceof java.net.ConnectException) {
      return "the server refused the connection";
    }
    if (message != null && message.toLowerCase(Locale.ROOT).contains("no space left")) {
      return "the disk is full";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
