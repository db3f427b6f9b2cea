package org.captionstudio.app.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one run of the command line printed and returned, as a user at a terminal would see it.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {

  /** Runs {@code captionstudio args...} with {@code stdin} as standard input. */
  static CliRun withInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Runs {@code captionstudio args...} with empty standard input. */
  static CliRun of(String... args) {
    return withInput("", args);
  }

  List<String> lines() {
    return out.lines().toList();
  }
}
