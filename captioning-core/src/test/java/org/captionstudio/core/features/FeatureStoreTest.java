package org.captionstudio.core.features;

import static org.captionstudio.core.features.SyntheticFeatures.SMALL_FP32;
import static org.captionstudio.core.features.SyntheticFeatures.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a store and reading it back: values, ids, order, batches, precision. */
class FeatureStoreTest {
  @TempDir Path temp;

  private Path dir() {
    return temp.resolve("store");
  }

  /** Writes {@code count} synthetic items with ids item-0.. and returns their features. */
  private List<float[]> write(FeatureStoreHeader header, int count, int chunkItems)
      throws Exception {
    List<float[]> written = new ArrayList<>();
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), header, chunkItems)) {
      for (int i = 0; i < count; i++) {
        float[] features = SyntheticFeatures.of(id(i), header.valuesPerItem());
        writer.append(id(i), features);
        written.add(features);
      }
    }
    return written;
  }

  @Test
  void fp32FeaturesComeBackBitForBitInAnyOrder() throws Exception {
    FeatureStoreHeader header =
        FeatureStoreHeader.of("resnet50", 7, 7, 16, Precision.FP32, "coco-2014")
            .withPlannedItems(300)
            .withProvenance(Map.of("weights", "resnet50_dl4j_inference.v3.zip", "nd4j", "M2.1"));
    List<float[]> written = write(header, 300, 64); // 300 is no multiple of 64: a partial chunk
    // Values a lossy or byte-swapping store would get wrong.
    float[] special = new float[header.valuesPerItem()];
    special[0] = -0.0f;
    special[1] = Float.MIN_VALUE;
    special[2] = Float.MAX_VALUE;
    special[3] = -1.0e-40f;
    special[4] = 1.0f / 3;

    try (FeatureStoreWriter writer = FeatureStoreWriter.resume(dir(), header)) {
      writer.append("special", special);
    }

    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(header, store.header());
      assertEquals(301, store.size());
      assertTrue(store.isComplete());
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(7));
      float[] into = new float[header.valuesPerItem()];
      for (int i : order) {
        store.read(store.indexOf(id(i)), into);
        assertArrayEquals(written.get(i), into, id(i)); // compares bits: -0.0 differs from 0.0
        assertEquals(id(i), store.id(i));
      }
      store.read(store.indexOf("special"), into);
      assertArrayEquals(special, into);
    }
  }

  @Test
  void fp16FeaturesComeBackAsTheNearestHalf() throws Exception {
    FeatureStoreHeader header = FeatureStoreHeader.of("vgg16", 4, 4, 32, Precision.FP16, "h");
    List<float[]> written = write(header, 50, 16);

    try (FeatureStore store = FeatureStore.open(dir())) {
      float[] into = new float[header.valuesPerItem()];
      for (int i = 49; i >= 0; i--) {
        store.read(i, into);
        float[] expected = written.get(i);
        for (int k = 0; k < expected.length; k++) {
          float half = Fp16.toFloat(Fp16.fromFloat(expected[k]));
          assertEquals(half, into[k], 0f, id(i) + "[" + k + "]");
          // Half precision: 11 significant bits, so within 2^-11 relative (or 2^-25 near zero).
          float tolerance = Math.max(Math.abs(expected[k]) * 0x1p-11f, 0x1p-25f);
          assertEquals(expected[k], into[k], tolerance, id(i) + "[" + k + "]");
        }
      }
    }
  }

  @Test
  void fp16StoresHalfTheBytesOfFp32() throws Exception {
    write(FeatureStoreHeader.of("e", 8, 8, 128, Precision.FP16, "h"), 10, 4);
    assertEquals(10L * 64 * 128 * 2, Files.size(dir().resolve("features.bin")));
  }

  @Test
  void aBatchReadFillsOneSlotPerIndexInTheOrderGivenRepeatsIncluded() throws Exception {
    List<float[]> written = write(SMALL_FP32, 20, 8);
    int values = SMALL_FP32.valuesPerItem();
    int[] indexes = {17, 3, 3, 0, 19, 8};
    float[] batch = new float[indexes.length * values + 2]; // [batch, regions, dim] + 2 spare
    batch[batch.length - 2] = 42f;
    batch[batch.length - 1] = 43f;

    try (FeatureStore store = FeatureStore.open(dir())) {
      store.read(indexes, batch);
    }

    for (int k = 0; k < indexes.length; k++) {
      float[] slot = new float[values];
      System.arraycopy(batch, k * values, slot, 0, values);
      assertArrayEquals(written.get(indexes[k]), slot, "slot " + k);
    }
    assertEquals(42f, batch[batch.length - 2]);
    assertEquals(43f, batch[batch.length - 1]);
  }

  @Test
  void dataSplitAcrossSeveralMappingsReadsTheSameAsOne() throws Exception {
    for (Precision precision : Precision.values()) {
      FeatureStoreHeader header = FeatureStoreHeader.of("e", 2, 2, 3, precision, "h");
      Path dir = temp.resolve(precision.name());
      try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir, header, 5)) {
        for (int i = 0; i < 23; i++) {
          writer.append(id(i), SyntheticFeatures.of(id(i), header.valuesPerItem()));
        }
      }
      long itemBytes = header.bytesPerItem();
      try (FeatureStore whole = FeatureStore.open(dir);
          // 3 items and a bit per mapping: 8 mappings, the last one holding 2 items
          FeatureStore split = FeatureStore.open(dir, 3 * itemBytes + 5)) {
        float[] a = new float[header.valuesPerItem()];
        float[] b = new float[header.valuesPerItem()];
        for (int i = 0; i < 23; i++) {
          whole.read(i, a);
          split.read(i, b);
          assertArrayEquals(a, b, precision + " " + id(i));
        }
        int[] all = new int[23];
        for (int i = 0; i < 23; i++) {
          all[i] = 22 - i;
        }
        float[] batchWhole = new float[23 * header.valuesPerItem()];
        float[] batchSplit = new float[23 * header.valuesPerItem()];
        whole.read(all, batchWhole);
        split.read(all, batchSplit);
        assertArrayEquals(batchWhole, batchSplit);
      }
    }
  }

  @Test
  void idsAreFoundByIndexAndByNameAndUnknownIdsAreMinusOne() throws Exception {
    String[] ids = {"COCO_val2014_000000391895.jpg", "café/猫 1", "video7#12.5-14.0", "42"};
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32)) {
      for (String id : ids) {
        writer.append(id, SyntheticFeatures.of(id, SMALL_FP32.valuesPerItem()));
      }
    }

    try (FeatureStore store = FeatureStore.open(dir())) {
      for (int i = 0; i < ids.length; i++) {
        assertEquals(ids[i], store.id(i));
        assertEquals(i, store.indexOf(ids[i]));
      }
      assertEquals(-1, store.indexOf("43"));
      assertEquals(-1, store.indexOf("CAFÉ/猫 1"));
    }
  }

  @Test
  void anEmptyStoreOpensWithNoItems() throws Exception {
    FeatureStoreWriter.create(dir(), SMALL_FP32).close();

    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(0, store.size());
      assertTrue(store.isComplete());
      assertThrows(IndexOutOfBoundsException.class, () -> store.read(0, new float[30]));
    }
  }

  @Test
  void readingOutsideTheStoreOrIntoTooSmallAnArrayOrAfterCloseIsRefused() throws Exception {
    write(SMALL_FP32, 3, 8);
    FeatureStore store = FeatureStore.open(dir());

    assertThrows(IndexOutOfBoundsException.class, () -> store.read(3, new float[30]));
    assertThrows(IndexOutOfBoundsException.class, () -> store.read(-1, new float[30]));
    assertThrows(IndexOutOfBoundsException.class, () -> store.id(3));
    IllegalArgumentException shortArray =
        assertThrows(IllegalArgumentException.class, () -> store.read(0, new float[29]));
    assertEquals(
        "the array for 1 item of 6 × 5 values must hold at least 30 floats, got 29",
        shortArray.getMessage());
    IllegalArgumentException shortBatch =
        assertThrows(
            IllegalArgumentException.class, () -> store.read(new int[] {0, 1}, new float[59]));
    assertEquals(
        "the array for 2 items of 6 × 5 values must hold at least 60 floats, got 59",
        shortBatch.getMessage());

    store.close();
    assertThrows(IllegalStateException.class, () -> store.read(0, new float[30]));
  }

  @Test
  void appendRefusesRepeatedIdsWrongLengthsAndValuesTheStoreCannotHold() throws Exception {
    FeatureStoreHeader fp16 = FeatureStoreHeader.of("e", 3, 2, 5, Precision.FP16, "h");
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), fp16, 2)) {
      writer.append("a", new float[30]);
      writer.append("b", new float[30]); // committed: the chunk is full
      writer.append("c", new float[30]); // pending

      assertEquals(
          "item \"b\" is already in the feature store",
          assertThrows(IllegalArgumentException.class, () -> writer.append("b", new float[30]))
              .getMessage());
      assertEquals(
          "item \"c\" is already in the feature store",
          assertThrows(IllegalArgumentException.class, () -> writer.append("c", new float[30]))
              .getMessage());
      assertEquals(
          "regions for \"d\" must hold 6 × 5 = 30 values, got 31",
          assertThrows(IllegalArgumentException.class, () -> writer.append("d", new float[31]))
              .getMessage());
      float[] nan = new float[30];
      nan[7] = Float.NaN;
      assertEquals(
          "regions for \"d\" hold NaN at region 1, channel 2: the encoder produced an invalid value",
          assertThrows(IllegalArgumentException.class, () -> writer.append("d", nan)).getMessage());
      float[] huge = new float[30];
      huge[29] = -70000f;
      assertEquals(
          "regions for \"d\" hold -70000.0 at region 5, channel 4, beyond FP16's range of ±65504:"
              + " store these features as FP32",
          assertThrows(IllegalArgumentException.class, () -> writer.append("d", huge))
              .getMessage());
      assertEquals(
          "an item id must not be empty, got \"\"",
          assertThrows(IllegalArgumentException.class, () -> writer.append("", new float[30]))
              .getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> writer.append("x".repeat(257), new float[30]));
      assertThrows(IllegalArgumentException.class, () -> writer.append("\uD800", new float[30]));
      assertFalse(writer.contains("d"));
      assertEquals(3, writer.size());
    }

    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(3, store.size(), "refused appends wrote nothing");
    }
  }

  @Test
  void aStoreBeingWrittenCannotGetASecondWriterAndAFinishedOneCannotBeCreatedAgain()
      throws Exception {
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32)) {
      writer.append("a", new float[30]);
      FeatureStoreException second =
          assertThrows(
              FeatureStoreException.class, () -> FeatureStoreWriter.resume(dir(), SMALL_FP32));
      assertEquals(
          "The feature store in " + dir() + " is being written by another extraction.",
          second.getMessage());
    }

    FeatureStoreException again =
        assertThrows(
            FeatureStoreException.class, () -> FeatureStoreWriter.create(dir(), SMALL_FP32));
    assertEquals(
        dir() + " already holds a feature store; resume it or choose another folder.",
        again.getMessage());
  }

  @Test
  void closingTwiceCommitsOnceAndAClosedWriterRefusesAppends() throws Exception {
    FeatureStoreWriter writer = FeatureStoreWriter.create(dir(), SMALL_FP32);
    writer.append("a", new float[30]);
    writer.close();
    writer.close();

    assertThrows(IllegalStateException.class, () -> writer.append("b", new float[30]));
    try (FeatureStore store = FeatureStore.open(dir())) {
      assertEquals(1, store.size());
    }
  }
}
