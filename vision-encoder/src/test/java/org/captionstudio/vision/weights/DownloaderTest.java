package org.captionstudio.vision.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Adler32;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against real HTTP servers on the loopback interface. */
class DownloaderTest {
  private static final byte[] WEIGHTS = new byte[3 << 20];
  private static final long CHECKSUM;

  static {
    new Random(42).nextBytes(WEIGHTS);
    Adler32 adler = new Adler32();
    adler.update(WEIGHTS);
    CHECKSUM = adler.getValue();
  }

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> rangesSeen = new CopyOnWriteArrayList<>();
  private final AtomicLong bytesSent = new AtomicLong();
  private final Downloader downloader =
      new Downloader(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "loopback-http");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext("/models/w.zip", this::serveWithRanges);
    server.createContext(
        "/corrupt.zip",
        exchange -> {
          byte[] corrupt = WEIGHTS.clone();
          corrupt[1000] ^= 0x5A;
          send(exchange, 200, corrupt, 0);
        });
    server.createContext(
        "/stall.zip",
        exchange -> {
          exchange.sendResponseHeaders(200, WEIGHTS.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(WEIGHTS, 0, 100_000);
            out.flush();
            Thread.sleep(5_000); // stop sending, keep the connection open
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.createContext("/missing.zip", exchange -> send(exchange, 404, new byte[0], 0));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void serveWithRanges(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range == null) {
      send(exchange, 200, WEIGHTS, 0);
      return;
    }
    rangesSeen.add(range);
    int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
    exchange
        .getResponseHeaders()
        .add("Content-Range", "bytes " + from + "-" + (WEIGHTS.length - 1) + "/" + WEIGHTS.length);
    send(exchange, 206, WEIGHTS, from);
  }

  private void send(HttpExchange exchange, int status, byte[] body, int from) throws IOException {
    int length = body.length - from;
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int at = from; at < body.length; at += 8192) {
        int n = Math.min(8192, body.length - at);
        out.write(body, at, n);
        bytesSent.addAndGet(n);
      }
    } catch (IOException e) {
      // the client hung up (cancel): fine
    }
  }

  @Test
  void aCompleteDownloadIsVerifiedAndMovedIntoPlace() throws Exception {
    Path target = dir.resolve("cache/resnet50/w.zip");
    List<Long> progress = new CopyOnWriteArrayList<>();

    downloader.download(
        uri("/models/w.zip"),
        target,
        CHECKSUM,
        (stage, done, total) -> progress.add(done),
        Cancellation.none());

    assertArrayEquals(WEIGHTS, Files.readAllBytes(target));
    assertFalse(Files.exists(target.resolveSibling("w.zip.part")));
    assertEquals(WEIGHTS.length, progress.get(progress.size() - 1));
  }

  @Test
  void aCancelledDownloadKeepsItsPartAndResumesWithARangeRequest() throws Exception {
    Path target = dir.resolve("w.zip");
    Cancellation cancellation = new Cancellation();
    ProgressListener cancelEarly =
        (stage, done, total) -> {
          if (done > 500_000) {
            cancellation.cancel();
          }
        };

    ModelLoadException cancelled =
        assertThrows(
            ModelLoadException.class,
            () ->
                downloader.download(
                    uri("/models/w.zip"), target, CHECKSUM, cancelEarly, cancellation));
    assertEquals(
        "The download of w.zip was cancelled; run it again to resume where it stopped.",
        cancelled.getMessage());
    Path part = dir.resolve("w.zip.part");
    long kept = Files.size(part);
    assertTrue(kept > 500_000 && kept < WEIGHTS.length, "kept " + kept);
    assertFalse(Files.exists(target));

    bytesSent.set(0);
    downloader.download(
        uri("/models/w.zip"), target, CHECKSUM, ProgressListener.NONE, Cancellation.none());

    assertArrayEquals(WEIGHTS, Files.readAllBytes(target));
    assertEquals(List.of("bytes=" + kept + "-"), rangesSeen);
    assertEquals(WEIGHTS.length - kept, bytesSent.get(), "only the rest was sent again");
  }

  @Test
  void corruptBytesFailTheChecksumAndAreDeleted() {
    Path target = dir.resolve("w.zip");

    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                downloader.download(
                    uri("/corrupt.zip"),
                    target,
                    CHECKSUM,
                    ProgressListener.NONE,
                    Cancellation.none()));

    assertTrue(
        e.getMessage().startsWith("The download of w.zip from 127.0.0.1 is corrupt (Adler32 "),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("and was deleted; try again or use another mirror."),
        e.getMessage());
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(dir.resolve("w.zip.part")));
  }

  @Test
  void aStallingServerTimesOutInsteadOfHanging() {
    Path target = dir.resolve("w.zip");

    ModelLoadException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(4),
            () ->
                assertThrows(
                    ModelLoadException.class,
                    () ->
                        downloader.download(
                            uri("/stall.zip"),
                            target,
                            CHECKSUM,
                            ProgressListener.NONE,
                            Cancellation.none())));

    assertEquals(
        "The download of w.zip from 127.0.0.1 stalled: nothing arrived for 1 s. Run it again to resume.",
        e.getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void cancellingAStalledReadReturnsAtOnce() {
    Path target = dir.resolve("w.zip");
    Downloader patient =
        new Downloader(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    Cancellation cancellation = new Cancellation();
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(500);
              } catch (InterruptedException e) {
                return;
              }
              cancellation.cancel();
            });
    canceller.start();

    ModelLoadException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(4),
            () ->
                assertThrows(
                    ModelLoadException.class,
                    () ->
                        patient.download(
                            uri("/stall.zip"),
                            target,
                            CHECKSUM,
                            ProgressListener.NONE,
                            cancellation)));

    assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
  }

  @Test
  void aMissingFileIsAnHttpErrorInOneSentence() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                downloader.download(
                    uri("/missing.zip"),
                    dir.resolve("w.zip"),
                    CHECKSUM,
                    ProgressListener.NONE,
                    Cancellation.none()));

    assertEquals(
        "The download of w.zip failed: 127.0.0.1 answered HTTP 404 (not found).", e.getMessage());
  }

  @Test
  void aClosedPortIsRefusedInOneSentence() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/w.zip");

    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                downloader.download(
                    closed,
                    dir.resolve("w.zip"),
                    CHECKSUM,
                    ProgressListener.NONE,
                    Cancellation.none()));

    assertEquals(
        "The download of w.zip from 127.0.0.1 failed: the server refused the connection. Run it again to resume.",
        e.getMessage());
  }

  @Test
  void aFileUrlMirrorIsCopiedAndVerified() throws Exception {
    Path mirror =
        Files.write(
            Files.createDirectories(dir.resolve("mirror/models")).resolve("w.zip"), WEIGHTS);
    Path target = dir.resolve("cache/w.zip");

    downloader.download(
        mirror.toUri(), target, CHECKSUM, ProgressListener.NONE, Cancellation.none());

    assertArrayEquals(WEIGHTS, Files.readAllBytes(target));
  }

  @Test
  void contentRangeGivesTheTotal() {
    assertEquals(1000, Downloader.totalFromContentRange("bytes 100-999/1000", 100));
    assertEquals(-1, Downloader.totalFromContentRange("bytes 100-999/*", 100));
    assertEquals(-1, Downloader.totalFromContentRange(null, 100));
  }
}
