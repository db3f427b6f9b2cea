package org.captionstudio.core.features;

import static org.captionstudio.core.features.SyntheticFeatures.SMALL_FP32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.captionstudio.core.features.FeatureStoreFormat.Commit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken and hostile stores: each is refused by {@link FeatureStore#open} with one sentence that
 * names the file and the problem, before anything large is read or allocated.
 */
class FeatureStoreHostileTest {
  /** The documented header of {@link SyntheticFeatures#SMALL_FP32}, written by hand. */
  private static final String HEADER =
      """
      {"format": "caption-studio-feature-store", "version": 1, "byteOrder": "little-endian",
       "encoderId": "test-encoder", "gridHeight": 3, "gridWidth": 2, "featureDim": 5,
       "precision": "FP32", "datasetHash": "dataset-1", "plannedItems": 0, "provenance": {}}
      """;

  @TempDir Path temp;
  private Path dir;

  /** A good store: items "a" .. "e" of 3 × 2 × 5 FP32 (120 bytes each); ids.bin is 15 bytes. */
  @BeforeEach
  void writeAGoodStore() throws Exception {
    dir = temp.resolve("store");
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir, SMALL_FP32)) {
      for (String id : new String[] {"a", "b", "c", "d", "e"}) {
        writer.append(id, SyntheticFeatures.of(id, SMALL_FP32.valuesPerItem()));
      }
    }
  }

  private void assertRefused(String expected) {
    FeatureStoreException refused =
        assertThrows(FeatureStoreException.class, () -> FeatureStore.open(dir));
    assertEquals(expected, refused.getMessage());
    assertFalse(refused.getMessage().contains("\n"));
  }

  private void writeHeader(String json) throws Exception {
    Files.writeString(dir.resolve("header.json"), json);
  }

  /** The hand-written header with {@code "field": value} pairs replaced, separated by ';'. */
  private static String headerWith(String replacements) {
    String json = HEADER;
    for (String replacement : replacements.split(";")) {
      int equals = replacement.indexOf('=');
      String field = replacement.substring(0, equals);
      String value = replacement.substring(equals + 1);
      String replaced =
          json.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
      if (replaced.equals(json) && !value.equals(field)) {
        throw new IllegalArgumentException("no field " + field + " in the test header");
      }
      json = replaced;
    }
    return json;
  }

  private void writeCommit(long items, long idsBytes, int idsCrc) throws Exception {
    Files.write(dir.resolve("commit.bin"), new Commit(items, idsBytes, idsCrc, true).encode());
  }

  /** Replaces ids.bin with {@code bytes} and commits {@code items} items over all of it. */
  private void writeIdsAndCommit(byte[] bytes, long items) throws Exception {
    Files.write(dir.resolve("ids.bin"), bytes);
    writeCommit(items, bytes.length, crc(bytes));
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static byte[] ids(String... ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String id : ids) {
      FeatureStoreFormat.encodeId(id, out);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte... b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  @Test
  void theGoodStoreAndAHeaderWrittenByHandFromTheDocumentationBothOpen() throws Exception {
    try (FeatureStore store = FeatureStore.open(dir)) {
      assertEquals(5, store.size());
    }
    writeHeader(HEADER);
    try (FeatureStore store = FeatureStore.open(dir)) {
      assertEquals(SMALL_FP32, store.header());
    }
  }

  // ---- the folder and header.json ----

  @Test
  void aMissingFolderOrAFileInItsPlaceIsRefused() throws Exception {
    dir = temp.resolve("nowhere");
    assertRefused("The feature store folder " + dir + " does not exist.");
    dir = Files.writeString(temp.resolve("file"), "x");
    assertRefused(dir + " is a file, not a feature store folder.");
  }

  @Test
  void aMissingHeaderIsRefused() throws Exception {
    Files.delete(dir.resolve("header.json"));
    assertRefused("store/header.json is missing: " + dir + " holds no feature store.");
  }

  @Test
  void anEmptyHeaderIsRefused() throws Exception {
    writeHeader(" \n");
    assertRefused("store/header.json is empty.");
  }

  @Test
  void garbledJsonIsRefusedWithItsPosition() throws Exception {
    writeHeader("{\"format\": \"caption-studio-feature-store\", \"version\": 1,, }");
    assertRefused(
        "store/header.json is not valid JSON (line 1, column 57): Unexpected character (','"
            + " (code 44)): was expecting double-quote to start field name.");
  }

  @Test
  void aTruncatedHeaderIsRefused() throws Exception {
    writeHeader(HEADER.substring(0, 60));
    assertRefused("store/header.json ends too early: the file looks truncated.");
  }

  @Test
  void aRepeatedHeaderFieldIsRefused() throws Exception {
    writeHeader(HEADER.replace("\"gridWidth\": 2", "\"gridWidth\": 2, \"gridWidth\": 200"));
    assertRefused(
        "store/header.json is not valid JSON (line 2, column 75): Duplicate field 'gridWidth'.");
  }

  @Test
  void aHeaderThatIsNoObjectIsRefused() throws Exception {
    writeHeader("[" + HEADER + "]");
    assertRefused("store/header.json must hold a JSON object, found an array.");
  }

  @Test
  void aHugeHeaderIsRefusedUnread() throws Exception {
    writeHeader(HEADER.replace("{}", "{\"x\": \"" + "y".repeat(2 << 20) + "\"}"));
    assertRefused("store/header.json is larger than the 1048576 bytes a header may take.");
  }

  @Test
  void aHeaderWithoutADatasetHashIsRefused() throws Exception {
    writeHeader(HEADER.replace("\"datasetHash\": \"dataset-1\",", ""));
    assertRefused("store/header.json is invalid: \"datasetHash\" is missing.");
  }

  @Test
  void provenanceMustBeText() throws Exception {
    writeHeader(HEADER.replace("\"provenance\": {}", "\"provenance\": {\"seed\": 42}"));
    assertRefused(
        "store/header.json is invalid: \"provenance\" must hold only text, but \"seed\" is a"
            + " number.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          format=\"other-format\" | is not a feature store header: its "format" must be \
          "caption-studio-feature-store", found "other-format".
          version=2 | has format version 2, but this version of Caption Studio reads only version 1.
          version=\"1\" | is invalid: "version" must be a whole number, found a string.
          byteOrder=\"big-endian\" | is invalid: "byteOrder" must be "little-endian", got "big-endian".
          encoderId=null | is invalid: "encoderId" must be text, found null.
          encoderId=\"  \" | is invalid: encoderId must not be blank, got "  ".
          gridHeight=-3 | is invalid: gridHeight must be between 1 and 1024, got -3.
          gridHeight=3.5 | is invalid: "gridHeight" must be a whole number, found 3.5.
          gridWidth=99999999999 | is invalid: gridWidth must be between 1 and 1024, got 99999999999.
          featureDim=0 | is invalid: featureDim must be between 1 and 65536, got 0.
          featureDim=123456789012345678901234567890 | is invalid: "featureDim" is out of range, \
          got 123456789012345678901234567890.
          gridHeight=1000;gridWidth=100 | is invalid: gridHeight × gridWidth must be at most 65536 \
          regions, got 1000 × 100.
          gridHeight=256;gridWidth=256;featureDim=8192 | is invalid: regions × featureDim must be \
          at most 268435456 values per item, got 65536 × 8192.
          precision=\"FP8\" | is invalid: "precision" must be "FP32" or "FP16", got "FP8".
          plannedItems=-1 | is invalid: plannedItems must be between 0 and 10000000, got -1.
          """)
  void aHeaderWithAnUnknownVersionOrAbsurdValuesIsRefused(String replacements, String problem)
      throws Exception {
    writeHeader(headerWith(replacements));
    assertRefused("store/header.json " + problem);
  }

  // ---- commit.bin ----

  @Test
  void aMissingCommitRecordIsRefused() throws Exception {
    Files.delete(dir.resolve("commit.bin"));
    assertRefused("store/commit.bin is missing.");
  }

  @Test
  void aCommitRecordOfTheWrongSizeIsRefused() throws Exception {
    byte[] good = Files.readAllBytes(dir.resolve("commit.bin"));
    Files.write(dir.resolve("commit.bin"), Arrays.copyOf(good, 10));
    assertRefused("store/commit.bin is damaged: it must be 36 bytes long, found 10.");
    Files.write(dir.resolve("commit.bin"), concat(good, (byte) 0));
    assertRefused("store/commit.bin is damaged: it must be 36 bytes long, found more.");
  }

  @Test
  void aCommitRecordWithAnotherMagicOrAFlippedBitIsRefused() throws Exception {
    byte[] good = Files.readAllBytes(dir.resolve("commit.bin"));
    byte[] magic = good.clone();
    magic[0] = 'X';
    Files.write(dir.resolve("commit.bin"), magic);
    assertRefused("store/commit.bin is not a feature store commit record.");
    byte[] flipped = good.clone();
    flipped[8] ^= 0x04; // the item count, 5 → 1
    Files.write(dir.resolve("commit.bin"), flipped);
    assertRefused("store/commit.bin is damaged: its checksum does not match.");
  }

  @ParameterizedTest(name = "{0} items")
  @CsvSource({"-5", "9223372036854775807", "-9223372036854775808", "10000001"})
  void aCommitRecordWithAnImpossibleItemCountIsRefused(long items) throws Exception {
    writeCommit(items, 15, crc(ids("a", "b", "c", "d", "e")));
    assertRefused(
        "store/commit.bin is damaged: it commits "
            + items
            + " items, but a store holds 0 to 10000000.");
  }

  @Test
  void aCommitRecordWhoseIdBytesCannotHoldItsItemsIsRefused() throws Exception {
    writeCommit(5, 1, 0);
    assertRefused("store/commit.bin is damaged: 5 ids cannot take 1 bytes.");
    writeCommit(5, 5 * 258 + 1, 0);
    assertRefused("store/commit.bin is damaged: 5 ids cannot take 1291 bytes.");
  }

  @Test
  void aCommitRecordClaimingTheMostItemsOfATinyStoreIsRefusedWithoutReadingIds() throws Exception {
    writeCommit(10_000_000, 30_000_000, 0);
    assertRefused(
        "store/features.bin holds 600 bytes, fewer than the 1200000000 that store/commit.bin"
            + " commits (10000000 items of 120 bytes): the data file is truncated.");
  }

  // ---- features.bin ----

  @Test
  void aDataFileTooShortIsRefused() throws Exception {
    Path data = dir.resolve("features.bin");
    Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 599));
    assertRefused(
        "store/features.bin holds 599 bytes, fewer than the 600 that store/commit.bin commits"
            + " (5 items of 120 bytes): the data file is truncated.");
  }

  @Test
  void aDataFileTooLongIsRefusedAsAnInterruptedExtraction() throws Exception {
    Files.write(dir.resolve("features.bin"), new byte[7], StandardOpenOption.APPEND);
    assertRefused(
        "store/features.bin holds 607 bytes, more than the 600 that store/commit.bin commits"
            + " (5 items of 120 bytes): an extraction was interrupted; resume it to finish the"
            + " store.");
  }

  @Test
  void aMissingDataFileIsRefused() throws Exception {
    Files.delete(dir.resolve("features.bin"));
    assertRefused("store/features.bin is missing.");
  }

  @Test
  void aCommitCoveringMoreItemsThanTheDataHoldsIsRefused() throws Exception {
    writeIdsAndCommit(ids("a", "b", "c", "d", "e", "f"), 6);
    assertRefused(
        "store/features.bin holds 600 bytes, fewer than the 720 that store/commit.bin commits"
            + " (6 items of 120 bytes): the data file is truncated.");
  }

  // ---- ids.bin ----

  @Test
  void aCommitPointingPastTheEndOfTheIdsIsRefused() throws Exception {
    writeCommit(5, 18, 0);
    assertRefused(
        "store/commit.bin points past the end of store/ids.bin: it commits 18 bytes of ids, the"
            + " file holds 15.");
  }

  @Test
  void idsPastTheCommitAreRefusedAsAnInterruptedExtraction() throws Exception {
    Files.write(dir.resolve("ids.bin"), new byte[] {1, 0}, StandardOpenOption.APPEND);
    assertRefused(
        "store/ids.bin holds 17 bytes, more than the 15 that store/commit.bin commits: an"
            + " extraction was interrupted; resume it to finish the store.");
  }

  @Test
  void idsThatDoNotMatchTheirChecksumAreRefused() throws Exception {
    Files.write(dir.resolve("ids.bin"), ids("a", "b", "x", "d", "e"));
    assertRefused("store/ids.bin is damaged: its checksum does not match commit.bin.");
  }

  @Test
  void repeatedIdsAreRefused() throws Exception {
    writeIdsAndCommit(ids("a", "b", "a", "d", "e"), 5);
    assertRefused("store/ids.bin repeats the id \"a\" (items 0 and 2).");
  }

  @Test
  void idEntriesOfImpossibleLengthAreRefused() throws Exception {
    byte[] emptyEntry = {0, 0, 1, 0, 'd', 1, 0, 'e', 0}; // "", "d", "e" and a spare byte
    writeIdsAndCommit(concat(ids("a", "b"), emptyEntry), 5);
    assertRefused("store/ids.bin is damaged: entry 2 claims a length of 0 bytes.");

    ByteBuffer long300 =
        ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 300);
    writeIdsAndCommit(concat(concat(ids("a", "b"), long300.array()), new byte[298]), 5);
    assertRefused("store/ids.bin is damaged: entry 2 claims a length of 300 bytes.");
  }

  @Test
  void anIdEntryRunningPastTheCommittedBytesIsRefused() throws Exception {
    writeIdsAndCommit(concat(ids("a", "b", "c", "d"), (byte) 5, (byte) 0, (byte) 'e'), 5);
    assertRefused("store/ids.bin is damaged: its committed bytes end inside entry 4.");
  }

  @Test
  void anIdThatIsNotUtf8IsRefused() throws Exception {
    byte[] bytes = ids("a", "b", "c", "d", "e");
    bytes[5] = (byte) 0xFF; // the byte of "b"
    writeIdsAndCommit(bytes, 5);
    assertRefused("store/ids.bin is damaged: entry 1 is not UTF-8 text.");
  }

  @Test
  void committedIdBytesBeyondTheLastItemAreRefused() throws Exception {
    writeIdsAndCommit(ids("a", "b", "c", "d", "e", "f"), 5);
    assertRefused("store/ids.bin is damaged: 3 committed bytes are left after the last of 5 ids.");
  }

  @Test
  void theSameDamageStopsAResumeToo() throws Exception {
    writeIdsAndCommit(ids("a", "b", "a", "d", "e"), 5);
    FeatureStoreException refused =
        assertThrows(FeatureStoreException.class, () -> FeatureStoreWriter.resume(dir, SMALL_FP32));
    assertEquals("store/ids.bin repeats the id \"a\" (items 0 and 2).", refused.getMessage());
  }

  @Test
  void headerValuesAreCheckedWhenTheRecordIsBuiltToo() {
    assertEquals(
        "gridWidth must be between 1 and 1024, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureStoreHeader.of("e", 7, 0, 128, Precision.FP32, "h"))
            .getMessage());
    assertEquals(
        "datasetHash must not be blank, got \"\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureStoreHeader.of("e", 7, 7, 128, Precision.FP32, ""))
            .getMessage());
    assertEquals(
        "plannedItems must be between 0 and 10000000, got 10000001",
        assertThrows(IllegalArgumentException.class, () -> SMALL_FP32.withPlannedItems(10_000_001))
            .getMessage());
  }
}
