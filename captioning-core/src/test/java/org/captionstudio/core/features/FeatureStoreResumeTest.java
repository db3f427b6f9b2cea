package org.captionstudio.core.features;

import static org.captionstudio.core.features.SyntheticFeatures.SMALL_FP32;
import static org.captionstudio.core.features.SyntheticFeatures.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interrupted extractions: what survives, what is cut away, and what a resume may change. */
class FeatureStoreResumeTest {
  private static final int VALUES = SMALL_FP32.valuesPerItem();

  @TempDir Path temp;

  private Path dir() {
    return temp.resolve("store");
  }

  private static void appendBytes(Path file, byte[] bytes) throws Exception {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  private static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  /** Appends the items of {@code ids} the writer does not hold yet. */
  private static void appendMissing(FeatureStoreWriter writer, List<String> ids) throws Exception {
    for (String id : ids) {
      if (!writer.contains(id)) {
        writer.append(id, SyntheticFeatures.of(id, VALUES));
      }
    }
  }

  /** Checks that the store holds exactly {@code ids}, each once, each with its own features. */
  static void assertHoldsExactly(Path dir, List<String> ids) throws Exception {
    try (FeatureStore store = FeatureStore.open(dir)) {
      assertEquals(ids.size(), store.size());
      Set<String> seen = new HashSet<>();
      float[] into = new float[store.header().valuesPerItem()];
      for (int i = 0; i < store.size(); i++) {
        String id = store.id(i);
        assertTrue(seen.add(id), "stored twice: " + id);
        store.read(i, into);
        assertArrayEquals(
            SyntheticFeatures.of(id, store.header().valuesPerItem()), into, "features of " + id);
      }
      assertEquals(Set.copyOf(ids), seen);
      assertTrue(store.isComplete());
    }
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(SyntheticFeatures::id).toList();
  }

  @Test
  void aCrashMidChunkLosesOnlyThatChunkAndResumingFinishesTheStore() throws Exception {
    List<String> all = ids(30);
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32, 8)) {
      appendMissing(writer, all.subList(0, 16));
      writer.closeIncomplete(); // two committed chunks
    }
    // What a crash in the third chunk leaves: items past the commit, half an item, stray ids,
    // an unfinished commit record.
    long itemBytes = SMALL_FP32.bytesPerItem();
    appendBytes(dir().resolve("features.bin"), garbage((int) (itemBytes * 5 / 2)));
    appendBytes(dir().resolve("ids.bin"), garbage(13));
    Files.write(dir().resolve("commit.bin.tmp"), garbage(20));

    FeatureStoreException interrupted =
        assertThrows(FeatureStoreException.class, () -> FeatureStore.open(dir()));
    assertEquals(
        "store/features.bin holds 2220 bytes, more than the 1920 that store/commit.bin commits"
            + " (16 items of 120 bytes): an extraction was interrupted; resume it to finish the"
            + " store.",
        interrupted.getMessage());

    try (FeatureStoreWriter writer = FeatureStoreWriter.resume(dir(), SMALL_FP32, 8)) {
      assertEquals(all.subList(0, 16), writer.committedIds());
      assertTrue(writer.contains(id(15)));
      assertFalse(writer.contains(id(16)));
      assertEquals(16 * itemBytes, Files.size(dir().resolve("features.bin")), "cut to the commit");
      assertFalse(Files.exists(dir().resolve("commit.bin.tmp")));
      appendMissing(writer, all);
    }

    assertHoldsExactly(dir(), all);
  }

  @Test
  void itemsAppendedButNotCommittedAreExtractedAgainAfterAResume() throws Exception {
    List<String> all = ids(12);
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32, 5)) {
      appendMissing(writer, all.subList(0, 7)); // 5 committed, 2 written but not committed
      writer.commit();
      appendMissing(writer, all.subList(7, 9)); // 7 committed, 2 written but not committed
      // A crash now: the writer never commits again. Copy the files as they are on disk.
      Path crashed = temp.resolve("crashed");
      Files.createDirectories(crashed);
      for (String file : List.of("header.json", "commit.bin", "ids.bin", "features.bin")) {
        Files.copy(dir().resolve(file), crashed.resolve(file));
      }
      try (FeatureStoreWriter resumed = FeatureStoreWriter.resume(crashed, SMALL_FP32)) {
        assertEquals(all.subList(0, 7), resumed.committedIds());
        appendMissing(resumed, all);
      }
      assertHoldsExactly(crashed, all);
      writer.closeIncomplete();
    }
  }

  @Test
  void aStoreClosedIncompleteReadsAsIncompleteUntilAResumeClosesIt() throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32, 4)) {
      appendMissing(writer, ids(6));
      writer.closeIncomplete();
    }
    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(6, store.size());
      assertFalse(store.isComplete());
    }

    FeatureStoreWriter.resume(dir(), SMALL_FP32).close();

    assertHoldsExactly(dir(), ids(6));
  }

  @Test
  void resumingAFinishedStoreAndStoppingEarlyMarksItIncompleteAgain() throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32)) {
      appendMissing(writer, ids(3));
    }

    FeatureStoreWriter.resume(dir(), SMALL_FP32).closeIncomplete();

    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(3, store.size());
      assertFalse(store.isComplete());
    }
  }

  @Test
  void aResumeMayChangeThePlanAndProvenanceButKeepsTheStoredHeader() throws Exception {
    FeatureStoreHeader original = SMALL_FP32.withPlannedItems(10).withProvenance(Map.of("a", "1"));
    FeatureStoreWriter.create(dir(), original).closeIncomplete();

    FeatureStoreHeader later = SMALL_FP32.withPlannedItems(20).withProvenance(Map.of("b", "2"));
    try (FeatureStoreWriter writer = FeatureStoreWriter.resume(dir(), later)) {
      assertEquals(original, writer.header());
    }
    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(original, store.header());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "encoder id | other-encoder | 3 | 2 | 5 | FP32 | dataset-1"
            + " | encoder id \"test-encoder\" where this extraction has \"other-encoder\"",
        "grid height | test-encoder | 4 | 2 | 5 | FP32 | dataset-1"
            + " | grid height 3 where this extraction has 4",
        "grid width | test-encoder | 3 | 1 | 5 | FP32 | dataset-1"
            + " | grid width 2 where this extraction has 1",
        "feature dim | test-encoder | 3 | 2 | 6 | FP32 | dataset-1"
            + " | feature dim 5 where this extraction has 6",
        "precision | test-encoder | 3 | 2 | 5 | FP16 | dataset-1"
            + " | precision FP32 where this extraction has FP16",
        "dataset hash | test-encoder | 3 | 2 | 5 | FP32 | dataset-2"
            + " | dataset hash \"dataset-1\" where this extraction has \"dataset-2\"",
        "two fields | test-encoder | 2 | 3 | 5 | FP32 | dataset-1"
            + " | grid height 3 where this extraction has 2 and grid width 2 where this"
            + " extraction has 3",
        "three fields | e | 3 | 2 | 5 | FP16 | d"
            + " | encoder id \"test-encoder\" where this extraction has \"e\", precision FP32"
            + " where this extraction has FP16 and dataset hash \"dataset-1\" where this"
            + " extraction has \"d\""
      })
  void aResumeWithOtherSettingsIsRefusedNamingEachField(
      String what,
      String encoder,
      int gridHeight,
      int gridWidth,
      int featureDim,
      Precision precision,
      String datasetHash,
      String differences)
      throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32)) {
      appendMissing(writer, ids(3));
      writer.closeIncomplete();
    }
    FeatureStoreHeader other =
        FeatureStoreHeader.of(encoder, gridHeight, gridWidth, featureDim, precision, datasetHash);

    FeatureStoreException refused =
        assertThrows(FeatureStoreException.class, () -> FeatureStoreWriter.resume(dir(), other));

    assertEquals(
        "Cannot resume the feature store in "
            + dir()
            + ": it holds "
            + differences
            + "; use another folder for features made differently.",
        refused.getMessage());
    assertHoldsExactlyIncomplete(3);
  }

  private void assertHoldsExactlyIncomplete(int items) throws Exception {
    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(items, store.size(), "a refused resume changes nothing");
      assertFalse(store.isComplete());
    }
  }

  @Test
  void aResumeRefusesAStoreWhoseCommittedDataIsGone() throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32, 4)) {
      appendMissing(writer, ids(8));
    }
    try (FileChannel data =
        FileChannel.open(dir().resolve("features.bin"), StandardOpenOption.WRITE)) {
      data.truncate(7 * SMALL_FP32.bytesPerItem());
    }

    FeatureStoreException refused =
        assertThrows(
            FeatureStoreException.class, () -> FeatureStoreWriter.resume(dir(), SMALL_FP32));

    assertEquals(
        "store/features.bin holds 840 bytes, fewer than the 960 that store/commit.bin commits"
            + " (8 items of 120 bytes): the data file is truncated.",
        refused.getMessage());
  }

  @Test
  void aResumeWithoutAStoreSaysSo() {
    FeatureStoreException missing =
        assertThrows(
            FeatureStoreException.class, () -> FeatureStoreWriter.resume(dir(), SMALL_FP32));
    assertEquals("The feature store folder " + dir() + " does not exist.", missing.getMessage());
  }

  @Test
  void createOrResumeContinuesWhereTheLastRunStopped() throws Exception {
    List<String> all = ids(10);
    try (FeatureStoreWriter writer = FeatureStoreWriter.createOrResume(dir(), SMALL_FP32)) {
      appendMissing(writer, all.subList(0, 4));
      writer.closeIncomplete();
    }
    try (FeatureStoreWriter writer = FeatureStoreWriter.createOrResume(dir(), SMALL_FP32)) {
      assertEquals(4, writer.committedIds().size());
      appendMissing(writer, all);
    }
    assertHoldsExactly(dir(), all);
  }
}
