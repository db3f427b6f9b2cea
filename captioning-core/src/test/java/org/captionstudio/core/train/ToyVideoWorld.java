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
 * A tiny video world for tests: a coloured ball crosses {@value #FRAMES} of {@value #POSITIONS}
 * positions, one step per frame, to the left or to the right; each frame's feature is the ball's
 * position (one-hot), its colour (one-hot) and noise. A clip is captioned "a red ball moves left"
 * and "the red ball goes to the left".
 *
 * <p>Which way it moves shows only in the order of the frames: the positions a left-moving clip
 * visits are those of some right-moving clip, so a model that sees the frames as an unordered set
 * (the image decoder over "regions") can tell the colour but not the direction.
 */
final class ToyVideoWorld {
  static final String[] COLOURS = {"red", "green", "blue"};
  static final String[] DIRECTIONS = {"left", "right"};
  static final int FRAMES = 4;
  static final int POSITIONS = 8;
  static final int DIM = POSITIONS + COLOURS.length;

  final Dataset dataset;
  final FeatureStore store;

  /** The true colour and direction of each clip, by id. */
  final List<int[]> truth;

  private ToyVideoWorld(Dataset dataset, FeatureStore store, List<int[]> truth) {
    this.dataset = dataset;
    this.store = store;
    this.truth = truth;
  }

  static ToyVideoWorld create(Path dir, int train, int val, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<DatasetItem> items = new ArrayList<>();
    List<int[]> truth = new ArrayList<>();
    FeatureStoreHeader header =
        FeatureStoreHeader.of("toy-video", 1, FRAMES, DIM, Precision.FP32, "toy-video");
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir.resolve("store"), header)) {
      for (int i = 0; i < train + val; i++) {
        int colour = random.nextInt(COLOURS.length);
        int direction = random.nextInt(2);
        // The leftmost position visited, uniform over where the whole path fits.
        int low = random.nextInt(POSITIONS - FRAMES + 1);
        float[] f = new float[FRAMES * DIM];
        for (int j = 0; j < f.length; j++) {
          f[j] = (float) (0.1 * random.nextGaussian());
        }
        for (int t = 0; t < FRAMES; t++) {
          int position = direction == 0 ? low + FRAMES - 1 - t : low + t;
          f[t * DIM + position] += 1;
          f[t * DIM + POSITIONS + colour] += 1;
        }
        String id = "clip" + i;
        writer.append(id, f);
        truth.add(new int[] {colour, direction});
        String ball = COLOURS[colour] + " ball";
        String way = DIRECTIONS[direction];
        items.add(
            new DatasetItem(
                id,
                id + ".mp4",
                i < train ? Split.TRAIN : Split.VAL,
                List.of(
                    "A " + ball + " moves " + way + ".",
                    "The " + ball + " goes to the " + way + ".")));
      }
      writer.commit();
    }
    Dataset dataset = new Dataset(DatasetFormat.MSRVTT, "toy-video", items, List.of(), true);
    return new ToyVideoWorld(dataset, FeatureStore.open(dir.resolve("store")), truth);
  }
}
