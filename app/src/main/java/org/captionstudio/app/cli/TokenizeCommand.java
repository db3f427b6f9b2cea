package org.captionstudio.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.captionstudio.core.text.CaptionTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code captionstudio tokenize}: coco-caption tokens for each line of standard input. */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description = {
      "Read captions from standard input (UTF-8), one per line, and print each line's tokens",
      "separated by spaces, one output line per input line, exactly as coco-caption tokenizes",
      "captions before scoring them (PTB tokenizer, lower case, punctuation removed)."
    })
final class TokenizeCommand implements Callable<Integer> {
  @ParentCommand CaptionStudioCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--keep-punctuation",
      description = "Print the PTB tokens before coco-caption's punctuation filter.")
  boolean keepPunctuation;

  @Override
  public Integer call() throws Exception {
    CaptionTokenizer tokenizer = new CaptionTokenizer();
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.println(
          String.join(" ", keepPunctuation ? tokenizer.ptbTokens(line) : tokenizer.tokenize(line)));
      if (!in.ready()) {
        out.flush(); // answer interactive input at once; batch input stays buffered
      }
    }
    out.flush();
    return ExitStatus.OK;
  }
}
