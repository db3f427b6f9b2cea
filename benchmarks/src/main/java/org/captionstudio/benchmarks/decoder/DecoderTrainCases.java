package org.captionstudio.benchmarks.decoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.captionstudio.benchmarks.Benchmark;
import org.captionstudio.benchmarks.CnnForward;

/**
 * The cases of {@code decoder-train} with the reference side built: each case's batch, its initial
 * parameters and a {@link TorchAttentionDecoder} training on them. Our side plugs in as one {@link
 * Benchmark.Operation} per case through {@link Ours}, on the same batch and the same initial
 * parameters.
 */
public final class DecoderTrainCases {
  private DecoderTrainCases() {}

  /**
   * One timed case.
   *
   * @param label how the results name it
   * @param config the decoder's shapes and training settings
   * @param batchSize B
   * @param steps T
   * @param regions L
   * @param meanLength the captions' mean length, the end id included
   * @param seed the batch's, the initial parameters' and the dropout masks' seed
   */
  public record Case(
      String label,
      TorchAttentionDecoder.Config config,
      int batchSize,
      int steps,
      int regions,
      double meanLength,
      long seed) {
    public Case {
      if (batchSize < 1 || steps < 1 || regions < 1) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "batchSize, steps and regions must be >= 1, got %d, %d, %d",
                batchSize,
                steps,
                regions));
      }
    }

    /** The batch both sides train on, the same on every call. */
    public DecoderBatch batch() {
      return DecoderBatch.synthetic(
          seed, batchSize, steps, regions, config.featureSize(), config.vocabulary(), meanLength);
    }

    /** The parameters both sides start from ({@link DecoderParameters#random}). */
    public Map<String, float[]> initialParameters() {
      return DecoderParameters.random(config, seed);
    }

    /** This case with another vocabulary size, labelled by it. */
    public Case withVocabulary(int vocabulary) {
      return new Case(
          "vocab " + vocabulary,
          config.withVocabulary(vocabulary),
          batchSize,
          steps,
          regions,
          meanLength,
          seed);
    }

    /** One line on the shapes and the batch. */
    public String describe(DecoderBatch batch) {
      TorchAttentionDecoder.Config c = config;
      return String.format(
          Locale.ROOT,
          "B=%d T=%d E=%d N=%d L=%d D=%d A=%d Vocab=%d layers=%d dropout %.2f, Adam lr %s, clip"
              + " norm %s, λ %s; %d valid tokens of %d (mean length %.2f)",
          batchSize,
          steps,
          c.embeddingSize(),
          c.hiddenSize(),
          regions,
          c.featureSize(),
          c.attentionSize(),
          c.vocabulary(),
          c.layers(),
          c.dropout(),
          c.learningRate(),
          c.clipNorm(),
          c.attentionPenalty(),
          batch.validTokens(),
          batchSize * steps,
          batch.meanLength());
    }
  }

  /**
   * The cases of {@code decoder-train}: ShapesWorld's vocabulary (50 words), then the headline,
   * COCO's (10000), both at B=64 T=16 E=256 N=512 L=49 D=512 A=512, one layer, dropout 0.5, mean
   * caption length 11.
   */
  public static List<Case> defaults() {
    TorchAttentionDecoder.Config headline = TorchAttentionDecoder.Config.defaults();
    Case coco = new Case("vocab 10000", headline, 64, 16, 49, 11.0, 2015);
    return List.of(coco.withVocabulary(50), coco);
  }

  /** Our side of one case. */
  @FunctionalInterface
  public interface Ours {
    /**
     * Builds our training step for a case (not timed).
     *
     * @param trainCase the shapes and settings
     * @param batch the batch to train on, the reference's
     * @param initialParameters the reference's starting parameters, in {@link DecoderParameters}'
     *     names and layouts
     * @param resources where to register what must be released when the run is over
     * @return one training step on {@code batch}
     */
    Benchmark.Operation prepare(
        Case trainCase,
        DecoderBatch batch,
        Map<String, float[]> initialParameters,
        List<AutoCloseable> resources)
        throws Exception;
  }

  /**
   * Builds every case, the reference with {@code threads} intra-op threads (0: PyTorch's default),
   * our side through {@code ours}. The setup lines report the reference's threads, the shapes and
   * the reference's loss before training on each case (dropout off), which ours should match.
   */
  public static Benchmark.Prepared prepare(List<Case> cases, int threads, Ours ours)
      throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    AutoCloseable release = () -> closeAll(resources);
    try {
      TorchAttentionDecoder.setThreads(threads);
      List<String> setup = new ArrayList<>();
      setup.add("reference: " + TorchAttentionDecoder.engineDescription());
      setup.add("environment: " + CnnForward.environment());
      List<Benchmark.Contestants> contestants = new ArrayList<>();
      for (Case trainCase : cases) {
        DecoderBatch batch = trainCase.batch();
        Map<String, float[]> initial = trainCase.initialParameters();
        TorchAttentionDecoder decoder =
            new TorchAttentionDecoder(trainCase.config(), trainCase.seed());
        resources.add(decoder);
        decoder.setParameters(initial);
        TorchAttentionDecoder.Batch uploaded = decoder.upload(batch);
        resources.add(uploaded);
        setup.add(
            String.format(
                Locale.ROOT,
                "%s: %s; reference loss before training %.6f",
                trainCase.label(),
                trainCase.describe(batch),
                decoder.loss(uploaded)));
        Benchmark.Operation ourStep = ours.prepare(trainCase, batch, initial, resources);
        contestants.add(
            new Benchmark.Contestants(
                trainCase.label(), 1, ourStep, Optional.of(() -> decoder.trainStep(uploaded))));
      }
      return new Benchmark.Prepared(contestants, setup, release);
    } catch (Exception | Error e) {
      release.close();
      throw e;
    }
  }

  /** Closes in reverse order of registration; the first failure is thrown after all are tried. */
  static void closeAll(List<AutoCloseable> resources) throws Exception {
    Exception failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
