package org.captionstudio.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchmarkMainTest {

  @Test
  void theListNamesCnnForward() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchmarkMain.run(
            new String[] {"--list"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(
        out.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.contains("cnn-forward")),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownNameIsRefusedWithOneLine() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchmarkMain.run(
            new String[] {"cnn-backward"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
  }
}
