package org.captionstudio.app.cli;

import java.io.PrintWriter;
import org.captionstudio.core.CaptioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one plain line on stderr and an exit status. The stack trace goes to
 * the log, and to the terminal only with {@code --verbose}.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    boolean verbose = Logging.isVerbose();
    if (exception instanceof CaptioningException) {
      LOG.info("{} failed: {}", commandLine.getCommandName(), exception.getMessage(), exception);
      commandLine.getErr().println(exception.getMessage());
      if (verbose) {
        exception.printStackTrace(commandLine.getErr());
      }
      return ExitStatus.BAD_INPUT;
    }
    return reportUnexpected(exception, commandLine.getCommandName(), commandLine.getErr());
  }

  /** Logs a fault of ours and says so in one line; returns {@link ExitStatus#INTERNAL}. */
  static int reportUnexpected(Throwable failure, String command, PrintWriter err) {
    LOG.error("{} failed unexpectedly", command, failure);
    String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    err.println(
        "Caption Studio failed unexpectedly ("
            + failure.getClass().getSimpleName()
            + detail
            + "); run again with --verbose to see the details.");
    if (Logging.isVerbose()) {
      failure.printStackTrace(err);
    }
    return ExitStatus.INTERNAL;
  }
}
