package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizeCommandTest {

  @Test
  void eachInputLineGivesOneLineOfCocoCaptionTokens() {
    CliRun run =
        CliRun.withInput(
            "A man's dog (brown) can't run.\n\ncosts $3.50...\r\ngonna wanna\ncannot\n",
            "tokenize");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    assertEquals(
        List.of(
            "a man 's dog -lrb- brown -rrb- ca n't run",
            "",
            "costs $ 3.50",
            "gon na wan na",
            "can not"),
        run.lines());
  }

  @Test
  void keepPunctuationShowsThePtbTokensBeforeTheFilter() {
    CliRun run = CliRun.withInput("Hello, \"world\"!\n", "tokenize", "--keep-punctuation");

    assertEquals(List.of("hello , `` world '' !"), run.lines());
  }
}
