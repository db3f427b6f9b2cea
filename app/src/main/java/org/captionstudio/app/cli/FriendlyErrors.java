package org.captionstudio.app.cli;

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
    LOG.error("{} failed unexpectedly", commandLine.getCommandName(), exception);
    String detail = exception.getMessage() == null ? "" : ": " + exception.getMessage();
    commandLine
        .getErr()
        .println(
            "Caption Studio failed unexpectedly ("
                + exception.getClass().getSimpleName()
                + detail
                + "); run again with --verbose to see the details.");
    if (verbose) {
      exception.printStackTrace(commandLine.getErr());
    }
    return ExitStatus.INTERNAL;
  }
}
