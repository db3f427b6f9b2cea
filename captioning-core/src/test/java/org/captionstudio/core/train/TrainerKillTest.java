package org.captionstudio.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: training in another JVM is killed with SIGKILL between two checkpoints, resumed
 * here, and must end with exactly the parameters of a run that was never interrupted.
 */
class TrainerKillTest {
  @TempDir Path temp;

  static DecoderConfig decoder(TrainingData data) {
    return new DecoderConfig(
        data.vocabulary().size(), 16, 32, ToyWorld.DIM, 16, 1, CellType.LSTM, 0.2, 0.1);
  }

  static TrainingConfig config() {
    return TrainingConfig.defaults()
        .withEpochs(2)
        .withBatchSize(16)
        .withLearningRate(1e-2, 0.9, 5)
        .withCheckpointEvery(5)
        .withValidation(2, 0, 100)
        .withMaxWords(8);
  }

  @Test
  @Timeout(120)
  void aRunKilledBetweenCheckpointsResumesToTheSameParameters() throws Exception {
    Path checkpoint = temp.resolve("checkpoint.zip");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ToyTraining.class.getName(),
                temp.resolve("child").toString(),
                checkpoint.toString())
            .redirectError(temp.resolve("child-stderr.txt").toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
        if (line == null) {
          throw new AssertionError(
              "training ended early: " + Files.readString(temp.resolve("child-stderr.txt")));
        }
      } while (!line.equals("step 14"));
      child.destroyForcibly(); // SIGKILL: steps 13–14 after the checkpoint at the end of epoch 1
      // (step 12) are lost
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    long saved = Checkpoint.read(checkpoint).state().step();
    assertTrue(saved == 12 || saved == 15, "last checkpoint at step " + saved);

    ToyWorld world = ToyWorld.create(temp.resolve("here"), 90, 15, 4);
    TrainingData data = TrainingData.of(world.dataset, world.store, null, 1);
    Trainer.Result resumed =
        new Trainer(data, decoder(data), config(), checkpoint, "toy")
            .train(TrainingListener.NONE, Cancellation.none(), true);
    Trainer.Result whole =
        new Trainer(data, decoder(data), config(), temp.resolve("whole.zip"), "toy")
            .train(TrainingListener.NONE, Cancellation.none(), false);

    assertEquals(whole.state().step(), resumed.state().step());
    assertArrayEquals(
        Checkpoint.read(temp.resolve("whole.zip")).parameters().flat().toFloatVector(),
        Checkpoint.read(checkpoint).parameters().flat().toFloatVector(),
        0f);
    assertArrayEquals(
        whole.best().flat().toFloatVector(), resumed.best().flat().toFloatVector(), 0f);
  }
}
