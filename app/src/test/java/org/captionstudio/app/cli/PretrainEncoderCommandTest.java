package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainEncoderCommandTest {
  @TempDir Path dir;

  @Test
  void aFolderThatIsNotShapesWorldSaysHowToMakeOne() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("photos"));

    CliRun run =
        CliRun.of(
            "pretrain-encoder",
            "--dataset",
            empty.toString(),
            "--out",
            dir.resolve("e.zip").toString());

    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(
        empty
            + " is not a ShapesWorld folder (no annotations/ inside); make one with"
            + " `./captionstudio synth --out "
            + empty
            + "`.",
        run.err().strip());
    assertFalse(Files.exists(dir.resolve("e.zip")));
  }

  @Test
  void zeroEpochsIsAUsageError() {
    CliRun run =
        CliRun.of(
            "pretrain-encoder",
            "--dataset",
            dir.toString(),
            "--out",
            dir.resolve("e.zip").toString(),
            "--epochs",
            "0");

    assertEquals(ExitStatus.USAGE, run.status());
    assertTrue(run.err().startsWith("epochs must be >= 1, got 0"), run.err());
  }
}
