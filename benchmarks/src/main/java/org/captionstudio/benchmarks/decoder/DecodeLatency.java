package org.captionstudio.benchmarks.decoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.captionstudio.benchmarks.Benchmark;
import org.captionstudio.benchmarks.CnnForward;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code decode-latency}: one beam-search decode (beam 3, 20 words) of our {@link BeamSearch} over
 * our ND4J decoder against {@link TorchBeamSearch} over the same decoder in PyTorch through DJL,
 * from the same weights on the same features, at Vocab=10000 E=256 N=512 L=49 D=512 A=512, one LSTM
 * layer, float32. Cases: 8 images at once (24 rows, times per image), then the headline, one image
 * (3 rows). Threads follow {@code -Ddecode-latency.threads} (PyTorch's intra-op threads; 0: its
 * default).
 *
 * <p>Both sides decode exactly 20 steps: {@code <end>}'s output bias is set to {@value #END_BIAS},
 * so that no beam ever chooses it and no hypothesis finishes early; our search then returns its
 * beams unfinished at 20 words, which the run checks. Before timing, the run checks that the two
 * sides compute the same thing: the first step's log-probabilities, and each image's best caption
 * (word ids, log-probability, attention); it stops if they disagree beyond float tolerance.
 */
public final class DecodeLatency implements Benchmark {
  /** k, the beams per image. */
  static final int BEAM = 3;

  /** Decoding steps, one word each. */
  static final int STEPS = 20;

  /** L, a 7×7 grid. */
  static final int REGIONS = 49;

  /**
   * The output bias of {@code <end>}: log p(<end>) ≈ −59 where every other word's is about −9, so
   * that it is never among the best extensions. Not lower: ND4J's log-softmax takes the log of the
   * softmax, which underflows to −∞ (and loses digits before that) below about −87 in float32.
   */
  static final float END_BIAS = -50f;

  /** Largest |difference| of a first-step log-probability (values about −9) taken as agreement. */
  static final double LOG_PROBABILITY_TOLERANCE = 1e-4;

  /** Largest |difference| of an attention weight taken as agreement. */
  static final double ATTENTION_TOLERANCE = 1e-4;

  /**
   * Untimed decodes of each side per case on top of the runner's warm-up, so that the JIT has
   * compiled our search's Java loops and both allocators have reached their working sizes before
   * anything is timed.
   */
  static final int PREPARATION_PASSES = 5;

  private static final long SEED = 2015;

  @Override
  public String name() {
    return "decode-latency";
  }

  @Override
  public String description() {
    return "one beam-search decode (beam 3, exactly 20 steps) at Vocab=10000 E=256 N=512 L=49"
        + " D=512 A=512, 8 images then 1, against PyTorch through DJL";
  }

  @Override
  public Prepared prepare() throws Exception {
    int threads = Integer.getInteger("decode-latency.threads", 0);
    TorchAttentionDecoder.Config config = TorchAttentionDecoder.Config.defaults();
    List<AutoCloseable> resources = new ArrayList<>();
    AutoCloseable release = () -> DecoderTrainCases.closeAll(resources);
    try {
      TorchAttentionDecoder.setThreads(threads);
      Map<String, float[]> parameters = parameters(config, SEED);
      TorchAttentionDecoder reference = new TorchAttentionDecoder(config, SEED);
      resources.add(reference);
      reference.setParameters(parameters);
      TorchBeamSearch referenceSearch = new TorchBeamSearch(reference);

      DecoderConfig ourConfig = DecoderTrain.ourConfig(config);
      AttentionDecoder decoder = new AttentionDecoder(ourConfig);
      org.captionstudio.core.model.DecoderParameters ourParameters =
          DecoderTrain.ourParameters(ourConfig, parameters);
      BeamSearch ours = new BeamSearch(decoder, ourParameters);
      BeamSearchConfig search = new BeamSearchConfig(BEAM, STEPS, 0.0, 1);

      List<String> setup = new ArrayList<>();
      setup.add("reference: " + TorchAttentionDecoder.engineDescription());
      setup.add(
          String.format(
              Locale.ROOT,
              "ours: ND4J %s backend, %d threads",
              Nd4j.getBackend().getClass().getSimpleName(),
              Nd4j.getEnvironment().maxMasterThreads()));
      setup.add("environment: " + CnnForward.environment());
      setup.add(
          String.format(
              Locale.ROOT,
              "Vocab=%d E=%d N=%d L=%d D=%d A=%d layers=%d float32; beam %d, %d steps, no length"
                  + " penalty; <end> output bias %s so that every beam runs all steps",
              config.vocabulary(),
              config.embeddingSize(),
              config.hiddenSize(),
              REGIONS,
              config.featureSize(),
              config.attentionSize(),
              config.layers(),
              BEAM,
              STEPS,
              END_BIAS));
      List<Contestants> cases = new ArrayList<>();
      for (int images : new int[] {8, 1}) {
        float[] values = features(SEED + images, images, REGIONS, config.featureSize());
        INDArray features =
            Nd4j.create(values, new long[] {images, REGIONS, config.featureSize()}, 'c');
        TorchBeamSearch.Input input = referenceSearch.upload(values, images, REGIONS);
        resources.add(input);
        String label =
            String.format(
                Locale.ROOT, "%d image%s (%d rows)", images, images == 1 ? "" : "s", images * BEAM);
        setup.add(
            label
                + ": "
                + compare(
                    decoder,
                    ourParameters,
                    features,
                    ours,
                    search,
                    referenceSearch,
                    input,
                    BEAM,
                    STEPS));
        cases.add(
            new Contestants(
                images == 1 ? label : label + ", per image",
                images,
                STEPS,
                () -> ours.decode(features, search),
                Optional.of(() -> referenceSearch.decode(input, BEAM, STEPS))));
      }
      for (Contestants contestants : cases) {
        for (int pass = 0; pass < PREPARATION_PASSES; pass++) {
          contestants.ours().run();
          contestants.reference().orElseThrow().run();
        }
      }
      return new Prepared(cases, setup, release);
    } catch (Exception | Error e) {
      release.close();
      throw e;
    }
  }

  /**
   * {@link DecoderParameters#random} with {@code <end>}'s output bias at {@link #END_BIAS}, the
   * same for the same seed.
   */
  static Map<String, float[]> parameters(TorchAttentionDecoder.Config config, long seed) {
    Map<String, float[]> values = new LinkedHashMap<>(DecoderParameters.random(config, seed));
    float[] bias = values.get(DecoderParameters.PROJECTION_BIAS).clone();
    bias[Vocabulary.END_ID] = END_BIAS;
    values.put(DecoderParameters.PROJECTION_BIAS, bias);
    return values;
  }

  /** Post-ReLU-like region features {@code [images, regions, d]}, the same for the same seed. */
  static float[] features(long seed, int images, int regions, int d) {
    Random random = new Random(seed);
    float[] values = new float[images * regions * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.max(0, random.nextGaussian());
    }
    return values;
  }

  /**
   * Checks that both sides compute the same decode on one input: the first step's
   * log-probabilities, and for each image the best caption's word ids, log-probability and
   * attention; also that our search ran every step.
   *
   * @return one line with the differences found
   * @throws IllegalStateException naming what disagrees, beyond float tolerance
   */
  static String compare(
      AttentionDecoder decoder,
      org.captionstudio.core.model.DecoderParameters parameters,
      INDArray features,
      BeamSearch ours,
      BeamSearchConfig search,
      TorchBeamSearch reference,
      TorchBeamSearch.Input input,
      int beam,
      int steps) {
    int images = (int) features.size(0);
    int[] start = new int[images];
    Arrays.fill(start, Vocabulary.START_ID);
    float[] ourFirst =
        decoder
            .step(parameters, decoder.start(parameters, features), start)
            .logProbabilities()
            .castTo(DataType.FLOAT)
            .dup('c')
            .data()
            .asFloat(); // [I, Vocab]
    float[] referenceFirst = reference.firstStep(input); // [I, Vocab]
    double firstDifference = maxAbsDifference(ourFirst, referenceFirst);
    if (!(firstDifference <= LOG_PROBABILITY_TOLERANCE)) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "ours and the reference disagree: first-step log-probabilities differ by up to %.3g"
                  + " (tolerance %.1g)",
              firstDifference,
              LOG_PROBABILITY_TOLERANCE));
    }

    List<List<Hypothesis>> ourBest = ours.decode(features, search);
    List<TorchBeamSearch.Caption> referenceBest = reference.decode(input, beam, steps);
    double logProbabilityDifference = 0;
    double attentionDifference = 0;
    for (int i = 0; i < images; i++) {
      Hypothesis mine = ourBest.get(i).get(0);
      TorchBeamSearch.Caption theirs = referenceBest.get(i);
      if (mine.finished() || mine.words().length != steps) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "our best caption of image %d ended after %d words, not at the %d-step limit: %s",
                i,
                mine.words().length,
                steps,
                mine));
      }
      if (!Arrays.equals(mine.words(), theirs.words())) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "ours and the reference disagree on image %d's best caption: ours %s (log p %.6f),"
                    + " reference %s (log p %.6f)",
                i,
                Arrays.toString(mine.words()),
                mine.logProbability(),
                Arrays.toString(theirs.words()),
                theirs.logProbability()));
      }
      double difference = Math.abs(mine.logProbability() - theirs.logProbability());
      double tolerance = steps * LOG_PROBABILITY_TOLERANCE;
      if (!(difference <= tolerance)) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "ours and the reference disagree on image %d's log-probability: %.6f against %.6f",
                i,
                mine.logProbability(),
                theirs.logProbability()));
      }
      logProbabilityDifference = Math.max(logProbabilityDifference, difference);
      float[][] ourAttention = mine.attention();
      float[][] referenceAttention = theirs.attention();
      for (int t = 0; t < steps; t++) {
        attentionDifference =
            Math.max(attentionDifference, maxAbsDifference(ourAttention[t], referenceAttention[t]));
      }
      if (!(attentionDifference <= ATTENTION_TOLERANCE)) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "ours and the reference disagree on image %d's attention: up to %.3g apart",
                i,
                attentionDifference));
      }
    }
    Hypothesis first = ourBest.get(0).get(0);
    return String.format(
        Locale.ROOT,
        "ours and the reference agree: first-step log-probabilities to %.2g (max |difference|),"
            + " best captions' %d word ids equal on %s (image 0: %s…, log p %.4f),"
            + " their log-probabilities to %.2g, attention to %.2g; every beam ran %d steps",
        firstDifference,
        steps,
        images == 1 ? "the image" : "all " + images + " images",
        Arrays.toString(Arrays.copyOf(first.words(), Math.min(5, steps))).replace("]", ""),
        first.logProbability(),
        logProbabilityDifference,
        attentionDifference,
        steps);
  }

  private static double maxAbsDifference(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalStateException(
          "ours and the reference differ in size: " + a.length + " against " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      double difference = Math.abs((double) a[i] - b[i]);
      if (Double.isNaN(difference)) {
        return Double.NaN; // fails the caller's check
      }
      max = Math.max(max, difference);
    }
    return max;
  }
}
