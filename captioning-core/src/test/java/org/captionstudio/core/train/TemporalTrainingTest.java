package org.captionstudio.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.CellType;
import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The temporal encoder trained by the same trainer on {@link ToyVideoWorld}, whose captions say
 * which way a ball moves: only the order of the frames tells.
 */
class TemporalTrainingTest {
  private static final BeamSearchConfig BEAM = new BeamSearchConfig(3, 8, 0.0, 3);

  @TempDir static Path dir;
  static ToyVideoWorld world;
  static TrainingData data;
  static INDArray validationClips; // [clips, F, D]
  static DecoderParameters temporal;

  @BeforeAll
  static void trainTheTemporalModel() throws Exception {
    world = ToyVideoWorld.create(dir, 120, 40, 6);
    data = TrainingData.of(world.dataset, world.store, null, 1);
    int clips = data.validation().size();
    float[] f = new float[clips * ToyVideoWorld.FRAMES * ToyVideoWorld.DIM];
    data.store()
        .read(data.validation().stream().mapToInt(TrainingData.Reference::feature).toArray(), f);
    validationClips =
        Nd4j.createFromArray(f).reshape(clips, ToyVideoWorld.FRAMES, ToyVideoWorld.DIM);
    temporal = train(true);
  }

  static DecoderConfig decoder(boolean temporalEncoder) {
    return new DecoderConfig(
        data.vocabulary().size(),
        16,
        32,
        ToyVideoWorld.DIM,
        16,
        1,
        CellType.LSTM,
        0.1,
        0,
        temporalEncoder);
  }

  static DecoderParameters train(boolean temporalEncoder) throws Exception {
    TrainingConfig config =
        TrainingConfig.defaults()
            .withEpochs(8)
            .withBatchSize(16)
            .withLearningRate(2e-2, 0.95, 5)
            .withCheckpointEvery(100)
            .withValidation(1, 0, 100)
            .withMaxWords(8);
    return new Trainer(
            data,
            decoder(temporalEncoder),
            config,
            dir.resolve("run-" + temporalEncoder),
            "toy-video")
        .train(TrainingListener.NONE, Cancellation.none(), false)
        .best();
  }

  @Test
  void learnsWhichWayTheBallMovesWhereABagOfFramesIsAtChance() throws Exception {
    double[] withEncoder = accuracies(decoder(true), temporal);
    double[] bag = accuracies(decoder(false), train(false));
    // Both name the colour: the image decoder learned what a set of frames can tell.
    assertTrue(withEncoder[0] >= 0.95, "colour with the encoder " + withEncoder[0]);
    assertTrue(bag[0] >= 0.95, "colour from a bag of frames " + bag[0]);
    // Only the temporal encoder sees the direction; chance is 0.5.
    assertTrue(withEncoder[1] >= 0.9, "direction with the encoder " + withEncoder[1]);
    assertTrue(bag[1] <= 0.75, "direction from a bag of frames " + bag[1]);
  }

  @Test
  void beamSearchReportsTheTeacherForcedLikelihoodOfTheTrainedModel() {
    AttentionDecoder decoder = new AttentionDecoder(decoder(true));
    DecoderParameters p = temporal.castTo(DataType.DOUBLE);
    INDArray clips = validationClips.castTo(DataType.DOUBLE);
    List<List<Hypothesis>> beams = new BeamSearch(decoder, p).decode(clips, BEAM);
    int checked = 0;
    for (int clip = 0; clip < beams.size(); clip++) {
      for (Hypothesis h : beams.get(clip)) {
        if (!h.finished()) {
          continue;
        }
        INDArray one = clips.get(NDArrayIndex.interval(clip, clip + 1));
        DecoderBatch batch = DecoderBatch.of(one, List.of(h.words()), 100);
        double nll = decoder.loss(p, batch).crossEntropy() * batch.tokens();
        assertEquals(-nll, h.logProbability(), 1e-9, "clip " + clip + " " + h);
        checked++;
      }
    }
    assertTrue(checked >= beams.size(), "finished captions checked: " + checked);
  }

  /** The fractions of validation clips whose best caption names the right colour and direction. */
  private static double[] accuracies(DecoderConfig config, DecoderParameters p) {
    List<List<Hypothesis>> beams =
        new BeamSearch(new AttentionDecoder(config), p).decode(validationClips, BEAM);
    int colour = 0;
    int direction = 0;
    for (int clip = 0; clip < beams.size(); clip++) {
      List<String> words = data.vocabulary().decode(beams.get(clip).get(0).words());
      int[] truth = world.truth.get(index(data.validation().get(clip).id()));
      colour += namesOnly(words, ToyVideoWorld.COLOURS, truth[0]) ? 1 : 0;
      direction += namesOnly(words, ToyVideoWorld.DIRECTIONS, truth[1]) ? 1 : 0;
    }
    return new double[] {(double) colour / beams.size(), (double) direction / beams.size()};
  }

  private static int index(String id) {
    return Integer.parseInt(id.substring("clip".length()));
  }

  /** Whether the caption names {@code choices[right]} and none of the other choices. */
  private static boolean namesOnly(List<String> words, String[] choices, int right) {
    for (int i = 0; i < choices.length; i++) {
      if (words.contains(choices[i]) != (i == right)) {
        return false;
      }
    }
    return true;
  }
}
