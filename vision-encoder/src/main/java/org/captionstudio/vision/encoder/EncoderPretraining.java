package org.captionstudio.vision.encoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.data.CocoCaptions;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.shapes.CellLabels;
import org.captionstudio.vision.shapes.Scene;
import org.captionstudio.vision.shapes.ShapesGroundTruth;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pretrains the ShapesWorld encoder the way ImageNet pretraining works for real encoders: on a
 * labelled task, here each grid cell's visible shapes, colours and sizes, read from ShapesWorld's
 * ground truth. The result is frozen and then only used to extract features.
 */
public final class EncoderPretraining {
  private static final Logger LOG = LoggerFactory.getLogger(EncoderPretraining.class);

  private EncoderPretraining() {}

  /** What pretraining achieved. */
  public record Report(ShapesEncoderCard card, double finalLoss, Path file) {}

  /** One image with its cell labels. */
  record Sample(int id, byte[] rgb, float[] labels) {}

  /**
   * Pretrains on {@code dataset} (a folder written by {@code synth}) and writes the frozen encoder
   * to {@code out}.
   *
   * @throws CaptioningException when the dataset is unusable or the run is cancelled
   */
  public static Report run(
      Path dataset,
      Path out,
      PretrainConfig config,
      ProgressListener progress,
      Cancellation cancellation)
      throws CaptioningException {
    long start = System.nanoTime();
    ShapesGroundTruth truth =
        ShapesGroundTruth.read(dataset.resolve("annotations").resolve("groundtruth.json"));
    List<Sample> train = load(dataset, "train", truth, progress);
    List<Sample> test = load(dataset, "test", truth, progress);
    if (train.isEmpty()) {
      throw new DatasetException(dataset + " has no training images to pretrain on.");
    }
    int size = sizeOf(dataset, truth);
    int grid = size / ShapesWorldNet.STRIDE;
    ComputationGraph network =
        ShapesWorldNet.build(
            size, config.featureDim(), CellLabels.CHANNELS, config.seed(), config.learningRate());

    int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
    long totalSteps = (long) batches * config.epochs();
    Random shuffle = new Random(config.seed());
    double loss = Double.NaN;
    int epochsDone = 0;
    long trainingStart = System.nanoTime();
    long step = 0;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      List<Sample> order = new ArrayList<>(train);
      java.util.Collections.shuffle(order, shuffle);
      String stage = "Pretraining epoch " + epoch + "/" + config.epochs();
      for (int b = 0; b < batches; b++) {
        if (cancellation.isCancelled()) {
          throw new CaptioningException("Pretraining was cancelled; nothing was written.");
        }
        List<Sample> batch =
            order.subList(
                b * config.batchSize(), Math.min(order.size(), (b + 1) * config.batchSize()));
        network.fit(new DataSet(images(batch, size), labels(batch, grid)));
        loss = network.score();
        progress.progress(stage, ++step, totalSteps);
      }
      epochsDone = epoch;
      LOG.info("Encoder pretraining epoch {}: loss {}", epoch, loss);
      double minutes = (System.nanoTime() - start) / 6e10;
      double perEpoch = (System.nanoTime() - trainingStart) / 6e10 / epoch;
      if (config.maxMinutes() > 0
          && epoch < config.epochs()
          && minutes + perEpoch > config.maxMinutes()) {
        LOG.warn(
            "Pretraining stopped after epoch {}: another epoch would pass the {}-minute budget",
            epoch,
            config.maxMinutes());
        break;
      }
    }

    AttributeAccuracy accuracy =
        evaluate(network, test.isEmpty() ? train : test, size, grid, config.batchSize());
    ShapesEncoderCard card =
        new ShapesEncoderCard(
            ShapesEncoderCard.FORMAT,
            ShapesEncoderCard.VERSION,
            size,
            grid,
            grid,
            config.featureDim(),
            train.size(),
            epochsDone,
            (System.nanoTime() - start) / 1e9,
            accuracy,
            dataset.toAbsolutePath().normalize().toString());
    try {
      ShapesEncoderFile.write(out, network, card);
    } catch (IOException e) {
      throw new CaptioningException(
          "The encoder could not be written to " + out + ": " + e.getMessage(), e);
    }
    return new Report(card, loss, out);
  }

  /** Scores the attribute head on {@code samples}. */
  static AttributeAccuracy evaluate(
      ComputationGraph network, List<Sample> samples, int size, int grid, int batchSize) {
    int channels = CellLabels.CHANNELS;
    int cellsPerImage = grid * grid;
    long cells = 0;
    long occupancyRight = 0;
    long objectCells = 0;
    long[] right = new long[3]; // shape, colour, size
    int[][] groups = CellLabels.groups();
    for (int from = 0; from < samples.size(); from += batchSize) {
      List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + batchSize));
      INDArray output = network.outputSingle(false, images(batch, size)); // [B, K, grid, grid]
      float[] predicted = output.dup().data().asFloat();
      for (int i = 0; i < batch.size(); i++) {
        float[] labels = batch.get(i).labels();
        int base = i * channels * cellsPerImage;
        for (int c = 0; c < cellsPerImage; c++) {
          cells++;
          boolean emptyLabel = labels[CellLabels.EMPTY * cellsPerImage + c] > 0.5f;
          boolean emptyPredicted = predicted[base + CellLabels.EMPTY * cellsPerImage + c] > 0.5f;
          if (emptyLabel == emptyPredicted) {
            occupancyRight++;
          }
          boolean single = true;
          int[] truth = new int[3];
          for (int g = 0; g < 3 && single; g++) {
            int found = -1;
            for (int channel : groups[g]) {
              if (labels[channel * cellsPerImage + c] > 0.5f) {
                single &= found < 0;
                found = channel;
              }
            }
            single &= found >= 0;
            truth[g] = found;
          }
          if (!single) {
            continue;
          }
          objectCells++;
          for (int g = 0; g < 3; g++) {
            int best = groups[g][0];
            for (int channel : groups[g]) {
              if (predicted[base + channel * cellsPerImage + c]
                  > predicted[base + best * cellsPerImage + c]) {
                best = channel;
              }
            }
            if (best == truth[g]) {
              right[g]++;
            }
          }
        }
      }
    }
    double objects = Math.max(1, objectCells);
    return new AttributeAccuracy(
        occupancyRight / (double) Math.max(1, cells),
        right[0] / objects,
        right[1] / objects,
        right[2] / objects,
        cells,
        objectCells);
  }

  static INDArray images(List<Sample> batch, int size) {
    int plane = 3 * size * size;
    float[] data = new float[batch.size() * plane]; // [B, 3, size, size]
    for (int i = 0; i < batch.size(); i++) {
      float[] planar = Preprocessing.RGB_UNIT.toPlanar(batch.get(i).rgb(), size, size);
      System.arraycopy(planar, 0, data, i * plane, plane);
    }
    return Nd4j.create(data, new long[] {batch.size(), 3, size, size});
  }

  static INDArray labels(List<Sample> batch, int grid) {
    int per = CellLabels.CHANNELS * grid * grid;
    float[] data = new float[batch.size() * per]; // [B, K, grid, grid]
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).labels(), 0, data, i * per, per);
    }
    return Nd4j.create(data, new long[] {batch.size(), CellLabels.CHANNELS, grid, grid});
  }

  /** The images of one split with their labels, decoded on worker threads. */
  static List<Sample> load(
      Path dataset, String split, ShapesGroundTruth truth, ProgressListener progress)
      throws CaptioningException {
    Path annotations = dataset.resolve("annotations").resolve("captions_" + split + ".json");
    if (!Files.exists(annotations)) {
      return List.of();
    }
    CocoCaptions coco = CocoCaptions.read(annotations);
    Path images = dataset.resolve("images");
    ImageDecoder decoder = new ImageDecoder();
    ExecutorService workers =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<Sample>> pending = new ArrayList<>();
      for (Map.Entry<String, String> image : coco.images().entrySet()) {
        int id = Integer.parseInt(image.getKey());
        Scene scene = truth.images().get(id);
        if (scene == null) {
          throw new DatasetException(
              annotations.getFileName() + " lists image " + id + ", which groundtruth.json lacks.");
        }
        Path file = images.resolve(image.getValue()).normalize();
        if (!file.startsWith(images)) {
          throw new DatasetException(
              annotations.getFileName() + ": image " + id + " points outside images/.");
        }
        pending.add(
            workers.submit(
                () -> {
                  DecodedImage decoded = decoder.decode(file);
                  if (decoded.width() != scene.width() || decoded.height() != scene.height()) {
                    throw new DatasetException(
                        file.getFileName()
                            + " is "
                            + decoded.width()
                            + "x"
                            + decoded.height()
                            + ", but its ground truth says "
                            + scene.width()
                            + "x"
                            + scene.height()
                            + ".");
                  }
                  int grid = scene.width() / ShapesWorldNet.STRIDE;
                  return new Sample(id, decoded.rgb(), CellLabels.of(scene, grid, grid));
                }));
      }
      List<Sample> samples = new ArrayList<>(pending.size());
      String stage = "Loading " + split + " images";
      for (Future<Sample> future : pending) {
        samples.add(future.get());
        progress.progress(stage, samples.size(), pending.size());
      }
      return samples;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CaptioningException c) {
        throw c;
      }
      throw new CaptioningException(
          "Loading ShapesWorld images failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptioningException("Loading ShapesWorld images was interrupted.", e);
    } finally {
      workers.shutdownNow();
    }
  }

  private static int sizeOf(Path dataset, ShapesGroundTruth truth) throws DatasetException {
    Scene first =
        truth.images().values().stream()
            .findFirst()
            .orElseThrow(
                () -> new DatasetException(dataset + " has no images in its ground truth."));
    if (first.width() != first.height() || first.width() % ShapesWorldNet.STRIDE != 0) {
      throw new DatasetException(
          "ShapesWorld images must be square with a side that is a multiple of "
              + ShapesWorldNet.STRIDE
              + ", these are "
              + first.width()
              + "x"
              + first.height()
              + ".");
    }
    return first.width();
  }
}
