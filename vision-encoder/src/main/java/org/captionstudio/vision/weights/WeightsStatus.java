package org.captionstudio.vision.weights;

/** Where a weights file stands in the cache. */
public enum WeightsStatus {
  /** Present and its checksum matches: ready to use. */
  VERIFIED("ready"),
  /** Not in the cache. */
  MISSING("not downloaded"),
  /** A download was started and can be resumed. */
  PARTIAL("partly downloaded (resume with download)"),
  /** Present but its checksum does not match: it will not be used. */
  CORRUPT("corrupt (checksum mismatch; download it again)");

  private final String description;

  WeightsStatus(String description) {
    this.description = description;
  }

  /** How a listing shows it. */
  public String description() {
    return description;
  }
}
