package org.captionstudio.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.bundle.DomainProfile;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.eval.CaptionMetrics;
import org.captionstudio.core.eval.EvalItem;
import org.captionstudio.core.eval.Metric;
import org.captionstudio.core.eval.MetricScores;
import org.captionstudio.core.features.FeatureStore;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an attention decoder on a {@link TrainingData}: shuffled batches, Adam with global-norm
 * clipping, validation with beam search each epoch, early stopping on CIDEr-D, checkpoints.
 *
 * <p>A run is a pure function of its data, configurations and seed: each epoch's order comes from
 * the seed and the epoch, each step's dropout mask from the seed and the step, so a run resumed
 * from a checkpoint ends with the same parameters as one that was never interrupted.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private static final int DECODE_BATCH = 50;

  /** How a run ended. */
  public enum Outcome {
    /** It ran all its epochs. */
    FINISHED,
    /** Validation CIDEr-D stopped improving. */
    EARLY_STOPPED,
    /** It was cancelled; the checkpoint resumes it. */
    CANCELLED,
    /** It reached its time limit; the checkpoint resumes it. */
    TIME_LIMIT
  }

  /**
   * The end of a run.
   *
   * @param best the parameters of the best validation (the last ones without validation)
   * @param state the counters and history at the end
   * @param outcome why it ended
   */
  public record Result(DecoderParameters best, Checkpoint.State state, Outcome outcome) {}

  private final TrainingData data;
  private final DecoderConfig decoderConfig;
  private final TrainingConfig config;
  private final Path checkpointFile;
  private final String featuresId;

  /**
   * @param checkpointFile where checkpoints go (and where {@code resume} reads from)
   * @param featuresId what the features are (encoder and dataset hash), recorded in checkpoints
   */
  public Trainer(
      TrainingData data,
      DecoderConfig decoderConfig,
      TrainingConfig config,
      Path checkpointFile,
      String featuresId) {
    if (decoderConfig.vocabularySize() != data.vocabulary().size()) {
      throw new IllegalArgumentException(
          "decoder vocabularySize "
              + decoderConfig.vocabularySize()
              + " differs from the vocabulary's "
              + data.vocabulary().size());
    }
    if (decoderConfig.featureSize() != data.store().header().featureDim()) {
      throw new IllegalArgumentException(
          "decoder featureSize "
              + decoderConfig.featureSize()
              + " differs from the store's "
              + data.store().header().featureDim());
    }
    this.data = data;
    this.decoderConfig = decoderConfig;
    this.config = config;
    this.checkpointFile = checkpointFile;
    this.featuresId = featuresId;
  }

  /**
   * Trains, from scratch or from the checkpoint.
   *
   * @param resume go on from {@code checkpointFile} if it exists
   */
  public Result train(TrainingListener listener, Cancellation cancel, boolean resume)
      throws CaptioningException, IOException {
    AttentionDecoder decoder = new AttentionDecoder(decoderConfig);
    Checkpoint.State state;
    DecoderParameters params;
    DecoderParameters best;
    Adam adam;
    if (resume && Files.exists(checkpointFile)) {
      Checkpoint c = Checkpoint.read(checkpointFile);
      checkResumable(c);
      state = withTraining(c.state(), config);
      params = c.parameters();
      best = c.best();
      adam = new Adam(c.adamM(), c.adamV(), state.step());
      LOG.info("Resuming from {} at step {}", checkpointFile, state.step());
    } else {
      params = DecoderParameters.initialized(decoderConfig, DataType.FLOAT, config.seed());
      best = params.copy();
      adam = new Adam(params.flat().ulike().assign(0), params.flat().ulike().assign(0), 0);
      state =
          new Checkpoint.State(
              Checkpoint.FORMAT,
              Checkpoint.VERSION,
              decoderConfig,
              config,
              featuresId,
              0,
              0,
              0,
              Double.NaN,
              0,
              0,
              0,
              List.of());
    }
    TrainingStep trainingStep = new TrainingStep(decoder, params, adam, config.clipNorm());
    FeatureStore store = data.store();
    int regions = store.header().regions();
    int dim = store.header().featureDim();
    List<TrainingData.Pair> pairs = data.train();
    int batchesPerEpoch = (pairs.size() + config.batchSize() - 1) / config.batchSize();
    long totalSteps = (long) batchesPerEpoch * config.epochs();
    float[] featureBuffer = new float[config.batchSize() * regions * dim];
    long sessionStart = System.nanoTime();
    double secondsBefore = state.trainingSeconds();
    double stepSecondsAverage = Double.NaN;

    while (state.epoch() < config.epochs()) {
      int epoch = state.epoch();
      int[] order = shuffled(pairs.size(), config.seed(), epoch);
      double lossSum = 0;
      int lossCount = 0;
      long epochStart = System.nanoTime();
      for (int bi = state.batchInEpoch(); bi < batchesPerEpoch; bi++) {
        double elapsed = secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
        if (cancel.isCancelled() || overTime((System.nanoTime() - sessionStart) / 1e9)) {
          state = at(state, epoch, bi, elapsed);
          save(state, params, adam, best, listener);
          return new Result(
              best, state, cancel.isCancelled() ? Outcome.CANCELLED : Outcome.TIME_LIMIT);
        }
        long t0 = System.nanoTime();
        int from = bi * config.batchSize();
        int to = Math.min(pairs.size(), from + config.batchSize());
        int[] features = new int[to - from];
        List<int[]> captions = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          TrainingData.Pair pair = pairs.get(order[i]);
          features[i - from] = pair.feature();
          captions.add(pair.words());
        }
        DecoderBatch batch =
            DecoderBatch.of(
                readFeatures(store, features, featureBuffer, regions, dim),
                captions,
                config.maxWords());
        long step = state.step();
        double lr = config.learningRateAt(step, epoch);
        TrainingStep.Result stepResult =
            trainingStep.run(batch, lr, dropoutSeed(config.seed(), step));
        AttentionDecoder.Loss loss = stepResult.loss();
        double norm = stepResult.gradientNorm();
        if (!Double.isFinite(loss.loss()) || !Double.isFinite(norm)) {
          throw new CaptioningException(
              "Training diverged at step "
                  + (step + 1)
                  + " (the loss is "
                  + loss.loss()
                  + "); lower the learning rate or the clipping threshold.");
        }
        lossSum += loss.loss();
        lossCount++;
        state = at(state, epoch, bi + 1, state.trainingSeconds());
        state = withStep(state, step + 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stepSecondsAverage =
            Double.isNaN(stepSecondsAverage) ? seconds : 0.9 * stepSecondsAverage + 0.1 * seconds;
        long left = totalSteps - state.step();
        listener.onStep(
            new TrainingListener.Step(
                epoch + 1,
                state.step(),
                totalSteps,
                loss.loss(),
                lr,
                norm,
                loss.hiddenGradientNorms(),
                batch.tokens() / seconds,
                left * stepSecondsAverage));
        if (state.step() % config.checkpointEverySteps() == 0) {
          state = withSeconds(state, secondsBefore + (System.nanoTime() - sessionStart) / 1e9);
          save(state, params, adam, best, listener);
        }
      }
      EpochReport report =
          validate(
              decoder,
              params,
              epoch + 1,
              state.step(),
              lossCount == 0 ? Double.NaN : lossSum / lossCount,
              (System.nanoTime() - epochStart) / 1e9,
              listener);
      boolean improved =
          !Double.isNaN(report.ciderD())
              && (Double.isNaN(state.bestScore()) || report.ciderD() > state.bestScore());
      if (improved || data.validation().isEmpty()) {
        best = params.copy();
      }
      List<EpochReport> history = new ArrayList<>(state.history());
      history.add(report);
      state =
          new Checkpoint.State(
              state.format(),
              state.version(),
              state.decoder(),
              state.training(),
              state.features(),
              epoch + 1,
              0,
              state.step(),
              improved ? report.ciderD() : state.bestScore(),
              improved ? epoch + 1 : state.bestEpoch(),
              improved || data.validation().isEmpty()
                  ? 0
                  : state.validationsWithoutImprovement() + 1,
              secondsBefore + (System.nanoTime() - sessionStart) / 1e9,
              history);
      listener.onEpoch(report, improved);
      save(state, params, adam, best, listener);
      if (state.validationsWithoutImprovement() >= config.patience()) {
        return new Result(best, state, Outcome.EARLY_STOPPED);
      }
    }
    return new Result(best, state, Outcome.FINISHED);
  }

  private boolean overTime(double elapsedSeconds) {
    return config.maxMinutes() > 0 && elapsedSeconds >= config.maxMinutes() * 60;
  }

  private void checkResumable(Checkpoint c) throws CaptioningException {
    Checkpoint.State s = c.state();
    if (!s.decoder().equals(decoderConfig)) {
      throw new CaptioningException(
          "The checkpoint "
              + checkpointFile
              + " is for a different decoder ("
              + s.decoder()
              + "); start without --resume or use the same settings.");
    }
    if (!withTraining(s, config).training().equals(config) || !sameRunSettings(s.training())) {
      throw new CaptioningException(
          "The checkpoint "
              + checkpointFile
              + " was trained with different settings ("
              + s.training()
              + "); only the epochs and the time limit may change on resume.");
    }
    if (!s.features().equals(featuresId)) {
      throw new CaptioningException(
          "The checkpoint "
              + checkpointFile
              + " was trained on other features ("
              + s.features()
              + ", now "
              + featuresId
              + ").");
    }
    if (!c.vocabulary().tokens().equals(data.vocabulary().tokens())) {
      throw new CaptioningException(
          "The checkpoint " + checkpointFile + " has a different vocabulary from this dataset's.");
    }
  }

  private boolean sameRunSettings(TrainingConfig saved) {
    TrainingConfig a = saved.withEpochs(config.epochs()).withMaxMinutes(config.maxMinutes());
    return a.equals(config);
  }

  private static Checkpoint.State withTraining(Checkpoint.State s, TrainingConfig t) {
    return new Checkpoint.State(
        s.format(),
        s.version(),
        s.decoder(),
        t,
        s.features(),
        s.epoch(),
        s.batchInEpoch(),
        s.step(),
        s.bestScore(),
        s.bestEpoch(),
        s.validationsWithoutImprovement(),
        s.trainingSeconds(),
        s.history());
  }

  private static Checkpoint.State at(Checkpoint.State s, int epoch, int batch, double seconds) {
    return new Checkpoint.State(
        s.format(),
        s.version(),
        s.decoder(),
        s.training(),
        s.features(),
        epoch,
        batch,
        s.step(),
        s.bestScore(),
        s.bestEpoch(),
        s.validationsWithoutImprovement(),
        seconds,
        s.history());
  }

  private static Checkpoint.State withStep(Checkpoint.State s, long step) {
    return new Checkpoint.State(
        s.format(),
        s.version(),
        s.decoder(),
        s.training(),
        s.features(),
        s.epoch(),
        s.batchInEpoch(),
        step,
        s.bestScore(),
        s.bestEpoch(),
        s.validationsWithoutImprovement(),
        s.trainingSeconds(),
        s.history());
  }

  private static Checkpoint.State withSeconds(Checkpoint.State s, double seconds) {
    return at(s, s.epoch(), s.batchInEpoch(), seconds);
  }

  private void save(
      Checkpoint.State state,
      DecoderParameters params,
      Adam adam,
      DecoderParameters best,
      TrainingListener listener)
      throws IOException {
    new Checkpoint(state, data.vocabulary(), params, adam.firstMoment(), adam.secondMoment(), best)
        .write(checkpointFile);
    listener.onCheckpoint(checkpointFile, state.step());
  }

  /** Beam-search captions and the cross-entropy on the validation split. */
  private EpochReport validate(
      AttentionDecoder decoder,
      DecoderParameters params,
      int epoch,
      long step,
      double trainingLoss,
      double trainingSeconds,
      TrainingListener listener) {
    long start = System.nanoTime();
    List<TrainingData.Reference> refs = data.validation();
    if (refs.isEmpty()) {
      return new EpochReport(epoch, step, trainingLoss, Double.NaN, Map.of(), trainingSeconds);
    }
    int images = validationImageCount();
    List<List<Hypothesis>> decoded = decodeValidation(decoder, params, images, listener);
    List<EvalItem> items = new ArrayList<>();
    Vocabulary vocabulary = data.vocabulary();
    for (int i = 0; i < images; i++) {
      List<Hypothesis> n = decoded.get(i);
      List<String> words = n.isEmpty() ? List.of() : vocabulary.decode(n.get(0).words());
      items.add(new EvalItem(refs.get(i).id(), words, refs.get(i).references()));
    }
    listener.onStage("Validating", images, images);
    MetricScores scores = CaptionMetrics.score(items).corpus();
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      metrics.put(m.cocoName(), scores.get(m));
    }
    double validationLoss = validationLoss(decoder, params, images);
    double seconds = trainingSeconds + (System.nanoTime() - start) / 1e9;
    return new EpochReport(epoch, step, trainingLoss, validationLoss, metrics, seconds);
  }

  private int validationImageCount() {
    int all = data.validation().size();
    return config.validationImages() == 0 ? all : Math.min(all, config.validationImages());
  }

  /** The best beam-search caption of each of the first {@code images} validation images. */
  private List<List<Hypothesis>> decodeValidation(
      AttentionDecoder decoder, DecoderParameters params, int images, TrainingListener listener) {
    List<TrainingData.Reference> refs = data.validation();
    FeatureStore store = data.store();
    int regions = store.header().regions();
    int dim = store.header().featureDim();
    float[] buffer = new float[DECODE_BATCH * regions * dim];
    BeamSearch beam = new BeamSearch(decoder, params);
    BeamSearchConfig beamConfig =
        new BeamSearchConfig(config.validationBeam(), config.maxWords(), 0.0, 1);
    List<List<Hypothesis>> out = new ArrayList<>();
    for (int from = 0; from < images; from += DECODE_BATCH) {
      listener.onStage("Validating", from, images);
      int to = Math.min(images, from + DECODE_BATCH);
      int[] features = new int[to - from];
      for (int i = from; i < to; i++) {
        features[i - from] = refs.get(i).feature();
      }
      out.addAll(beam.decode(readFeatures(store, features, buffer, regions, dim), beamConfig));
    }
    return out;
  }

  /**
   * The domain profile of a trained model, for the bundle: the training images' feature statistics
   * and the 2nd percentile of the validation captions' mean log-probability per token under {@code
   * params}.
   */
  public DomainProfile domainProfile(DecoderParameters params, TrainingListener listener) {
    AttentionDecoder decoder = new AttentionDecoder(decoderConfig);
    DecoderParameters typed = params.castTo(DataType.FLOAT);
    double[] confidence =
        decodeValidation(decoder, typed, validationImageCount(), listener).stream()
            .filter(n -> !n.isEmpty())
            .mapToDouble(n -> n.get(0).meanLogProbability())
            .toArray();
    listener.onStage("Validating", 1, 1);
    FeatureStore store = data.store();
    int[] images = data.train().stream().mapToInt(TrainingData.Pair::feature).distinct().toArray();
    int regions = store.header().regions();
    int dim = store.header().featureDim();
    float[] buffer = new float[regions * dim];
    return DomainProfile.of(
        images.length,
        regions,
        dim,
        i -> {
          store.read(images[i], buffer);
          return buffer;
        },
        DomainProfile.confidenceLimit(confidence));
  }

  /** The mean cross-entropy per token over the captions of the first {@code images} images. */
  private double validationLoss(AttentionDecoder decoder, DecoderParameters params, int images) {
    FeatureStore store = data.store();
    int regions = store.header().regions();
    int dim = store.header().featureDim();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int i = 0; i < images; i++) {
      used.add(data.validation().get(i).feature());
    }
    List<TrainingData.Pair> pairs =
        data.validationCaptions().stream().filter(p -> used.contains(p.feature())).toList();
    float[] buffer = new float[config.batchSize() * regions * dim];
    double nll = 0;
    long tokens = 0;
    for (int from = 0; from < pairs.size(); from += config.batchSize()) {
      List<TrainingData.Pair> chunk =
          pairs.subList(from, Math.min(pairs.size(), from + config.batchSize()));
      int[] features = chunk.stream().mapToInt(TrainingData.Pair::feature).toArray();
      DecoderBatch batch =
          DecoderBatch.of(
              readFeatures(store, features, buffer, regions, dim),
              chunk.stream().map(TrainingData.Pair::words).toList(),
              config.maxWords());
      AttentionDecoder.Loss loss = decoder.loss(params, batch);
      nll += loss.crossEntropy() * loss.tokens();
      tokens += loss.tokens();
    }
    return tokens == 0 ? Double.NaN : nll / tokens;
  }

  static INDArray readFeatures(
      FeatureStore store, int[] indexes, float[] buffer, int regions, int dim) {
    int n = indexes.length * regions * dim;
    store.read(indexes, buffer);
    float[] exact = n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
    return Nd4j.createFromArray(exact).reshape(indexes.length, regions, dim);
  }

  /** A permutation of {@code [0, n)} that depends only on the seed and the epoch. */
  static int[] shuffled(int n, long seed, int epoch) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  static long dropoutSeed(long seed, long step) {
    return new SplittableRandom(seed ^ 0x5DEECE66DL).split().nextLong()
        + step * 0x9E3779B97F4A7C15L;
  }
}
