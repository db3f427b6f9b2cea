package org.captionstudio.core.data;

import java.util.Locale;
import java.util.Optional;

/** The part of a dataset an item belongs to. */
public enum Split {
  TRAIN("train"),
  VAL("val"),
  TEST("test");

  private final String label;

  Split(String label) {
    this.label = label;
  }

  /** The name used on the command line and in files: "train", "val" or "test". */
  public String label() {
    return label;
  }

  /**
   * Reads a split as datasets write it: "train", "val", "test", Karpathy's "restval" (the rest of
   * COCO val2014, which the Karpathy split trains on) and MSR-VTT's "validate".
   */
  public static Optional<Split> fromLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "train", "restval" -> Optional.of(TRAIN);
      case "val", "validate", "validation" -> Optional.of(VAL);
      case "test" -> Optional.of(TEST);
      default -> Optional.empty();
    };
  }
}
