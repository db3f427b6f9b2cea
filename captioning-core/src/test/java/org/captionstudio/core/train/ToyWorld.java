package org.captionstudio.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetFormat;
import org.captionstudio.core.data.DatasetItem;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.features.FeatureStore;
import org.captionstudio.core.features.FeatureStoreHeader;
import org.captionstudio.core.features.FeatureStoreWriter;
import org.captionstudio.core.features.Precision;

/**
 * A tiny captioning world for tests: each "image" is a 2×2 grid of 6-dim region features with one
 * object (one-hot colour and shape in one cell, noise elsewhere), captioned "a red circle" and
 * "there is a red circle".
 */
final class ToyWorld {
  static final String[] COLOURS = {"red", "green", "blue"};
  static final String[] SHAPES = {"circle", "square", "triangle"};
  static final int REGIONS = 4;
  static final int DIM = 6;

  final Dataset dataset;
  final FeatureStore store;

  private ToyWorld(Dataset dataset, FeatureStore store) {
    this.dataset = dataset;
    this.store = store;
  }

  static ToyWorld create(Path dir, int train, int val, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<DatasetItem> items = new ArrayList<>();
    FeatureStoreHeader header = FeatureStoreHeader.of("toy", 2, 2, DIM, Precision.FP32, "toy");
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir.resolve("store"), header)) {
      for (int i = 0; i < train + val; i++) {
        int c = random.nextInt(3);
        int s = random.nextInt(3);
        int cell = random.nextInt(REGIONS);
        float[] f = new float[REGIONS * DIM];
        for (int j = 0; j < f.length; j++) {
          f[j] = (float) (0.1 * random.nextGaussian());
        }
        f[cell * DIM + c] += 1;
        f[cell * DIM + 3 + s] += 1;
        String id = "img" + i;
        writer.append(id, f);
        String object = COLOURS[c] + " " + SHAPES[s];
        items.add(
            new DatasetItem(
                id,
                id + ".png",
                i < train ? Split.TRAIN : Split.VAL,
                List.of("A " + object + ".", "There is a " + object + ".")));
      }
      writer.commit();
    }
    Dataset dataset = new Dataset(DatasetFormat.COCO, "toy", items, List.of(), true);
    return new ToyWorld(dataset, FeatureStore.open(dir.resolve("store")));
  }
}
