package org.captionstudio.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferenceDecoderTimingTest {

  @Test
  void anUnknownOptionIsRefusedBeforeAnythingRuns() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        ReferenceDecoderTiming.run(
            new String[] {"--threds", "1"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertEquals("Unknown option '--threds'.\n", err.toString(StandardCharsets.UTF_8));
  }
}
