package org.captionstudio.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir static Path dir;
  static ToyWorld world;
  static TrainingData data;

  @BeforeAll
  static void world() throws Exception {
    world = ToyWorld.create(dir, 90, 15, 4);
    data = TrainingData.of(world.dataset, world.store, null, 1);
  }

  static DecoderConfig decoder(CellType cell) {
    return new DecoderConfig(data.vocabulary().size(), 16, 32, ToyWorld.DIM, 16, 1, cell, 0.1, 0);
  }

  static TrainingConfig config(int epochs) {
    return TrainingConfig.defaults()
        .withEpochs(epochs)
        .withBatchSize(16)
        .withLearningRate(1e-2, 0.95, 5)
        .withCheckpointEvery(4)
        .withValidation(2, 0, 100)
        .withMaxWords(8);
  }

  @Test
  void learnsToNameTheObjectFarAboveTheCaptionPrior() throws Exception {
    for (CellType cell : CellType.values()) {
      List<Double> losses = new ArrayList<>();
      Trainer trainer =
          new Trainer(data, decoder(cell), config(12), dir.resolve("learn-" + cell), "toy");
      Trainer.Result result =
          trainer.train(
              new TrainingListener() {
                @Override
                public void onStep(Step step) {
                  losses.add(step.loss());
                  assertEquals(1, step.hiddenGradientNorms().length >= 3 ? 1 : 0);
                }
              },
              Cancellation.none(),
              false);
      EpochReport last = result.state().history().get(result.state().history().size() - 1);
      assertTrue(
          losses.get(losses.size() - 1) < losses.get(0) / 4,
          cell + ": loss " + losses.get(0) + " → " + losses.get(losses.size() - 1));
      // The prior ("a red circle" for every image) scores CIDEr-D well under 1 here.
      assertTrue(
          result.state().bestScore() > 3.0, cell + ": best CIDEr-D " + result.state().bestScore());
      assertTrue(last.metrics().get("Bleu_4") > 0.7, cell + ": " + last.metrics());
      // A model this good is sure of its validation captions, and its own training images are in
      // its domain.
      org.captionstudio.core.bundle.DomainProfile profile =
          trainer.domainProfile(result.best(), TrainingListener.NONE);
      assertTrue(
          profile.confidenceLimit() < 0 && profile.confidenceLimit() > -1.5, cell + ": " + profile);
      float[] image =
          new float[data.store().header().regions() * data.store().header().featureDim()];
      data.store().read(data.train().get(0).feature(), image);
      assertTrue(!profile.outOfDomain(image), cell + ": " + profile);
    }
  }

  @Test
  void aRunResumedAfterACrashEndsWithTheSameParameters() throws Exception {
    DecoderConfig dc = decoder(CellType.LSTM);
    Trainer.Result whole =
        new Trainer(data, dc, config(3), dir.resolve("whole"), "toy")
            .train(TrainingListener.NONE, Cancellation.none(), false);

    Path file = dir.resolve("crashed");
    Trainer crashing = new Trainer(data, dc, config(3), file, "toy");
    // Dies at step 14: the last checkpoint was at step 12, so two steps are lost and redone.
    assertThrows(
        IllegalStateException.class,
        () ->
            crashing.train(
                new TrainingListener() {
                  @Override
                  public void onStep(Step step) {
                    if (step.step() == 14) {
                      throw new IllegalStateException("simulated crash");
                    }
                  }
                },
                Cancellation.none(),
                false));
    assertEquals(12, Checkpoint.read(file).state().step());
    Trainer.Result resumed =
        new Trainer(data, dc, config(3), file, "toy")
            .train(TrainingListener.NONE, Cancellation.none(), true);

    assertEquals(whole.state().step(), resumed.state().step());
    assertArrayEquals(
        whole.best().flat().toFloatVector(), resumed.best().flat().toFloatVector(), 0f);
    Checkpoint a = Checkpoint.read(dir.resolve("whole"));
    Checkpoint b = Checkpoint.read(file);
    assertArrayEquals(
        a.parameters().flat().toFloatVector(), b.parameters().flat().toFloatVector(), 0f);
    assertArrayEquals(a.adamV().toFloatVector(), b.adamV().toFloatVector(), 0f);
    assertEquals(a.state().history().size(), b.state().history().size());
  }

  @Test
  void aRunStoppedByItsTimeLimitResumesWithAFreshBudget() throws Exception {
    DecoderConfig dc = decoder(CellType.LSTM);
    Path file = dir.resolve("timed");
    Trainer.Result stopped =
        new Trainer(data, dc, config(2).withMaxMinutes(1e-4), file, "toy")
            .train(TrainingListener.NONE, Cancellation.none(), false);
    assertEquals(Trainer.Outcome.TIME_LIMIT, stopped.outcome());
    assertTrue(stopped.state().step() < 24, "stopped at step " + stopped.state().step());
    Trainer.Result resumed =
        new Trainer(data, dc, config(2), file, "toy")
            .train(TrainingListener.NONE, Cancellation.none(), true);
    assertEquals(Trainer.Outcome.FINISHED, resumed.outcome());
    assertEquals(24, resumed.state().step());
  }

  @Test
  void cancellingStopsAtAStepBoundaryWithACheckpoint() throws Exception {
    Path file = dir.resolve("cancelled");
    Cancellation cancel = new Cancellation();
    Trainer.Result result =
        new Trainer(data, decoder(CellType.GRU), config(3), file, "toy")
            .train(
                new TrainingListener() {
                  @Override
                  public void onStep(Step step) {
                    if (step.step() == 7) {
                      cancel.cancel();
                    }
                  }
                },
                cancel,
                false);
    assertEquals(Trainer.Outcome.CANCELLED, result.outcome());
    Checkpoint saved = Checkpoint.read(file);
    assertEquals(7, saved.state().step());
    assertEquals(7, saved.state().batchInEpoch()); // 12 batches per epoch: the 8th is next
  }

  @Test
  void resumingWithOtherSettingsIsRefusedInOneSentence() throws Exception {
    Path file = dir.resolve("other");
    new Trainer(data, decoder(CellType.LSTM), config(1), file, "toy")
        .train(TrainingListener.NONE, Cancellation.none(), false);
    CaptioningException e =
        assertThrows(
            CaptioningException.class,
            () ->
                new Trainer(data, decoder(CellType.GRU), config(2), file, "toy")
                    .train(TrainingListener.NONE, Cancellation.none(), true));
    assertTrue(e.getMessage().contains("different decoder"), e.getMessage());
  }

  @Test
  void aDamagedCheckpointIsRefusedInOneSentence() throws Exception {
    Path file = dir.resolve("damaged");
    Files.write(file, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    CaptioningException e = assertThrows(CaptioningException.class, () -> Checkpoint.read(file));
    assertTrue(e.getMessage().startsWith("The checkpoint "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }
}
