package org.captionstudio.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A captioning dataset as read from its annotation file: the usable items and what was skipped.
 *
 * @param format the file's format
 * @param source the annotation file's name, for messages
 * @param items the images or clips that have at least one caption
 * @param problems what was skipped while reading, one sentence each
 * @param splitFromFile whether the file assigned the splits (Karpathy, MSR-VTT)
 */
public record Dataset(
    DatasetFormat format,
    String source,
    List<DatasetItem> items,
    List<Problem> problems,
    boolean splitFromFile) {
  public Dataset {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  /** The items of one split. */
  public List<DatasetItem> split(Split split) {
    return items.stream().filter(item -> item.split() == split).toList();
  }

  /** How many items each split holds; items without a split are not counted. */
  public Map<Split, Integer> splitCounts() {
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      counts.put(split, 0);
    }
    for (DatasetItem item : items) {
      if (item.split() != null) {
        counts.merge(item.split(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The number of captions over all items. */
  public int captionCount() {
    return items.stream().mapToInt(item -> item.captions().size()).sum();
  }

  /**
   * Assigns splits by seed: items are ordered by id (so file order does not matter), shuffled with
   * the seed, and the first {@code validation} go to val, the next {@code test} to test, the rest
   * to train. The same items, sizes and seed always give the same split.
   */
  public Dataset withSeededSplit(int validation, int test, long seed) {
    if (validation < 0 || test < 0) {
      throw new IllegalArgumentException(
          "split sizes must be >= 0, got validation " + validation + " and test " + test);
    }
    if (validation + test > items.size()) {
      throw new IllegalArgumentException(
          "validation + test must be <= the "
              + items.size()
              + " items, got "
              + (validation + test));
    }
    List<DatasetItem> ordered = new ArrayList<>(items);
    ordered.sort(Comparator.comparing(DatasetItem::id));
    java.util.Collections.shuffle(ordered, new Random(seed));
    Map<DatasetItem, Split> splitOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      splitOf.put(
          ordered.get(i),
          i < validation ? Split.VAL : i < validation + test ? Split.TEST : Split.TRAIN);
    }
    List<DatasetItem> inFileOrder = new ArrayList<>(items.size());
    for (DatasetItem item : items) {
      inFileOrder.add(item.withSplit(splitOf.get(item)));
    }
    return new Dataset(format, source, inFileOrder, problems, false);
  }

  /**
   * Assigns splits by seed with sizes given as shares of the items, rounded down, e.g. 0.1 and 0.1
   * for a 80/10/10 split.
   */
  public Dataset withSeededSplitShares(double validationShare, double testShare, long seed) {
    if (!(validationShare >= 0 && testShare >= 0 && validationShare + testShare <= 1)) {
      throw new IllegalArgumentException(
          "split shares must be >= 0 and add up to at most 1, got "
              + validationShare
              + " and "
              + testShare);
    }
    return withSeededSplit(
        (int) Math.floor(items.size() * validationShare),
        (int) Math.floor(items.size() * testShare),
        seed);
  }
}
