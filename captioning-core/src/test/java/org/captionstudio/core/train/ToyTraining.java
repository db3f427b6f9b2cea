package org.captionstudio.core.train;

import java.nio.file.Path;
import org.captionstudio.core.Cancellation;

/**
 * A child-JVM entry point for {@link TrainerKillTest}: trains on a {@link ToyWorld} and prints
 * "step N" after each step, slowly enough to be killed between checkpoints.
 */
public final class ToyTraining {
  private ToyTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path checkpoint = Path.of(args[1]);
    ToyWorld world = ToyWorld.create(dir, 90, 15, 4);
    TrainingData data = TrainingData.of(world.dataset, world.store, null, 1);
    new Trainer(data, TrainerKillTest.decoder(data), TrainerKillTest.config(), checkpoint, "toy")
        .train(
            new TrainingListener() {
              @Override
              public void onStep(Step step) {
                System.out.println("step " + step.step());
                System.out.flush();
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            Cancellation.none(),
            false);
    System.out.println("done");
  }
}
