package org.captionstudio.benchmarks.decoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.captionstudio.benchmarks.Benchmark;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.train.TrainingStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code decoder-train}: one training step (forward, backward through time, global-norm clipping,
 * Adam) of our ND4J decoder against the same decoder in PyTorch through DJL, from the same weights
 * on the same batch. Cases: ShapesWorld's vocabulary (50), then COCO's (10000), at B=64 T=16 E=256
 * N=512 L=49 D=512 A=512. Threads follow {@code -Ddecoder-train.threads} (0: each library's
 * default).
 */
public final class DecoderTrain implements Benchmark {

  @Override
  public String name() {
    return "decoder-train";
  }

  @Override
  public String description() {
    return "one training step (forward, BPTT, clipping, Adam) at B=64 T=16 E=256 N=512 L=49 D=512"
        + " A=512, vocabulary 50 and 10000, against PyTorch through DJL";
  }

  @Override
  public Prepared prepare() throws Exception {
    int threads = Integer.getInteger("decoder-train.threads", 0);
    List<String> ours = new ArrayList<>();
    Prepared prepared =
        DecoderTrainCases.prepare(
            DecoderTrainCases.defaults(),
            threads,
            (trainCase, batch, initial, resources) -> {
              TorchAttentionDecoder.Config c = trainCase.config();
              DecoderConfig config = ourConfig(c);
              org.captionstudio.core.model.DecoderParameters params =
                  ourParameters(config, initial);
              org.captionstudio.core.model.DecoderBatch ourBatch = toOurs(batch);
              AttentionDecoder decoder = new AttentionDecoder(config);
              double loss = decoder.loss(params, ourBatch).loss();
              double flops = DecoderFlops.trainStep(config, ourBatch);
              ours.add(
                  String.format(
                      Locale.ROOT,
                      "%s: ours loss before training %.6f; %.1f GFLOP of matrix products per step",
                      trainCase.label(),
                      loss,
                      flops / 1e9));
              TrainingStep step = TrainingStep.fresh(decoder, params, c.clipNorm());
              long[] seed = {0};
              return () -> step.run(ourBatch, c.learningRate(), seed[0]++);
            });
    List<String> setup = new ArrayList<>(prepared.setup());
    setup.addAll(ours);
    setup.add(
        String.format(
            Locale.ROOT,
            "ND4J matrix-product peak here: %.1f GFLOP/s (1024² single precision, %d threads)",
            DecoderFlops.gemmPeak(1024, 9),
            Nd4j.getEnvironment().maxMasterThreads()));
    return new Prepared(prepared.cases(), setup, prepared);
  }

  /** The reference's shapes and settings as our decoder's configuration (an LSTM). */
  static DecoderConfig ourConfig(TorchAttentionDecoder.Config c) {
    return new DecoderConfig(
        c.vocabulary(),
        c.embeddingSize(),
        c.hiddenSize(),
        c.featureSize(),
        c.attentionSize(),
        c.layers(),
        CellType.LSTM,
        c.dropout(),
        c.attentionPenalty());
  }

  /** Parameters in {@link DecoderParameters}' names and layouts as our single-precision ones. */
  static org.captionstudio.core.model.DecoderParameters ourParameters(
      DecoderConfig config, Map<String, float[]> values) {
    org.captionstudio.core.model.DecoderParameters params =
        org.captionstudio.core.model.DecoderParameters.zeros(config, DataType.FLOAT);
    params.setAll(values);
    return params;
  }

  /** The reference's padded batch as our packed one: words are the inputs after {@code <start>}. */
  static org.captionstudio.core.model.DecoderBatch toOurs(DecoderBatch batch) {
    int b = batch.batchSize();
    int t = batch.steps();
    List<int[]> captions = new ArrayList<>();
    int[] inputs = batch.inputs();
    int[] lengths = batch.lengths();
    for (int r = 0; r < b; r++) {
      int[] words = new int[lengths[r] - 1];
      System.arraycopy(inputs, r * t + 1, words, 0, words.length);
      captions.add(words);
    }
    return org.captionstudio.core.model.DecoderBatch.of(
        Nd4j.createFromArray(batch.features()).reshape(b, batch.regions(), batch.featureSize()),
        captions,
        t);
  }
}
