package org.captionstudio.core.features;

import static org.captionstudio.core.features.SyntheticFeatures.SMALL_FP32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: an extraction in another JVM is killed with SIGKILL (no shutdown hooks, no
 * flushing), then resumed here. Nothing committed may be lost and nothing stored twice.
 */
class FeatureStoreKillTest {
  private static final int ITEMS = 40;
  private static final int CHUNK = 8;

  @TempDir Path temp;

  /** A child JVM running {@link SlowExtraction}, its stdout lines in a queue. */
  private static final class Child implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final Path stderr;

    Child(Path dir, Path stderr, int chunkItems, long pauseMillis) throws IOException {
      String java =
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      this.stderr = stderr;
      this.process =
          new ProcessBuilder(
                  java,
                  "-Xmx64m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SlowExtraction.class.getName(),
                  dir.toString(),
                  Integer.toString(ITEMS),
                  Integer.toString(chunkItems),
                  Long.toString(pauseMillis))
              .redirectError(stderr.toFile())
              .start();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // the child was killed: its output simply ends
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits (boundedly) until the child reports {@code expected}. */
    void await(String expected) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (expected.equals(line)) {
          return;
        }
        if (line == null && !process.isAlive() && lines.isEmpty()) {
          throw new AssertionError(
              "the extraction ended (exit "
                  + process.exitValue()
                  + ") before \""
                  + expected
                  + "\": "
                  + Files.readString(stderr));
        }
      }
      throw new AssertionError("no \"" + expected + "\" from the extraction within 30 s");
    }

    void kill() throws Exception {
      process.destroyForcibly();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the killed JVM did not exit");
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static List<String> ids() {
    return IntStream.range(0, ITEMS).mapToObj(SyntheticFeatures::id).toList();
  }

  private static void finishHere(Path dir, int expectedCommitted) throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.resume(dir, SMALL_FP32)) {
      List<String> committed = writer.committedIds();
      assertEquals(
          committed.size() * SMALL_FP32.bytesPerItem(),
          Files.size(dir.resolve("features.bin")),
          "the uncommitted tail is cut away");
      if (expectedCommitted >= 0) {
        assertEquals(ids().subList(0, expectedCommitted), committed);
      }
      for (String id : ids()) {
        if (!writer.contains(id)) {
          writer.append(id, SyntheticFeatures.of(id, SMALL_FP32.valuesPerItem()));
        }
      }
    }
  }

  @Test
  @Timeout(60)
  void anExtractionKilledMidChunkResumesWithEveryItemExactlyOnce() throws Exception {
    Path dir = temp.resolve("store");
    try (Child child = new Child(dir, temp.resolve("stderr.txt"), CHUNK, 50)) {
      // Two chunks committed (items 0..15), items 16..19 written but not committed.
      child.await("appended 19");
      child.kill();
    }
    FeatureStoreFormat.Commit commit = FeatureStoreFormat.readCommit(dir);
    assertEquals(16, commit.items());
    assertFalse(commit.complete());
    long onDisk = Files.size(dir.resolve("features.bin"));
    assertTrue(
        onDisk >= 20 * SMALL_FP32.bytesPerItem(),
        "the killed writer left uncommitted items behind: " + onDisk + " bytes");
    assertThrows(FeatureStoreException.class, () -> FeatureStore.open(dir));

    finishHere(dir, 16);

    FeatureStoreResumeTest.assertHoldsExactly(dir, ids());
  }

  @Test
  @Timeout(60)
  void anExtractionCommittingEveryItemKilledAtAnArbitraryMomentResumesCleanly() throws Exception {
    Path dir = temp.resolve("store");
    try (Child child = new Child(dir, temp.resolve("stderr.txt"), 1, 5)) {
      // A commit per item: the kill lands in an append, a commit or a pause, wherever it falls.
      child.await("appended 5"); // 34 items and at least 170 ms before it could finish
      child.kill();
    }
    FeatureStoreFormat.Commit commit = FeatureStoreFormat.readCommit(dir);
    assertTrue(commit.items() >= 6 && commit.items() < ITEMS, commit.items() + " committed");
    assertFalse(commit.complete());

    finishHere(dir, -1);

    FeatureStoreResumeTest.assertHoldsExactly(dir, ids());
  }
}
