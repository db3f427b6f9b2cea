package org.captionstudio.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.features.Precision;
import org.captionstudio.vision.encoder.FeatureExtraction;
import org.captionstudio.vision.encoder.ShapesWorldEncoder;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;

/**
 * {@code feature-extraction}: the whole extraction (PNG decoding on worker threads, the CNN on
 * batches of 32, writing the store) against the CNN alone on the same, already decoded batches. The
 * "speedup" (CNN alone ÷ extraction) must be at least 0.8: decoding and storage must hide behind
 * the forward pass. The encoder is the ShapesWorld network at 128 px with random weights (speed
 * does not depend on the weights).
 */
public final class FeatureExtractionSpeed implements Benchmark {
  static final int IMAGES = 256;
  static final int BATCH = 32;

  @Override
  public String name() {
    return "feature-extraction";
  }

  @Override
  public String description() {
    return "ShapesWorld encoder, 128 px, 8x8x128: extraction of "
        + IMAGES
        + " PNGs into a store vs the CNN alone on decoded batches of "
        + BATCH
        + " (per image)";
  }

  @Override
  public Prepared prepare() throws Exception {
    Path work = Files.createTempDirectory("feature-extraction-bench");
    Path dataset = work.resolve("shapes");
    ShapesWorld.generate(new SynthConfig(IMAGES, 0, 7, 128, 0, 0), dataset, ProgressListener.NONE);
    List<FeatureExtraction.Item> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataset.resolve("images/train"))) {
      for (Path file : files.sorted().toList()) {
        items.add(new FeatureExtraction.Item(file.getFileName().toString(), file));
      }
    }
    ImageDecoder decoder = new ImageDecoder();
    List<DecodedImage> decoded = new ArrayList<>();
    for (FeatureExtraction.Item item : items) {
      decoded.add(decoder.decode(item.file()));
    }
    ShapesWorldEncoder encoder = ShapesWorldEncoder.withRandomWeights(128, 128, 1);
    Path store = work.resolve("store");
    Contestants contestants =
        new Contestants(
            "",
            IMAGES,
            () -> {
              deleteTree(store);
              FeatureExtraction.extract(
                  items,
                  encoder,
                  store,
                  Precision.FP16,
                  BATCH,
                  ProgressListener.NONE,
                  Cancellation.none());
            },
            Optional.of(
                () -> {
                  for (int from = 0; from < decoded.size(); from += BATCH) {
                    encoder.encodeDecoded(
                        decoded.subList(from, Math.min(decoded.size(), from + BATCH)));
                  }
                }));
    return new Prepared(
        List.of(contestants),
        List.of("decoding threads: " + Math.max(1, Runtime.getRuntime().availableProcessors() - 1)),
        () -> {
          encoder.close();
          deleteTree(work);
        });
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
