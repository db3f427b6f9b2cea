package org.captionstudio.app.cli;

/** The exit statuses of the command line; scripts depend on them. */
public final class ExitStatus {
  /** Done. */
  public static final int OK = 0;

  /** The input was unusable: a bad file, dataset or model. One sentence on stderr says why. */
  public static final int BAD_INPUT = 1;

  /** The command line itself was wrong (picocli's own usage status). */
  public static final int USAGE = 2;

  /** A fault of ours; the log holds the details. */
  public static final int INTERNAL = 3;

  private ExitStatus() {}
}
