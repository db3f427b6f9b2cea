package org.captionstudio.core.features;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import org.captionstudio.core.features.FeatureStoreFormat.State;

/**
 * A feature store opened for reading: every item's region features by index or id, read from a
 * memory map of the data file, FP16 widened to float on the way.
 *
 * <p>{@link #open} checks the whole store before returning (header, commit record, ids, file
 * lengths) and refuses a damaged or unfinished one with one sentence. Reads allocate nothing and
 * are safe from several threads at once.
 */
public final class FeatureStore implements AutoCloseable {
  /** The most bytes one mapping covers; larger data files are mapped in several parts. */
  static final long MAX_MAPPING_BYTES = Integer.MAX_VALUE;

  // Every half widened once (256 KiB): looking a value up was 4-8× faster than decoding its bits
  // (0.4-0.9 against 3-8 ns a value, measured here).
  private static final float[] HALF_TO_FLOAT = new float[1 << 16];

  static {
    for (int bits = 0; bits < HALF_TO_FLOAT.length; bits++) {
      HALF_TO_FLOAT[bits] = Fp16.toFloat((short) bits);
    }
  }

  private final FeatureStoreHeader header;
  private final boolean complete;
  private final String[] ids;
  private final Map<String, Integer> index;
  private final int valuesPerItem;
  private final int itemsPerMapping;

  // Views of the data file's mappings, each holding itemsPerMapping whole items; the FP32 or the
  // FP16 one is used, by precision. Null once closed.
  private volatile FloatBuffer[] floatParts; // each [items, regions, featureDim]
  private volatile ShortBuffer[] halfParts; // each [items, regions, featureDim]

  private FeatureStore(State state, int itemsPerMapping, MappedByteBuffer[] mappings) {
    this.header = state.header();
    this.complete = state.commit().complete();
    this.ids = state.ids();
    this.index = state.index();
    this.valuesPerItem = header.valuesPerItem();
    this.itemsPerMapping = itemsPerMapping;
    FloatBuffer[] floats = new FloatBuffer[mappings.length];
    ShortBuffer[] halves = new ShortBuffer[mappings.length];
    for (int i = 0; i < mappings.length; i++) {
      mappings[i].order(ByteOrder.LITTLE_ENDIAN);
      if (header.precision() == Precision.FP32) {
        floats[i] = mappings[i].asFloatBuffer();
      } else {
        halves[i] = mappings[i].asShortBuffer();
      }
    }
    this.floatParts = floats;
    this.halfParts = halves;
  }

  /**
   * Opens the store in {@code dir} after checking it completely. Memory and time are bounded by the
   * files' real sizes and the format's limits, whatever the files claim.
   *
   * @throws FeatureStoreException one sentence naming the file and the problem: missing files,
   *     malformed or unknown-version header, absurd shapes, a damaged commit record or id file,
   *     repeated ids, or a data file of the wrong length (also the case for an interrupted
   *     extraction, until it is resumed)
   */
  public static FeatureStore open(Path dir) throws FeatureStoreException {
    return open(dir, MAX_MAPPING_BYTES);
  }

  /** As {@link #open(Path)}, mapping at most {@code maxMappingBytes} per part (for tests). */
  static FeatureStore open(Path dir, long maxMappingBytes) throws FeatureStoreException {
    Objects.requireNonNull(dir, "dir");
    State state = FeatureStoreFormat.load(dir, false);
    long itemBytes = state.header().bytesPerItem();
    int itemsPerMapping =
        (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxMappingBytes / itemBytes));
    long items = state.commit().items();
    int parts = (int) ((items + itemsPerMapping - 1) / itemsPerMapping);
    MappedByteBuffer[] mappings = new MappedByteBuffer[parts];
    try (FileChannel channel =
        FileChannel.open(dir.resolve(FeatureStoreFormat.DATA_FILE), StandardOpenOption.READ)) {
      for (int part = 0; part < parts; part++) {
        long first = (long) part * itemsPerMapping;
        long count = Math.min(itemsPerMapping, items - first);
        mappings[part] =
            channel.map(FileChannel.MapMode.READ_ONLY, first * itemBytes, count * itemBytes);
      }
    } catch (IOException e) {
      throw FeatureStoreFormat.unreadable(dir, FeatureStoreFormat.DATA_FILE, e);
    }
    return new FeatureStore(state, itemsPerMapping, mappings);
  }

  /** What the store holds: encoder, shapes, precision, dataset. */
  public FeatureStoreHeader header() {
    return header;
  }

  /** Items in the store. */
  public int size() {
    return ids.length;
  }

  /**
   * Whether the extraction that wrote the store finished ({@link FeatureStoreWriter#close()}); an
   * incomplete store holds the items committed before it stopped.
   */
  public boolean isComplete() {
    return complete;
  }

  /** The id of item {@code index}. */
  public String id(int index) {
    Objects.checkIndex(index, ids.length);
    return ids[index];
  }

  /** The index of the item with {@code id}, or -1 if the store has none. */
  public int indexOf(String id) {
    Integer found = index.get(id);
    return found == null ? -1 : found;
  }

  /**
   * Reads item {@code index} into {@code into[0 .. valuesPerItem)}. // [regions, featureDim]
   *
   * @throws IndexOutOfBoundsException for an index outside {@code [0, size())}
   * @throws IllegalArgumentException if {@code into} is shorter than {@code
   *     header().valuesPerItem()}
   */
  public void read(int index, float[] into) {
    checkLength(into.length, 1);
    readInto(index, into, 0);
  }

  /**
   * Reads items {@code indexes} into {@code into}, item k at {@code k × valuesPerItem}: a batch
   * {@code [indexes.length, regions, featureDim]}. Indexes may repeat and come in any order.
   *
   * @throws IndexOutOfBoundsException for an index outside {@code [0, size())}
   * @throws IllegalArgumentException if {@code into} is shorter than {@code indexes.length ×
   *     header().valuesPerItem()}
   */
  public void read(int[] indexes, float[] into) {
    checkLength(into.length, indexes.length);
    for (int k = 0; k < indexes.length; k++) {
      readInto(indexes[k], into, k * valuesPerItem);
    }
  }

  private void checkLength(int length, int items) {
    long needed = (long) items * valuesPerItem;
    if (length < needed) {
      throw new IllegalArgumentException(
          "the array for "
              + items
              + (items == 1 ? " item" : " items")
              + " of "
              + header.regions()
              + " × "
              + header.featureDim()
              + " values must hold at least "
              + needed
              + " floats, got "
              + length);
    }
  }

  private void readInto(int index, float[] into, int offset) {
    Objects.checkIndex(index, ids.length);
    int part = index / itemsPerMapping;
    int start = (index % itemsPerMapping) * valuesPerItem; // in values, within the part
    if (header.precision() == Precision.FP32) {
      FloatBuffer[] parts = floatParts;
      if (parts == null) {
        throw closed();
      }
      parts[part].get(start, into, offset, valuesPerItem);
    } else {
      ShortBuffer[] parts = halfParts;
      if (parts == null) {
        throw closed();
      }
      ShortBuffer halves = parts[part];
      for (int i = 0; i < valuesPerItem; i++) {
        into[offset + i] = HALF_TO_FLOAT[halves.get(start + i) & 0xFFFF];
      }
    }
  }

  private static IllegalStateException closed() {
    return new IllegalStateException("the feature store is closed");
  }

  /**
   * Stops reading. The mappings are released when the garbage collector finds them unused; on
   * Windows the files cannot be deleted until then.
   */
  @Override
  public void close() {
    floatParts = null;
    halfParts = null;
  }
}
