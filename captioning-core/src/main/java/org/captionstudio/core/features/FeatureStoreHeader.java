package org.captionstudio.core.features;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a feature store holds: which encoder made the features, their shape and precision, and the
 * dataset they were extracted from. Written once as {@code header.json} when a store is created and
 * checked when an extraction resumes, so that features of different encoders, grids or datasets are
 * never mixed in one store.
 *
 * <p>Each item's features are {@code [regions, featureDim]} with {@code regions = gridHeight ×
 * gridWidth}, region {@code r} being grid cell {@code (r / gridWidth, r % gridWidth)}.
 *
 * @param version the on-disk format version; {@link #CURRENT_VERSION} for new stores
 * @param encoderId the encoder that made the features, e.g. "resnet50" or "shapesworld-v1"
 * @param gridHeight rows of the encoder's feature grid, 1..{@value #MAX_GRID_SIDE}
 * @param gridWidth columns of the encoder's feature grid, 1..{@value #MAX_GRID_SIDE}
 * @param featureDim channels per region (D), 1..{@value #MAX_FEATURE_DIM}
 * @param precision how values are stored
 * @param datasetHash the caller's fingerprint of the dataset; a resumed extraction must match it
 * @param plannedItems how many items the extraction means to store, or 0 when unknown
 * @param provenance free-form facts about the extraction (library versions, weights file, …)
 */
public record FeatureStoreHeader(
    int version,
    String encoderId,
    int gridHeight,
    int gridWidth,
    int featureDim,
    Precision precision,
    String datasetHash,
    long plannedItems,
    Map<String, String> provenance) {

  /** The format version this code writes and the only one it reads. */
  public static final int CURRENT_VERSION = 1;

  /** The largest grid side accepted. */
  public static final int MAX_GRID_SIDE = 1024;

  /** The most regions (grid cells) per item accepted. */
  public static final int MAX_REGIONS = 65_536;

  /** The largest feature dimension accepted. */
  public static final int MAX_FEATURE_DIM = 65_536;

  /** The most values per item accepted (2^28: 1 GiB as FP32). */
  public static final long MAX_VALUES_PER_ITEM = 1L << 28;

  /** The most items one store may hold. */
  public static final long MAX_ITEMS = 10_000_000L;

  /** The longest encoder id or dataset hash accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  public FeatureStoreHeader {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, got " + version);
    }
    checkName("encoderId", encoderId);
    checkRange("gridHeight", gridHeight, 1, MAX_GRID_SIDE);
    checkRange("gridWidth", gridWidth, 1, MAX_GRID_SIDE);
    checkRange("featureDim", featureDim, 1, MAX_FEATURE_DIM);
    long regions = (long) gridHeight * gridWidth;
    if (regions > MAX_REGIONS) {
      throw new IllegalArgumentException(
          "gridHeight × gridWidth must be at most "
              + MAX_REGIONS
              + " regions, got "
              + gridHeight
              + " × "
              + gridWidth);
    }
    if (regions * featureDim > MAX_VALUES_PER_ITEM) {
      throw new IllegalArgumentException(
          "regions × featureDim must be at most "
              + MAX_VALUES_PER_ITEM
              + " values per item, got "
              + regions
              + " × "
              + featureDim);
    }
    Objects.requireNonNull(precision, "precision");
    checkName("datasetHash", datasetHash);
    checkRange("plannedItems", plannedItems, 0, MAX_ITEMS);
    Objects.requireNonNull(provenance, "provenance");
    TreeMap<String, String> sorted = new TreeMap<>();
    provenance.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new IllegalArgumentException(
                "provenance must not hold null keys or values, got " + key + " = " + value);
          }
          sorted.put(key, value);
        });
    provenance = Collections.unmodifiableMap(sorted);
  }

  /**
   * A header for a new store in the current format, with no planned item count and no provenance.
   */
  public static FeatureStoreHeader of(
      String encoderId,
      int gridHeight,
      int gridWidth,
      int featureDim,
      Precision precision,
      String datasetHash) {
    return new FeatureStoreHeader(
        CURRENT_VERSION,
        encoderId,
        gridHeight,
        gridWidth,
        featureDim,
        precision,
        datasetHash,
        0,
        Map.of());
  }

  /** This header with {@code plannedItems} (0 = unknown). */
  public FeatureStoreHeader withPlannedItems(long plannedItems) {
    return new FeatureStoreHeader(
        version,
        encoderId,
        gridHeight,
        gridWidth,
        featureDim,
        precision,
        datasetHash,
        plannedItems,
        provenance);
  }

  /** This header with {@code provenance} in place of its own. */
  public FeatureStoreHeader withProvenance(Map<String, String> provenance) {
    return new FeatureStoreHeader(
        version,
        encoderId,
        gridHeight,
        gridWidth,
        featureDim,
        precision,
        datasetHash,
        plannedItems,
        provenance);
  }

  /** Regions per item (L = gridHeight × gridWidth). */
  public int regions() {
    return gridHeight * gridWidth;
  }

  /** Values per item (L × D), the length of one item's {@code float[]}. */
  public int valuesPerItem() {
    return regions() * featureDim;
  }

  /** Bytes one item takes in the data file. */
  public long bytesPerItem() {
    return (long) valuesPerItem() * precision.bytes();
  }

  private static void checkRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(rangeMessage(field, value, min, max));
    }
  }

  static String rangeMessage(String field, long value, long min, long max) {
    return field + " must be between " + min + " and " + max + ", got " + value;
  }

  private static void checkName(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, got \"" + value + "\"");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_NAME_LENGTH + " characters, got " + value.length());
    }
  }
}
