package org.captionstudio.app.cli;

import java.util.List;

/**
 * The terminal's share of the log. By default only warnings reach stderr and everything from INFO
 * up goes to {@code ~/.captionstudio/logs/captionstudio.log}; {@code --verbose} sends DEBUG and up
 * to stderr and adds stack traces to error lines.
 *
 * <p>The level is settled before the first logger exists, so it is read from the raw arguments
 * rather than from picocli's parse.
 */
final class Logging {
  static final String VERBOSE_OPTION = "--verbose";
  private static final String CONSOLE_LEVEL_PROPERTY = "captionstudio.console.level";
  private static volatile boolean verbose;

  private Logging() {}

  static void configure(List<String> args) {
    verbose = args.contains(VERBOSE_OPTION);
    if (verbose) {
      System.setProperty(CONSOLE_LEVEL_PROPERTY, "DEBUG");
    }
  }

  static boolean isVerbose() {
    return verbose;
  }
}
