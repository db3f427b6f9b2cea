package org.captionstudio.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.captionstudio.core.ProgressListener;

/** Prints a long job's progress on stderr, one line per stage at most every 5%. */
final class TerminalProgress implements ProgressListener {
  private final PrintWriter err;
  private final String unit;
  private final double unitSize;
  private String stage = "";
  private long lastPercent = -1;

  /**
   * @param unit how totals are shown, e.g. "MB", or "" for plain counts
   * @param unitSize units of work per displayed unit, e.g. 1e6 bytes per MB
   */
  TerminalProgress(PrintWriter err, String unit, double unitSize) {
    this.err = err;
    this.unit = unit;
    this.unitSize = unitSize;
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!stage.equals(this.stage)) {
      this.stage = stage;
      lastPercent = -1;
    }
    if (total <= 0) {
      return;
    }
    long percent = done * 100 / total;
    if (percent >= lastPercent + 5 || (percent == 100 && lastPercent != 100)) {
      lastPercent = percent;
      String amount =
          unit.isEmpty()
              ? String.format(Locale.ROOT, "%,d of %,d", done, total)
              : String.format(Locale.ROOT, "of %.1f %s", total / unitSize, unit);
      err.printf(Locale.ROOT, "%s: %d%% %s%n", stage, percent, amount);
      err.flush();
    }
  }
}
