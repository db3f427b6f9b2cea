package org.captionstudio.core.features;

/*
 * The feature store on disk, format version 1. A store is a folder of four files; every binary
 * number is little-endian, whatever the machine.
 *
 * header.json: UTF-8 JSON, at most 1 MiB, written once when the store is created and never
 * changed. It is written last (atomically), so a folder with a header.json holds a whole store.
 *   {
 *     "format": "caption-studio-feature-store",
 *     "version": 1,
 *     "byteOrder": "little-endian",
 *     "encoderId": "resnet50",
 *     "gridHeight": 7,
 *     "gridWidth": 7,
 *     "featureDim": 2048,
 *     "precision": "FP16",          (or "FP32")
 *     "datasetHash": "…",
 *     "plannedItems": 123287,       (0 = unknown)
 *     "provenance": {"key": "value", …}   (strings only)
 *   }
 * Fields not listed here are ignored.
 *
 * features.bin: the items' features back to back, nothing else.   // [items, regions, featureDim]
 *   Item i starts at byte i × regions × featureDim × bytesPerValue. Values are IEEE binary32 (FP32,
 *   4 bytes) or binary16 (FP16, 2 bytes), region-major: region r = row × gridWidth + column, then
 *   the featureDim channels of that region. A complete store's file is exactly committed items ×
 *   item bytes long; anything past that is a chunk an interrupted writer never committed.
 *
 * ids.bin: the items' ids in item order, back to back, each a u16 byte length (1..256) followed by
 *   that many bytes of UTF-8. Only the first "committed ids bytes" (see commit.bin) count.
 *
 * commit.bin: 36 bytes saying how much of the other two files is committed.
 *   offset size
 *        0    4  magic "CSFC"
 *        4    4  u32 format version (1)
 *        8    8  i64 committed items
 *       16    8  i64 committed bytes of ids.bin
 *       24    4  u32 CRC-32 of those ids.bin bytes
 *       28    4  u32 flags: bit 0 = complete (the writer was closed after its last item)
 *       32    4  u32 CRC-32 of bytes 0..31
 *
 * Crash safety: a writer appends items to features.bin as they come. Every chunk of items it
 * forces features.bin to disk, appends the chunk's ids to ids.bin and forces it, and only then
 * replaces commit.bin: it writes commit.bin.tmp, forces it, renames it over commit.bin with an
 * atomic move and forces the folder. Whenever the process dies, commit.bin is either the old record
 * or the new one, and the bytes it covers are on disk. Resuming truncates both files back to what
 * commit.bin covers.
 */

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** The feature store's files: their layout (in the comment above), encoding and validation. */
final class FeatureStoreFormat {
  static final String HEADER_FILE = "header.json";
  static final String DATA_FILE = "features.bin";
  static final String IDS_FILE = "ids.bin";
  static final String COMMIT_FILE = "commit.bin";

  static final String FORMAT_NAME = "caption-studio-feature-store";
  static final String BYTE_ORDER = "little-endian";
  static final int MAX_HEADER_BYTES = 1 << 20;
  static final int MAX_ID_BYTES = 256;
  static final int COMMIT_BYTES = 36;
  private static final int COMMIT_MAGIC = 0x43465343; // "CSFC" read little-endian
  private static final int FLAG_COMPLETE = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private FeatureStoreFormat() {}

  /**
   * What commit.bin says.
   *
   * @param items committed items
   * @param idsBytes committed bytes of ids.bin
   * @param idsCrc CRC-32 of those bytes
   * @param complete whether the writer was closed after its last item
   */
  record Commit(long items, long idsBytes, int idsCrc, boolean complete) {
    static final Commit EMPTY = new Commit(0, 0, 0, false);

    byte[] encode() {
      ByteBuffer buffer = ByteBuffer.allocate(COMMIT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      buffer.putInt(COMMIT_MAGIC);
      buffer.putInt(FeatureStoreHeader.CURRENT_VERSION);
      buffer.putLong(items);
      buffer.putLong(idsBytes);
      buffer.putInt(idsCrc);
      buffer.putInt(complete ? FLAG_COMPLETE : 0);
      CRC32 crc = new CRC32();
      crc.update(buffer.array(), 0, COMMIT_BYTES - 4);
      buffer.putInt((int) crc.getValue());
      return buffer.array();
    }
  }

  /**
   * A store's validated state.
   *
   * @param ids the committed ids in item order
   * @param index id → item index
   * @param idsCrc the running CRC-32 of the committed ids bytes, for a writer to continue
   * @param dataBytes the length of features.bin on disk
   * @param idsFileBytes the length of ids.bin on disk
   */
  record State(
      FeatureStoreHeader header,
      Commit commit,
      String[] ids,
      Map<String, Integer> index,
      CRC32 idsCrc,
      long dataBytes,
      long idsFileBytes) {
    long committedDataBytes() {
      return commit.items() * header.bytesPerItem();
    }
  }

  /** "store/header.json": the folder's name and the file, for messages. */
  static String label(Path dir, String file) {
    Path name = dir.getFileName();
    return (name == null ? dir.toString() : name.toString()) + "/" + file;
  }

  /**
   * Reads and checks everything but the feature values. With {@code forResume}, files longer than
   * the commit (an interrupted chunk) are accepted for the writer to truncate; otherwise they are
   * refused.
   */
  static State load(Path dir, boolean forResume) throws FeatureStoreException {
    if (!Files.exists(dir)) {
      throw new FeatureStoreException("The feature store folder " + dir + " does not exist.");
    }
    if (!Files.isDirectory(dir)) {
      throw new FeatureStoreException(dir + " is a file, not a feature store folder.");
    }
    FeatureStoreHeader header = readHeader(dir);
    Commit commit = readCommit(dir);
    String commitLabel = label(dir, COMMIT_FILE);
    if (commit.items() < 0 || commit.items() > FeatureStoreHeader.MAX_ITEMS) {
      throw new FeatureStoreException(
          commitLabel
              + " is damaged: it commits "
              + commit.items()
              + " items, but a store holds 0 to "
              + FeatureStoreHeader.MAX_ITEMS
              + ".");
    }
    if (commit.idsBytes() < 3 * commit.items()
        || commit.idsBytes() > (2L + MAX_ID_BYTES) * commit.items()) {
      throw new FeatureStoreException(
          commitLabel
              + " is damaged: "
              + commit.items()
              + " ids cannot take "
              + commit.idsBytes()
              + " bytes.");
    }
    long itemBytes = header.bytesPerItem();
    long committedData = commit.items() * itemBytes; // at most 10^7 × 2^30: no overflow
    long dataBytes = size(dir, DATA_FILE);
    String dataLabel = label(dir, DATA_FILE);
    if (dataBytes < committedData) {
      throw new FeatureStoreException(
          dataLabel
              + " holds "
              + dataBytes
              + " bytes, fewer than the "
              + committedData
              + " that "
              + commitLabel
              + " commits ("
              + commit.items()
              + " items of "
              + itemBytes
              + " bytes): the data file is truncated.");
    }
    if (dataBytes > committedData && !forResume) {
      throw new FeatureStoreException(
          dataLabel
              + " holds "
              + dataBytes
              + " bytes, more than the "
              + committedData
              + " that "
              + commitLabel
              + " commits ("
              + commit.items()
              + " items of "
              + itemBytes
              + " bytes): an extraction was interrupted; resume it to finish the store.");
    }
    long idsFileBytes = size(dir, IDS_FILE);
    String idsLabel = label(dir, IDS_FILE);
    if (idsFileBytes < commit.idsBytes()) {
      throw new FeatureStoreException(
          commitLabel
              + " points past the end of "
              + idsLabel
              + ": it commits "
              + commit.idsBytes()
              + " bytes of ids, the file holds "
              + idsFileBytes
              + ".");
    }
    if (idsFileBytes > commit.idsBytes() && !forResume) {
      throw new FeatureStoreException(
          idsLabel
              + " holds "
              + idsFileBytes
              + " bytes, more than the "
              + commit.idsBytes()
              + " that "
              + commitLabel
              + " commits: an extraction was interrupted; resume it to finish the store.");
    }
    CRC32 crc = new CRC32();
    String[] ids = new String[(int) commit.items()];
    Map<String, Integer> index = readIds(dir, commit, crc, ids);
    return new State(header, commit, ids, index, crc, dataBytes, idsFileBytes);
  }

  private static long size(Path dir, String file) throws FeatureStoreException {
    try {
      return Files.size(dir.resolve(file));
    } catch (NoSuchFileException e) {
      throw new FeatureStoreException(label(dir, file) + " is missing.", e);
    } catch (IOException e) {
      throw unreadable(dir, file, e);
    }
  }

  static FeatureStoreException unreadable(Path dir, String file, IOException e) {
    String reason =
        e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    return new FeatureStoreException(label(dir, file) + " cannot be read: " + reason + ".", e);
  }

  // ---- header.json ----

  static byte[] encodeHeader(FeatureStoreHeader header) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT_NAME);
    root.put("version", header.version());
    root.put("byteOrder", BYTE_ORDER);
    root.put("encoderId", header.encoderId());
    root.put("gridHeight", header.gridHeight());
    root.put("gridWidth", header.gridWidth());
    root.put("featureDim", header.featureDim());
    root.put("precision", header.precision().name());
    root.put("datasetHash", header.datasetHash());
    root.put("plannedItems", header.plannedItems());
    ObjectNode provenance = root.putObject("provenance");
    header.provenance().forEach(provenance::put);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a header of strings and numbers always serialises", e);
    }
  }

  static FeatureStoreHeader readHeader(Path dir) throws FeatureStoreException {
    String name = label(dir, HEADER_FILE);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(dir.resolve(HEADER_FILE))) {
      bytes = in.readNBytes(MAX_HEADER_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new FeatureStoreException(name + " is missing: " + dir + " holds no feature store.", e);
    } catch (IOException e) {
      throw unreadable(dir, HEADER_FILE, e);
    }
    if (bytes.length > MAX_HEADER_BYTES) {
      throw new FeatureStoreException(
          name + " is larger than the " + MAX_HEADER_BYTES + " bytes a header may take.");
    }
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new FeatureStoreException(name + " is empty.");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonEOFException e) {
      throw new FeatureStoreException(name + " ends too early: the file looks truncated.", e);
    } catch (JsonProcessingException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
        throw new FeatureStoreException(name + " ends too early: the file looks truncated.", e);
      }
      throw new FeatureStoreException(
          name + " is not valid JSON" + where(e.getLocation()) + ": " + firstLine(e) + ".", e);
    } catch (IOException e) {
      throw unreadable(dir, HEADER_FILE, e);
    }
    if (!root.isObject()) {
      throw new FeatureStoreException(
          name + " must hold a JSON object, found " + describe(root) + ".");
    }
    JsonNode format = root.get("format");
    if (format == null || !FORMAT_NAME.equals(format.asText(null))) {
      throw new FeatureStoreException(
          name
              + " is not a feature store header: its \"format\" must be \""
              + FORMAT_NAME
              + "\", found "
              + (format == null ? "nothing" : format.toString())
              + ".");
    }
    HeaderFields fields = new HeaderFields(name, root);
    long version = fields.whole("version");
    if (version != FeatureStoreHeader.CURRENT_VERSION) {
      throw new FeatureStoreException(
          name
              + " has format version "
              + version
              + ", but this version of Caption Studio reads only version "
              + FeatureStoreHeader.CURRENT_VERSION
              + ".");
    }
    String byteOrder = fields.text("byteOrder");
    if (!BYTE_ORDER.equals(byteOrder)) {
      throw new FeatureStoreException(
          name
              + " is invalid: \"byteOrder\" must be \""
              + BYTE_ORDER
              + "\", got \""
              + byteOrder
              + "\".");
    }
    String encoderId = fields.text("encoderId");
    int gridHeight = fields.intInRange("gridHeight", 1, FeatureStoreHeader.MAX_GRID_SIDE);
    int gridWidth = fields.intInRange("gridWidth", 1, FeatureStoreHeader.MAX_GRID_SIDE);
    int featureDim = fields.intInRange("featureDim", 1, FeatureStoreHeader.MAX_FEATURE_DIM);
    String precisionName = fields.text("precision");
    Precision precision;
    try {
      precision = Precision.valueOf(precisionName);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(
          name
              + " is invalid: \"precision\" must be \"FP32\" or \"FP16\", got \""
              + precisionName
              + "\".",
          e);
    }
    String datasetHash = fields.text("datasetHash");
    long plannedItems = fields.whole("plannedItems");
    Map<String, String> provenance = fields.strings("provenance");
    try {
      return new FeatureStoreHeader(
          (int) version,
          encoderId,
          gridHeight,
          gridWidth,
          featureDim,
          precision,
          datasetHash,
          plannedItems,
          provenance);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(name + " is invalid: " + e.getMessage() + ".", e);
    }
  }

  /** Typed access to the header's fields, each failure one sentence naming the field. */
  private record HeaderFields(String name, JsonNode root) {
    private JsonNode required(String field) throws FeatureStoreException {
      JsonNode node = root.get(field);
      if (node == null) {
        throw new FeatureStoreException(name + " is invalid: \"" + field + "\" is missing.");
      }
      return node;
    }

    String text(String field) throws FeatureStoreException {
      JsonNode node = required(field);
      if (!node.isTextual()) {
        throw new FeatureStoreException(
            name + " is invalid: \"" + field + "\" must be text, found " + describe(node) + ".");
      }
      return node.textValue();
    }

    long whole(String field) throws FeatureStoreException {
      JsonNode node = required(field);
      if (!node.isIntegralNumber()) {
        throw new FeatureStoreException(
            name
                + " is invalid: \""
                + field
                + "\" must be a whole number, found "
                + (node.isNumber() ? node.toString() : describe(node))
                + ".");
      }
      if (!node.canConvertToLong()) {
        throw new FeatureStoreException(
            name + " is invalid: \"" + field + "\" is out of range, got " + node + ".");
      }
      return node.longValue();
    }

    int intInRange(String field, int min, int max) throws FeatureStoreException {
      long value = whole(field);
      if (value < min || value > max) {
        throw new FeatureStoreException(
            name + " is invalid: " + FeatureStoreHeader.rangeMessage(field, value, min, max) + ".");
      }
      return (int) value;
    }

    Map<String, String> strings(String field) throws FeatureStoreException {
      JsonNode node = required(field);
      if (!node.isObject()) {
        throw new FeatureStoreException(
            name
                + " is invalid: \""
                + field
                + "\" must be an object, found "
                + describe(node)
                + ".");
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isTextual()) {
          throw new FeatureStoreException(
              name
                  + " is invalid: \""
                  + field
                  + "\" must hold only text, but \""
                  + entry.getKey()
                  + "\" is "
                  + describe(entry.getValue())
                  + ".");
        }
        values.put(entry.getKey(), entry.getValue().textValue());
      }
      return values;
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  // ---- commit.bin ----

  static Commit readCommit(Path dir) throws FeatureStoreException {
    String name = label(dir, COMMIT_FILE);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(dir.resolve(COMMIT_FILE))) {
      bytes = in.readNBytes(COMMIT_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new FeatureStoreException(name + " is missing.", e);
    } catch (IOException e) {
      throw unreadable(dir, COMMIT_FILE, e);
    }
    if (bytes.length != COMMIT_BYTES) {
      throw new FeatureStoreException(
          name
              + " is damaged: it must be "
              + COMMIT_BYTES
              + " bytes long, found "
              + (bytes.length > COMMIT_BYTES ? "more" : Integer.toString(bytes.length))
              + ".");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (buffer.getInt(0) != COMMIT_MAGIC) {
      throw new FeatureStoreException(name + " is not a feature store commit record.");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, COMMIT_BYTES - 4);
    if ((int) crc.getValue() != buffer.getInt(COMMIT_BYTES - 4)) {
      throw new FeatureStoreException(name + " is damaged: its checksum does not match.");
    }
    int version = buffer.getInt(4);
    if (version != FeatureStoreHeader.CURRENT_VERSION) {
      throw new FeatureStoreException(
          name
              + " has format version "
              + Integer.toUnsignedString(version)
              + ", but this version of Caption Studio reads only version "
              + FeatureStoreHeader.CURRENT_VERSION
              + ".");
    }
    int flags = buffer.getInt(28);
    if ((flags & ~FLAG_COMPLETE) != 0) {
      throw new FeatureStoreException(
          name + " is damaged: it has unknown flags " + Integer.toHexString(flags) + ".");
    }
    return new Commit(
        buffer.getLong(8), buffer.getLong(16), buffer.getInt(24), (flags & FLAG_COMPLETE) != 0);
  }

  // ---- ids.bin ----

  /** Appends {@code id}'s entry (u16 length, UTF-8) to {@code out}. */
  static void encodeId(String id, ByteArrayOutputStream out) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    out.write(bytes.length & 0xFF);
    out.write(bytes.length >>> 8);
    out.write(bytes, 0, bytes.length);
  }

  /** Fails unless {@code id} can be stored: non-empty Unicode text of at most 256 UTF-8 bytes. */
  static void checkId(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an item id must not be empty, got " + quote(id));
    }
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "an item id must be at most "
              + MAX_ID_BYTES
              + " bytes of UTF-8, got "
              + bytes.length
              + " for "
              + quote(id.substring(0, 40) + "…"));
    }
    if (!new String(bytes, StandardCharsets.UTF_8).equals(id)) {
      throw new IllegalArgumentException(
          "an item id must be valid Unicode text, got " + quote(id) + " with a lone surrogate");
    }
  }

  static String quote(String id) {
    return id == null ? "null" : "\"" + id + "\"";
  }

  /**
   * Reads the committed ids into {@code ids}, feeding their bytes to {@code crc}, and checks the
   * checksum, every entry and uniqueness.
   *
   * @return id → item index
   */
  private static Map<String, Integer> readIds(Path dir, Commit commit, CRC32 crc, String[] ids)
      throws FeatureStoreException {
    String name = label(dir, IDS_FILE);
    Path file = dir.resolve(IDS_FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      // First the checksum, so that damaged bytes are reported as such, not as odd entries.
      ByteBuffer block = ByteBuffer.allocate(1 << 16);
      long remaining = commit.idsBytes();
      long position = 0;
      while (remaining > 0) {
        block.clear().limit((int) Math.min(block.capacity(), remaining));
        int read = channel.read(block, position);
        if (read < 0) {
          throw new FeatureStoreException(name + " ended while it was being read.");
        }
        crc.update(block.array(), 0, read);
        position += read;
        remaining -= read;
      }
      if ((int) crc.getValue() != commit.idsCrc()) {
        throw new FeatureStoreException(
            name + " is damaged: its checksum does not match " + COMMIT_FILE + ".");
      }
      channel.position(0);
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      Map<String, Integer> index = new HashMap<>(Math.max(16, ids.length * 4 / 3 + 1));
      byte[] entry = new byte[MAX_ID_BYTES];
      long left = commit.idsBytes();
      for (int item = 0; item < ids.length; item++) {
        if (left < 2) {
          throw new FeatureStoreException(
              name + " is damaged: its committed bytes end inside entry " + item + ".");
        }
        int low = in.read();
        int high = in.read();
        int length = low | high << 8;
        if (length < 1 || length > MAX_ID_BYTES) {
          throw new FeatureStoreException(
              name + " is damaged: entry " + item + " claims a length of " + length + " bytes.");
        }
        if (left - 2 < length) {
          throw new FeatureStoreException(
              name + " is damaged: its committed bytes end inside entry " + item + ".");
        }
        if (in.readNBytes(entry, 0, length) != length) {
          throw new FeatureStoreException(name + " ended while it was being read.");
        }
        left -= 2 + length;
        String id;
        try {
          id = utf8.decode(ByteBuffer.wrap(entry, 0, length)).toString();
        } catch (CharacterCodingException e) {
          throw new FeatureStoreException(
              name + " is damaged: entry " + item + " is not UTF-8 text.", e);
        }
        Integer earlier = index.putIfAbsent(id, item);
        if (earlier != null) {
          throw new FeatureStoreException(
              name + " repeats the id " + quote(id) + " (items " + earlier + " and " + item + ").");
        }
        ids[item] = id;
      }
      if (left != 0) {
        throw new FeatureStoreException(
            name
                + " is damaged: "
                + left
                + " committed bytes are left after the last of "
                + ids.length
                + " ids.");
      }
      return index;
    } catch (NoSuchFileException e) {
      throw new FeatureStoreException(name + " is missing.", e);
    } catch (IOException e) {
      throw unreadable(dir, IDS_FILE, e);
    }
  }

  // ---- writing ----

  /** Writes {@code content} to {@code file} so that a crash leaves either the old or new file. */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(channel, ByteBuffer.wrap(content), 0);
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(file.getParent());
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  /** Makes a rename in {@code dir} durable where the platform allows (not on Windows). */
  static void forceFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Folders cannot be opened for syncing on some platforms; the rename is still atomic there.
    }
  }
}
