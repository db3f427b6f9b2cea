package org.captionstudio.vision.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.features.FeatureStore;
import org.captionstudio.core.features.Precision;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractionTest {
  @TempDir static Path dir;
  private static List<FeatureExtraction.Item> items;
  private static ShapesWorldEncoder encoder;

  @BeforeAll
  static void makeImages() throws Exception {
    Path dataset = dir.resolve("shapes");
    ShapesWorld.generate(new SynthConfig(40, 0, 3, 64, 0, 0), dataset, ProgressListener.NONE);
    items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataset.resolve("images/train"))) {
      for (Path file : files.sorted().toList()) {
        items.add(new FeatureExtraction.Item(file.getFileName().toString(), file));
      }
    }
    encoder = ShapesWorldEncoder.withRandomWeights(64, 16, 9);
  }

  @AfterAll
  static void closeEncoder() {
    encoder.close();
  }

  @Test
  void everyImageIsStoredExactlyAsTheEncoderSeesIt() throws Exception {
    Path store = dir.resolve("store-exact");

    FeatureExtraction.Report report =
        FeatureExtraction.extract(
            items, encoder, store, Precision.FP32, 8, ProgressListener.NONE, Cancellation.none());

    assertEquals(40, report.extracted());
    assertEquals(0, report.reused());
    try (FeatureStore features = FeatureStore.open(store)) {
      assertTrue(features.isComplete());
      assertEquals(40, features.size());
      EncodedImage direct = encoder.encode(List.of(items.get(17).file())).get(0);
      float[] stored = new float[direct.regions().length];
      features.read(features.indexOf(items.get(17).id()), stored);
      assertArrayEquals(direct.regions(), stored, 1e-5f);
    }
  }

  @Test
  void aCancelledExtractionResumesWithoutRedoingOrDuplicatingWork() throws Exception {
    Path store = dir.resolve("store-resume");
    Cancellation cancel = new Cancellation();
    ProgressListener cancelAfterAFewBatches =
        (stage, done, total) -> {
          if (done >= 24) {
            cancel.cancel();
          }
        };

    CaptioningException cancelled =
        assertThrows(
            CaptioningException.class,
            () ->
                FeatureExtraction.extract(
                    items, encoder, store, Precision.FP16, 8, cancelAfterAFewBatches, cancel));
    assertTrue(
        cancelled.getMessage().startsWith("Feature extraction was cancelled after 24 of 40 images"),
        cancelled.getMessage());

    FeatureExtraction.Report resumed =
        FeatureExtraction.extract(
            items, encoder, store, Precision.FP16, 8, ProgressListener.NONE, Cancellation.none());

    assertEquals(24, resumed.reused());
    assertEquals(16, resumed.extracted());
    try (FeatureStore features = FeatureStore.open(store)) {
      assertEquals(40, features.size());
      for (FeatureExtraction.Item item : items) {
        assertTrue(features.indexOf(item.id()) >= 0, item.id());
      }
    }
  }

  @Test
  void aBrokenImageIsSkippedAndNamed() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.png"), "not a picture");
    List<FeatureExtraction.Item> withBroken = new ArrayList<>(items.subList(0, 5));
    withBroken.add(new FeatureExtraction.Item("broken", broken));

    FeatureExtraction.Report report =
        FeatureExtraction.extract(
            withBroken,
            encoder,
            dir.resolve("store-broken"),
            Precision.FP32,
            4,
            ProgressListener.NONE,
            Cancellation.none());

    assertEquals(5, report.extracted());
    assertEquals(
        List.of(
            "broken.png is not an image Caption Studio can read (JPEG, PNG, BMP, GIF, TIFF, WebP or PPM)."),
        report.skipped());
  }

  @Test
  void aStoreOfOtherImagesIsNeverReused() throws Exception {
    Path store = dir.resolve("store-other");
    FeatureExtraction.extract(
        items.subList(0, 8),
        encoder,
        store,
        Precision.FP32,
        8,
        ProgressListener.NONE,
        Cancellation.none());

    CaptioningException e =
        assertThrows(
            CaptioningException.class,
            () ->
                FeatureExtraction.extract(
                    items,
                    encoder,
                    store,
                    Precision.FP32,
                    8,
                    ProgressListener.NONE,
                    Cancellation.none()));
    assertTrue(e.getMessage().contains("dataset hash"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
