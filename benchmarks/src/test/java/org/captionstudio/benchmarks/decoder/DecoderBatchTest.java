package org.captionstudio.benchmarks.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecoderBatchTest {

  @Test
  void theSameSeedGivesTheSameBatch() {
    DecoderBatch first = DecoderBatch.synthetic(7, 8, 16, 49, 32, 10000, 11);

    assertEquals(first, DecoderBatch.synthetic(7, 8, 16, 49, 32, 10000, 11));
    assertNotEquals(first, DecoderBatch.synthetic(8, 8, 16, 49, 32, 10000, 11));
  }

  @Test
  void captionLengthsLookLikeCocoCaptions() {
    DecoderBatch many = DecoderBatch.synthetic(1, 4096, 16, 1, 1, 10000, 11);
    DecoderBatch headline = DecoderBatch.synthetic(2015, 64, 16, 49, 512, 10000, 11);

    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (int length : many.lengths()) {
      shortest = Math.min(shortest, length);
      longest = Math.max(longest, length);
    }
    assertEquals(6, shortest);
    assertEquals(16, longest);
    assertEquals(11, many.meanLength(), 0.1);
    assertEquals(11, headline.meanLength(), 0.5, headline.toString());
  }

  @Test
  void captionsAreTeacherForcedAndPadded() {
    DecoderBatch batch = DecoderBatch.synthetic(3, 16, 16, 2, 3, 50, 11);
    int[] inputs = batch.inputs();
    int[] targets = batch.targets();
    int[] lengths = batch.lengths();

    for (int b = 0; b < batch.batchSize(); b++) {
      int row = b * batch.steps();
      assertEquals(DecoderBatch.START, inputs[row]);
      assertEquals(DecoderBatch.END, targets[row + lengths[b] - 1]);
      for (int t = 0; t < batch.steps(); t++) {
        if (t < lengths[b] - 1) {
          assertTrue(targets[row + t] > DecoderBatch.END && targets[row + t] < 50);
          assertEquals(targets[row + t], inputs[row + t + 1]);
        } else if (t >= lengths[b]) {
          assertEquals(DecoderBatch.PADDING, targets[row + t]);
        }
      }
    }
  }

  @Test
  void featuresAreNonNegativeLikeReluOutputs() {
    float[] features = DecoderBatch.synthetic(3, 4, 16, 49, 64, 50, 11).features();

    int zeros = 0;
    for (float value : features) {
      assertTrue(value >= 0);
      zeros += value == 0 ? 1 : 0;
    }
    assertEquals(0.5, (double) zeros / features.length, 0.02);
  }

  @Test
  void theArraysCannotBeChangedFromOutside() {
    float[] features = new float[2];
    int[] inputs = {1, 5};
    DecoderBatch batch =
        new DecoderBatch(1, 2, 1, 2, features, inputs, new int[] {5, 2}, new int[] {2});

    features[0] = 9;
    inputs[1] = 7;
    batch.targets()[0] = 8;

    assertArrayEquals(new float[2], batch.features());
    assertArrayEquals(new int[] {1, 5}, batch.inputs());
    assertArrayEquals(new int[] {5, 2}, batch.targets());
  }

  @Test
  void malformedBatchesAreRefusedWithTheRule() {
    float[] features = new float[2];
    assertEquals(
        "lengths must be in [1, 2], got 3 for caption 0",
        refused(
            () ->
                new DecoderBatch(
                    1, 2, 1, 2, features, new int[] {1, 5}, new int[] {5, 2}, new int[] {3})));
    assertEquals(
        "the first input must be the start id 1, got 4 for caption 0",
        refused(
            () ->
                new DecoderBatch(
                    1, 2, 1, 2, features, new int[] {4, 5}, new int[] {5, 2}, new int[] {2})));
    assertEquals(
        "targets beyond the length must be padding (0), got 2 at caption 0 step 1",
        refused(
            () ->
                new DecoderBatch(
                    1, 2, 1, 2, features, new int[] {1, 5}, new int[] {5, 2}, new int[] {1})));
    assertEquals(
        "inputs must be the previous targets (teacher forcing), got 6 after target 5 at caption"
            + " 0 step 1",
        refused(
            () ->
                new DecoderBatch(
                    1, 2, 1, 2, features, new int[] {1, 6}, new int[] {5, 2}, new int[] {2})));
    assertEquals(
        "features must hold 2 values for the batch's shape, got 3",
        refused(
            () ->
                new DecoderBatch(
                    1, 2, 1, 2, new float[3], new int[] {1, 5}, new int[] {5, 2}, new int[] {2})));
    assertEquals(
        "meanLength must be in [6, 16] for 16 steps, got 5.0",
        refused(() -> DecoderBatch.synthetic(1, 4, 16, 1, 1, 50, 5)));
  }

  private static String refused(Runnable construction) {
    return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
  }
}
