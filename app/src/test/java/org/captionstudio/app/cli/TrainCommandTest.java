package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.bundle.ModelBundle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline from the command line on a tiny ShapesWorld: synth, encoder, train, score. */
class TrainCommandTest {
  @TempDir static Path dir;
  static Path dataset;
  static Path encoder;

  @BeforeAll
  static void tinyWorldAndEncoder() throws Exception {
    dataset = dir.resolve("sw");
    ShapesWorld.generate(
        new SynthConfig(160, 0, 3, 128, 0.15, 0.15), dataset, ProgressListener.NONE);
    encoder = dir.resolve("encoder.zip");
    CliRun pretrain =
        CliRun.of(
            "pretrain-encoder",
            "--dataset",
            dataset.toString(),
            "--out",
            encoder.toString(),
            "--epochs",
            "1",
            "--batch",
            "16",
            "--feature-dim",
            "32");
    assertEquals(ExitStatus.OK, pretrain.status(), pretrain.err());
  }

  @Test
  void trainsABundleThatEvaluateModelScoresWithItsBaselines() throws Exception {
    Path model = dir.resolve("model.zip");
    CliRun train = train(model, "2");
    assertEquals(ExitStatus.OK, train.status(), train.err());
    assertTrue(train.out().startsWith("Wrote " + model + ": best epoch "), train.out());
    assertTrue(train.err().contains("epoch 2 done: train loss"), train.err());

    ModelBundle bundle = ModelBundle.read(model);
    assertEquals("shapesworld", bundle.manifest().encoder().id());
    assertTrue(bundle.encoder().isPresent(), "the ShapesWorld encoder travels in the bundle");
    assertEquals("2", bundle.manifest().provenance().get("seed"));
    assertTrue(bundle.manifest().metrics().containsKey("val.CIDEr"));

    CliRun card = CliRun.of("info", "--model", model.toString());
    assertEquals(ExitStatus.OK, card.status(), card.err());
    assertTrue(card.out().contains("shapesworld (inside the bundle)"), card.out());
    assertTrue(card.out().contains("1-layer LSTM, E 16, N 32, A 16"), card.out());
    JsonNode cardJson =
        new ObjectMapper().readTree(CliRun.of("info", "--model", model.toString(), "--json").out());
    assertEquals(bundle.vocabulary().size(), cardJson.get("vocabularySize").asInt());

    CliRun eval =
        CliRun.of(
            "evaluate-model",
            "--model",
            model.toString(),
            "--dataset",
            dataset.toString(),
            "--split",
            "test",
            "--nn-pool",
            "50",
            "--json");
    assertEquals(ExitStatus.OK, eval.status(), eval.err());
    JsonNode json = new ObjectMapper().readTree(eval.out());
    assertTrue(json.get("images").asInt() > 10, eval.out());
    for (String key : new String[] {"Bleu_4", "CIDEr", "ROUGE_L", "novelty", "perplexity"}) {
      assertTrue(json.has(key), key + " in " + eval.out());
    }
    assertTrue(json.get("perplexity").asDouble() > 1, eval.out());
    assertTrue(json.get("baselines").has("captionPrior"), eval.out());
    assertTrue(json.get("baselines").get("nearestNeighbour").has("CIDEr"), eval.out());
  }

  @Test
  void resumeGoesOnFromTheWorkFoldersCheckpoint() throws Exception {
    Path model = dir.resolve("resumed.zip");
    assertEquals(ExitStatus.OK, train(model, "1").status());
    CliRun more = train(model, "2", "--resume");
    assertEquals(ExitStatus.OK, more.status(), more.err());
    assertFalse(more.err().contains("epoch 1 done"), "epoch 1 is not trained again: " + more.err());
    assertTrue(more.err().contains("epoch 2 done"), more.err());
  }

  @Test
  void aMissingDatasetIsOneSentenceAndWritesNothing() {
    Path model = dir.resolve("none.zip");
    CliRun run =
        CliRun.of(
            "train",
            "--dataset",
            dir.resolve("nowhere").toString(),
            "--encoder",
            encoder.toString(),
            "--out",
            model.toString());
    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(Files.exists(model));
  }

  @Test
  void anUnknownEncoderSaysWhatToGive() {
    CliRun run =
        CliRun.of(
            "train",
            "--dataset",
            dataset.toString(),
            "--encoder",
            "alexnet",
            "--out",
            dir.resolve("x.zip").toString());
    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertTrue(
        run.err().startsWith("There is no encoder file or zoo encoder called alexnet"), run.err());
  }

  private static CliRun train(Path model, String epochs, String... extra) {
    String[] base = {
      "train",
      "--dataset",
      dataset.toString(),
      "--encoder",
      encoder.toString(),
      "--out",
      model.toString(),
      "--epochs",
      epochs,
      "--batch-size",
      "32",
      "--embedding",
      "16",
      "--hidden",
      "32",
      "--attention",
      "16",
      "--min-count",
      "1",
      "--seed",
      "2",
      "--learning-rate",
      "5e-3",
      "--warmup",
      "2",
      "--validation-images",
      "10"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }
}
