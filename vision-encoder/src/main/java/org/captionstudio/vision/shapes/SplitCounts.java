package org.captionstudio.vision.shapes;

/**
 * How many items go to each split.
 *
 * @param train training items
 * @param validation validation items
 * @param test test items
 */
public record SplitCounts(int train, int validation, int test) {
  public SplitCounts {
    if (train < 0 || validation < 0 || test < 0) {
      throw new IllegalArgumentException(
          "split sizes must be >= 0, got " + train + ", " + validation + ", " + test);
    }
  }

  /** Items in all splits. */
  public int total() {
    return train + validation + test;
  }

  /**
   * Splits {@code items}: validation gets {@code round(items × validationShare)}, test gets {@code
   * round(items × testShare)} (capped by what is left), train the rest.
   */
  public static SplitCounts of(int items, double validationShare, double testShare) {
    int validation = (int) Math.round(items * validationShare);
    int test = (int) Math.min(items - validation, Math.round(items * testShare));
    return new SplitCounts(items - validation - test, validation, test);
  }

  /** The split of the item at {@code index}: the first {@code train} items train, and so on. */
  Split splitOf(int index) {
    if (index < train) {
      return Split.TRAIN;
    }
    return index < train + validation ? Split.VALIDATION : Split.TEST;
  }

  /** The three splits with the names COCO files and MSR-VTT use for them. */
  enum Split {
    TRAIN("train", "train"),
    VALIDATION("val", "validate"),
    TEST("test", "test");

    private final String coco;
    private final String msrVtt;

    Split(String coco, String msrVtt) {
      this.coco = coco;
      this.msrVtt = msrVtt;
    }

    /** "train", "val" or "test": the COCO file and folder name. */
    String coco() {
      return coco;
    }

    /** "train", "validate" or "test": the MSR-VTT split name. */
    String msrVtt() {
      return msrVtt;
    }
  }
}
