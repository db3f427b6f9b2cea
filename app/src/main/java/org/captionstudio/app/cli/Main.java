package org.captionstudio.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;

/**
 * The entry point of {@code ./captionstudio}: no arguments open the window, a subcommand runs on
 * the command line. The exit status is 0 on success, 1 for bad input, 2 for a usage error and 3 for
 * a fault of ours.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Charset console = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(System.out, true, console);
    PrintWriter err = new PrintWriter(System.err, true, console);
    int status = run(args, System.in, out, err);
    out.flush();
    err.flush();
    // ND4J and JavaFX leave non-daemon threads behind; the status decides, not they.
    System.exit(status);
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    Logging.configure(List.of(args));
    try {
      return commandLine(in, out, err).execute(args);
    } catch (Error e) {
      // picocli hands Exceptions to FriendlyErrors; Errors (a native library, a static
      // initialiser) come through here and still get one line instead of a stack trace.
      return FriendlyErrors.reportUnexpected(e, "captionstudio", err);
    }
  }

  /** The configured command line, for the launcher and for tests. */
  public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new CaptionStudioCommand(in));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new FriendlyErrors());
    return commandLine;
  }
}
