package org.captionstudio.app.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.bundle.EncoderSpec;
import org.captionstudio.core.bundle.ModelBundle;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetItem;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.features.FeatureStore;
import org.captionstudio.core.features.Precision;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.train.EpochReport;
import org.captionstudio.core.train.Trainer;
import org.captionstudio.core.train.TrainingConfig;
import org.captionstudio.core.train.TrainingData;
import org.captionstudio.core.train.TrainingListener;
import org.captionstudio.vision.encoder.FeatureExtraction;
import org.captionstudio.vision.video.VideoSampler;

/**
 * Train a captioner end to end: extract (or reuse) features, train with checkpoints, and write the
 * best parameters as a model bundle. The work folder keeps the feature store and the checkpoint, so
 * an interrupted run resumes.
 */
public final class TrainingPipeline {

  /**
   * What to train.
   *
   * @param dataset the dataset, splits assigned; media paths are relative to {@code mediaRoot}
   * @param mediaRoot the folder the media paths are relative to
   * @param encoderName a ShapesWorld encoder file or a zoo encoder id
   * @param decoder the decoder's sizes; its vocabularySize and featureSize are filled in here
   * @param training the trainer's settings
   * @param minCount the minimum count for a word to get its own id
   * @param work where the features and the checkpoint live
   * @param out the bundle to write
   * @param resume go on from the work folder's checkpoint
   * @param command the command line, for the model card
   * @param note a line for the model card (how the data and encoder were made), or null
   * @param frames for a video dataset (MSR-VTT, MSVD), the frames sampled per clip; the decoder
   *     then reads them through its temporal encoder (S2VT)
   */
  public record Request(
      Dataset dataset,
      Path mediaRoot,
      String encoderName,
      DecoderConfig decoder,
      TrainingConfig training,
      int minCount,
      Path work,
      Path out,
      boolean resume,
      String command,
      String note,
      int frames) {}

  /** The outcome: the bundle (if written), the run's history and how it ended. */
  public record Result(
      Path bundle,
      Trainer.Outcome outcome,
      List<EpochReport> history,
      int bestEpoch,
      FeatureExtraction.Report extraction,
      int vocabularySize) {}

  private TrainingPipeline() {}

  public static Result run(
      Request request,
      ProgressListener extractionProgress,
      TrainingListener listener,
      Cancellation cancel)
      throws CaptioningException, IOException {
    Dataset dataset = request.dataset();
    List<DatasetItem> usable = new ArrayList<>();
    for (DatasetItem item : dataset.items()) {
      if (item.split() == Split.TRAIN || item.split() == Split.VAL) {
        usable.add(item);
      }
    }
    if (usable.stream().noneMatch(i -> i.split() == Split.TRAIN)) {
      throw new DatasetException("The dataset has no training split to learn from.");
    }
    List<FeatureExtraction.Item> items = new ArrayList<>();
    for (DatasetItem item : usable) {
      items.add(
          new FeatureExtraction.Item(item.id(), request.mediaRoot().resolve(item.mediaPath())));
    }
    boolean video = dataset.format().isVideo();
    FeatureExtraction.Media media =
        video
            ? FeatureExtraction.videoFrames(new VideoSampler(), request.frames())
            : FeatureExtraction.IMAGES;
    Files.createDirectories(request.work());
    Path storeDir = request.work().resolve("features");
    FeatureExtraction.Report extraction;
    EncoderInfo info;
    byte[] embedded;
    try (EncoderChoice encoder = EncoderChoice.load(request.encoderName())) {
      info = encoder.encoder().info();
      embedded = encoder.embeddedBytes().orElse(null);
      extraction =
          FeatureExtraction.extract(
              items,
              media,
              encoder.encoder(),
              storeDir,
              Precision.FP16,
              video ? Math.max(1, 32 / request.frames()) : 32,
              extractionProgress,
              cancel);
    }
    Set<String> skipped = new HashSet<>();
    try (FeatureStore store = FeatureStore.open(storeDir)) {
      List<DatasetItem> encoded = new ArrayList<>();
      for (DatasetItem item : usable) {
        if (store.indexOf(item.id()) >= 0) {
          encoded.add(item);
        } else {
          skipped.add(item.id());
        }
      }
      Dataset trainable = new Dataset(dataset.format(), dataset.source(), encoded, List.of(), true);
      TrainingData data = TrainingData.of(trainable, store, null, request.minCount());
      DecoderConfig decoder =
          new DecoderConfig(
              data.vocabulary().size(),
              request.decoder().embeddingSize(),
              request.decoder().hiddenSize(),
              info.featureDim(),
              request.decoder().attentionSize(),
              request.decoder().layers(),
              request.decoder().cell(),
              request.decoder().dropout(),
              request.decoder().attentionRegularization(),
              video);
      String featuresId = info.id() + ":" + store.header().datasetHash();
      Trainer trainer =
          new Trainer(
              data,
              decoder,
              request.training(),
              request.work().resolve("checkpoint.zip"),
              featuresId);
      Trainer.Result result = trainer.train(listener, cancel, request.resume());
      List<EpochReport> history = result.state().history();
      if (result.outcome() == Trainer.Outcome.CANCELLED
          || result.outcome() == Trainer.Outcome.TIME_LIMIT && history.isEmpty()) {
        return new Result(
            null,
            result.outcome(),
            history,
            result.state().bestEpoch(),
            extraction,
            data.vocabulary().size());
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      EpochReport best =
          history.stream()
              .filter(r -> r.epoch() == result.state().bestEpoch())
              .findFirst()
              .orElse(history.isEmpty() ? null : history.get(history.size() - 1));
      if (best != null) {
        best.metrics().forEach((k, v) -> metrics.put("val." + k, v));
        metrics.put("val.loss", best.validationLoss());
        metrics.put("epoch", (double) best.epoch());
      }
      Map<String, String> provenance = new LinkedHashMap<>();
      provenance.put("command", request.command());
      if (request.note() != null && !request.note().isBlank()) {
        provenance.put("note", request.note());
      }
      provenance.put("dataset", dataset.source());
      provenance.put("datasetHash", store.header().datasetHash());
      provenance.put("trainImages", String.valueOf(trainable.split(Split.TRAIN).size()));
      provenance.put("trainCaptions", String.valueOf(data.train().size()));
      provenance.put("valImages", String.valueOf(trainable.split(Split.VAL).size()));
      provenance.put("skippedImages", String.valueOf(skipped.size()));
      provenance.put("seed", String.valueOf(request.training().seed()));
      provenance.put("training", request.training().toString());
      provenance.put("steps", String.valueOf(result.state().step()));
      provenance.put(
          "trainingMinutes",
          String.format(java.util.Locale.ROOT, "%.1f", result.state().trainingSeconds() / 60));
      provenance.put("outcome", result.outcome().name());
      provenance.put("java", System.getProperty("java.version"));
      provenance.put("nd4j", "1.0.0-M2.1");
      provenance.put(
          "captionStudio",
          String.valueOf(TrainingPipeline.class.getPackage().getImplementationVersion()));
      EncoderSpec spec =
          new EncoderSpec(
              info.id(),
              embedded != null,
              video
                  ? info.description() + "; pooled over each of " + request.frames() + " frames"
                  : info.description(),
              info.inputSize(),
              video ? 1 : info.gridHeight(),
              video ? request.frames() : info.gridWidth(),
              info.featureDim());
      ModelBundle bundle =
          new ModelBundle(
              ModelBundle.manifest(
                  decoder,
                  spec,
                  provenance,
                  metrics,
                  trainer.domainProfile(result.best(), listener)),
              data.vocabulary(),
              result.best(),
              java.util.Optional.ofNullable(embedded));
      bundle.write(request.out());
      return new Result(
          request.out(),
          result.outcome(),
          history,
          result.state().bestEpoch(),
          extraction,
          data.vocabulary().size());
    }
  }
}
