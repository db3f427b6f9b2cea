package org.captionstudio.core.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.captionstudio.core.features.FeatureStoreFormat.Commit;
import org.captionstudio.core.features.FeatureStoreFormat.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a feature store, item by item, so that an extraction killed at any moment can be resumed
 * without losing committed work or storing anything twice.
 *
 * <p>Items go to the data file as they are appended. Every {@code chunkItems} items the writer
 * commits: it forces the data to disk, appends the chunk's ids to the id file and forces it, and
 * then atomically replaces the small commit record that says how many items (and id bytes) are
 * valid. {@link #resume} cuts both files back to the last commit, so a half-written chunk simply
 * disappears and its items are extracted again. The format and the protocol are described in {@code
 * FeatureStoreFormat}.
 *
 * <p>A typical extraction:
 *
 * <pre>{@code
 * try (FeatureStoreWriter writer = FeatureStoreWriter.createOrResume(dir, header)) {
 *   for (String id : ids) {
 *     if (!writer.contains(id)) {
 *       writer.append(id, encoder.encode(id)); // [regions, featureDim]
 *     }
 *   }
 * } // close(): commits the last chunk and marks the store complete
 * }</pre>
 *
 * A writer holds an exclusive lock on the store, so a second writer (in this or another process) is
 * refused. It is not thread-safe: append from one thread.
 */
public final class FeatureStoreWriter implements AutoCloseable {
  /** Items per commit unless the caller says otherwise. */
  public static final int DEFAULT_CHUNK_ITEMS = 256;

  private static final Logger LOG = LoggerFactory.getLogger(FeatureStoreWriter.class);

  private final Path dir;
  private final FeatureStoreHeader header;
  private final int chunkItems;
  private final FileChannel data;
  private final FileChannel idsFile;
  private final FileLock lock;
  private final long itemBytes;

  // One item as it goes to disk; the views share its bytes.   // [regions, featureDim]
  private final ByteBuffer item;
  private final FloatBuffer itemFloats;
  private final ShortBuffer itemHalves;

  private final List<String> committedIds;
  private final Set<String> appendedIds;
  private final List<String> pendingIds = new ArrayList<>();
  private final CRC32 idsCrc;
  private long idsBytes;
  private boolean storedComplete;
  private boolean closed;
  private IOException failure;

  private FeatureStoreWriter(
      Path dir,
      FeatureStoreHeader header,
      int chunkItems,
      FileChannel data,
      FileChannel idsFile,
      FileLock lock,
      State state) {
    this.dir = dir;
    this.header = header;
    this.chunkItems = chunkItems;
    this.data = data;
    this.idsFile = idsFile;
    this.lock = lock;
    this.itemBytes = header.bytesPerItem();
    this.item = ByteBuffer.allocateDirect((int) itemBytes).order(ByteOrder.LITTLE_ENDIAN);
    this.itemFloats = item.asFloatBuffer();
    this.itemHalves = item.asShortBuffer();
    this.committedIds = new ArrayList<>(Arrays.asList(state.ids()));
    this.appendedIds = new HashSet<>(state.index().keySet());
    this.idsCrc = state.idsCrc();
    this.idsBytes = state.commit().idsBytes();
    this.storedComplete = state.commit().complete();
  }

  /**
   * Starts a new store in {@code dir} (created if needed), committing every {@value
   * #DEFAULT_CHUNK_ITEMS} items.
   *
   * @throws FeatureStoreException if {@code dir} already holds a store, is a file, or cannot be
   *     written
   */
  public static FeatureStoreWriter create(Path dir, FeatureStoreHeader header)
      throws FeatureStoreException {
    return create(dir, header, DEFAULT_CHUNK_ITEMS);
  }

  /**
   * Starts a new store in {@code dir} (created if needed), committing every {@code chunkItems}
   * items.
   *
   * @throws FeatureStoreException if {@code dir} already holds a store, is a file, or cannot be
   *     written
   */
  public static FeatureStoreWriter create(Path dir, FeatureStoreHeader header, int chunkItems)
      throws FeatureStoreException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(header, "header");
    checkChunkItems(chunkItems);
    if (header.version() != FeatureStoreHeader.CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "a new store is written in format version "
              + FeatureStoreHeader.CURRENT_VERSION
              + ", got a header of version "
              + header.version());
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new FeatureStoreException(dir + " is a file, not a folder for a feature store.");
    }
    if (Files.exists(dir.resolve(FeatureStoreFormat.HEADER_FILE))) {
      throw alreadyAStore(dir);
    }
    FileChannel data = null;
    FileChannel ids = null;
    try {
      Files.createDirectories(dir);
      FeatureStoreFormat.forceFolder(dir.toAbsolutePath().getParent()); // the new folder's entry
      data = open(dir.resolve(FeatureStoreFormat.DATA_FILE), true);
      FileLock lock = lock(dir, data);
      if (Files.exists(dir.resolve(FeatureStoreFormat.HEADER_FILE))) {
        throw alreadyAStore(dir); // made by a writer that raced this one
      }
      // Files left by a create that died before its header was written are started afresh.
      data.truncate(0);
      ids = open(dir.resolve(FeatureStoreFormat.IDS_FILE), true);
      ids.truncate(0);
      ids.force(true);
      data.force(true);
      FeatureStoreFormat.writeAtomically(
          dir.resolve(FeatureStoreFormat.COMMIT_FILE), Commit.EMPTY.encode());
      // The header goes last: its presence is what makes the folder a store.
      FeatureStoreFormat.writeAtomically(
          dir.resolve(FeatureStoreFormat.HEADER_FILE), FeatureStoreFormat.encodeHeader(header));
      State empty = new State(header, Commit.EMPTY, new String[0], Map.of(), new CRC32(), 0, 0);
      return new FeatureStoreWriter(dir, header, chunkItems, data, ids, lock, empty);
    } catch (IOException e) {
      closeQuietly(ids);
      closeQuietly(data);
      throw new FeatureStoreException(
          "Cannot create a feature store in " + dir + ": " + e.getMessage() + ".", e);
    } catch (FeatureStoreException | RuntimeException e) {
      closeQuietly(ids);
      closeQuietly(data);
      throw e;
    }
  }

  /**
   * Continues the interrupted (or finished) store in {@code dir}, committing every {@value
   * #DEFAULT_CHUNK_ITEMS} items. Anything past the last commit is cut away.
   *
   * @param expected the header this extraction would write; encoder, grid, feature dimension,
   *     precision and dataset hash must equal the stored ones (planned items and provenance may
   *     differ; the stored ones stay)
   * @throws FeatureStoreException if there is no store, it is damaged, it is being written by
   *     someone else, or it was made with other settings (named field by field)
   */
  public static FeatureStoreWriter resume(Path dir, FeatureStoreHeader expected)
      throws FeatureStoreException {
    return resume(dir, expected, DEFAULT_CHUNK_ITEMS);
  }

  /** As {@link #resume(Path, FeatureStoreHeader)}, committing every {@code chunkItems} items. */
  public static FeatureStoreWriter resume(Path dir, FeatureStoreHeader expected, int chunkItems)
      throws FeatureStoreException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(expected, "expected");
    checkChunkItems(chunkItems);
    FileChannel data = null;
    FileChannel ids = null;
    try {
      try {
        data = open(dir.resolve(FeatureStoreFormat.DATA_FILE), false);
      } catch (NoSuchFileException e) {
        FeatureStoreFormat.load(dir, true); // says what is missing
        throw e;
      }
      FileLock lock = lock(dir, data);
      State state = FeatureStoreFormat.load(dir, true);
      checkSameSettings(dir, state.header(), expected);
      ids = open(dir.resolve(FeatureStoreFormat.IDS_FILE), false);
      long keepData = state.committedDataBytes();
      if (state.dataBytes() > keepData || state.idsFileBytes() > state.commit().idsBytes()) {
        LOG.info(
            "Resuming {}: dropping {} data bytes and {} id bytes past the last commit ({} items)",
            dir,
            state.dataBytes() - keepData,
            state.idsFileBytes() - state.commit().idsBytes(),
            state.commit().items());
        data.truncate(keepData);
        ids.truncate(state.commit().idsBytes());
        data.force(true);
        ids.force(true);
      }
      Files.deleteIfExists(
          dir.resolve(FeatureStoreFormat.COMMIT_FILE + ".tmp")); // left by a crash, never used
      return new FeatureStoreWriter(dir, state.header(), chunkItems, data, ids, lock, state);
    } catch (IOException e) {
      closeQuietly(ids);
      closeQuietly(data);
      throw new FeatureStoreException(
          "Cannot resume the feature store in " + dir + ": " + e.getMessage() + ".", e);
    } catch (FeatureStoreException | RuntimeException e) {
      closeQuietly(ids);
      closeQuietly(data);
      throw e;
    }
  }

  /**
   * Resumes the store in {@code dir} if there is one, else creates it.
   *
   * @see #create(Path, FeatureStoreHeader)
   * @see #resume(Path, FeatureStoreHeader)
   */
  public static FeatureStoreWriter createOrResume(Path dir, FeatureStoreHeader header)
      throws FeatureStoreException {
    return Files.exists(dir.resolve(FeatureStoreFormat.HEADER_FILE))
        ? resume(dir, header)
        : create(dir, header);
  }

  private static FeatureStoreException alreadyAStore(Path dir) {
    return new FeatureStoreException(
        dir + " already holds a feature store; resume it or choose another folder.");
  }

  private static void checkChunkItems(int chunkItems) {
    if (chunkItems < 1) {
      throw new IllegalArgumentException("chunkItems must be >= 1, got " + chunkItems);
    }
  }

  private static FileChannel open(Path file, boolean create) throws IOException {
    return create
        ? FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
        : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static FileLock lock(Path dir, FileChannel data)
      throws IOException, FeatureStoreException {
    FileLock lock;
    try {
      lock = data.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new FeatureStoreException(
          "The feature store in " + dir + " is being written by another extraction.");
    }
    return lock;
  }

  private static void checkSameSettings(
      Path dir, FeatureStoreHeader stored, FeatureStoreHeader expected)
      throws FeatureStoreException {
    List<String> differences = new ArrayList<>();
    compare(differences, "encoder id", quoted(stored.encoderId()), quoted(expected.encoderId()));
    compare(differences, "grid height", stored.gridHeight(), expected.gridHeight());
    compare(differences, "grid width", stored.gridWidth(), expected.gridWidth());
    compare(differences, "feature dim", stored.featureDim(), expected.featureDim());
    compare(differences, "precision", stored.precision(), expected.precision());
    compare(
        differences, "dataset hash", quoted(stored.datasetHash()), quoted(expected.datasetHash()));
    if (!differences.isEmpty()) {
      String listed =
          differences.size() == 1
              ? differences.get(0)
              : String.join(", ", differences.subList(0, differences.size() - 1))
                  + " and "
                  + differences.get(differences.size() - 1);
      throw new FeatureStoreException(
          "Cannot resume the feature store in "
              + dir
              + ": it holds "
              + listed
              + "; use another folder for features made differently.");
    }
  }

  private static void compare(List<String> differences, String field, Object stored, Object ours) {
    if (!stored.equals(ours)) {
      differences.add(field + " " + stored + " where this extraction has " + ours);
    }
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** The store's header (on resume, the stored one). */
  public FeatureStoreHeader header() {
    return header;
  }

  /**
   * Appends one item. Items are committed in chunks; an item is durable once its chunk is (see
   * {@link #commit()}).
   *
   * @param id the item's id: non-empty, at most 256 bytes of UTF-8, not yet in the store
   * @param regions the item's features, {@code [regions, featureDim]} row-major: {@code
   *     header().valuesPerItem()} finite values (for FP16, of magnitude at most 65504)
   * @throws IllegalArgumentException for a bad or repeated id or bad features; nothing is written
   * @throws FeatureStoreException if the disk refuses the write; the writer is then unusable and
   *     the store keeps its last commit
   */
  public void append(String id, float[] regions) throws FeatureStoreException {
    checkOpen();
    FeatureStoreFormat.checkId(id);
    Objects.requireNonNull(regions, "regions");
    if (regions.length != header.valuesPerItem()) {
      throw new IllegalArgumentException(
          "regions for "
              + FeatureStoreFormat.quote(id)
              + " must hold "
              + header.regions()
              + " × "
              + header.featureDim()
              + " = "
              + header.valuesPerItem()
              + " values, got "
              + regions.length);
    }
    if (appendedIds.contains(id)) {
      throw new IllegalArgumentException(
          "item " + FeatureStoreFormat.quote(id) + " is already in the feature store");
    }
    encode(id, regions);
    long position = (committedIds.size() + (long) pendingIds.size()) * itemBytes;
    try {
      item.clear();
      FeatureStoreFormat.writeFully(data, item, position);
    } catch (IOException e) {
      throw fail(FeatureStoreFormat.DATA_FILE, e);
    }
    pendingIds.add(id);
    appendedIds.add(id);
    if (pendingIds.size() >= chunkItems) {
      commit(false);
    }
  }

  private void encode(String id, float[] regions) {
    if (header.precision() == Precision.FP32) {
      for (int i = 0; i < regions.length; i++) {
        if (!Float.isFinite(regions[i])) {
          throw badValue(id, regions, i);
        }
      }
      itemFloats.put(0, regions);
    } else {
      for (int i = 0; i < regions.length; i++) {
        short half = Fp16.fromFloat(regions[i]);
        if (Fp16.isNonFinite(half)) {
          throw badValue(id, regions, i);
        }
        itemHalves.put(i, half);
      }
    }
  }

  private IllegalArgumentException badValue(String id, float[] regions, int i) {
    float value = regions[i];
    String where =
        "regions for "
            + FeatureStoreFormat.quote(id)
            + " hold "
            + value
            + " at region "
            + i / header.featureDim()
            + ", channel "
            + i % header.featureDim();
    return new IllegalArgumentException(
        Float.isFinite(value)
            ? where + ", beyond FP16's range of ±65504: store these features as FP32"
            : where + ": the encoder produced an invalid value");
  }

  /**
   * Commits the items appended since the last commit now, rather than when their chunk fills up:
   * once this returns they survive a crash. Cheap when nothing is pending.
   *
   * @throws FeatureStoreException if the disk refuses the write
   */
  public void commit() throws FeatureStoreException {
    checkOpen();
    commit(false);
  }

  private void commit(boolean complete) throws FeatureStoreException {
    if (pendingIds.isEmpty() && complete == storedComplete) {
      return;
    }
    String file = FeatureStoreFormat.DATA_FILE;
    try {
      data.force(false);
      file = FeatureStoreFormat.IDS_FILE;
      ByteArrayOutputStream encoded = new ByteArrayOutputStream(pendingIds.size() * 16);
      for (String id : pendingIds) {
        FeatureStoreFormat.encodeId(id, encoded);
      }
      byte[] bytes = encoded.toByteArray();
      FeatureStoreFormat.writeFully(idsFile, ByteBuffer.wrap(bytes), idsBytes);
      idsFile.force(false);
      idsCrc.update(bytes);
      file = FeatureStoreFormat.COMMIT_FILE;
      Commit commit =
          new Commit(
              committedIds.size() + (long) pendingIds.size(),
              idsBytes + bytes.length,
              (int) idsCrc.getValue(),
              complete);
      FeatureStoreFormat.writeAtomically(
          dir.resolve(FeatureStoreFormat.COMMIT_FILE), commit.encode());
      idsBytes = commit.idsBytes();
      storedComplete = complete;
      committedIds.addAll(pendingIds);
      pendingIds.clear();
    } catch (IOException e) {
      throw fail(file, e);
    }
  }

  private FeatureStoreException fail(String file, IOException e) {
    failure = e;
    return new FeatureStoreException(
        FeatureStoreFormat.label(dir, file)
            + " cannot be written: "
            + e.getMessage()
            + "; the store keeps its last commit and can be resumed.",
        e);
  }

  /**
   * The committed ids, in store order: the items that would survive a crash now. A read-only view
   * that grows as chunks commit.
   */
  public List<String> committedIds() {
    return Collections.unmodifiableList(committedIds);
  }

  /** Whether {@code id} is in the store: committed, or appended and awaiting its commit. */
  public boolean contains(String id) {
    return appendedIds.contains(id);
  }

  /** Items in the store, committed or awaiting their commit. */
  public int size() {
    return committedIds.size() + pendingIds.size();
  }

  /**
   * Commits what was appended and marks the store complete: the extraction is finished. Does
   * nothing if already closed.
   *
   * @throws FeatureStoreException if the disk refuses the final commit; the store keeps its last
   *     commit and can be resumed
   */
  @Override
  public void close() throws FeatureStoreException {
    finish(true);
  }

  /**
   * Commits what was appended, leaves the store incomplete and releases it, for an extraction that
   * stops early (cancelled, or failing) and may be resumed later. A later {@link #close()} does
   * nothing.
   *
   * @throws FeatureStoreException if the disk refuses the commit; the store keeps its last commit
   */
  public void closeIncomplete() throws FeatureStoreException {
    finish(false);
  }

  private void finish(boolean complete) throws FeatureStoreException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failure == null) {
        commit(complete);
      }
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        LOG.debug("Releasing the lock on {} failed", dir, e);
      }
      closeQuietly(idsFile);
      closeQuietly(data);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the feature store writer for " + dir + " is closed");
    }
    if (failure != null) {
      throw new IllegalStateException(
          "the feature store writer for " + dir + " failed earlier: " + failure.getMessage());
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Closing a feature store file failed", e);
      }
    }
  }
}
