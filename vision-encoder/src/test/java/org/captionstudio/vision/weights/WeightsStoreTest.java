package org.captionstudio.vision.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Adler32;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsStoreTest {
  private static final byte[] CONTENT = "pretend these are ImageNet weights".getBytes();
  private static final WeightsSpec SPEC = new WeightsSpec("resnet50", "w.zip", adler(CONTENT));
  private static final String HOW = "run `./captionstudio encoders download resnet50`.";

  @TempDir Path dir;
  private final Downloader downloader =
      new Downloader(new DownloadSettings(Duration.ofSeconds(2), Duration.ofSeconds(2)));

  private static long adler(byte[] bytes) {
    Adler32 adler = new Adler32();
    adler.update(bytes);
    return adler.getValue();
  }

  @Test
  void theCacheIsLaidOutAsDl4jLaysItOut() {
    WeightsStore store = new WeightsStore(dir);

    assertEquals(
        dir.resolve("models/resnet50/resnet50_dl4j_inference.v3.zip"),
        store.file(ZooEncoder.RESNET50.weights()));
    assertEquals(
        dir.resolve("models/squeezenet/squeezenet_dl4j_inference.v2.zip"),
        store.file(ZooEncoder.SQUEEZENET.weights()));
    assertEquals(3914447815L, ZooEncoder.RESNET50.weights().adler32());
  }

  @Test
  void statusFollowsTheFileFromMissingToVerified() throws Exception {
    WeightsStore store = new WeightsStore(dir);
    Path file = store.file(SPEC);
    assertEquals(WeightsStatus.MISSING, store.status(SPEC));

    Files.createDirectories(file.getParent());
    Files.write(file.resolveSibling("w.zip.part"), new byte[] {1, 2});
    assertEquals(WeightsStatus.PARTIAL, store.status(SPEC));

    Files.write(file, "something else".getBytes());
    assertEquals(WeightsStatus.CORRUPT, store.status(SPEC));

    Files.write(file, CONTENT);
    assertEquals(WeightsStatus.VERIFIED, store.status(SPEC));
    assertEquals(file, store.require(SPEC, "ResNet50", HOW));
  }

  @Test
  void missingWeightsAreNeverReplacedByRandomOnesTheUserIsToldWhatToDo() {
    WeightsStore store = new WeightsStore(dir);

    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> store.require(SPEC, "ResNet50", HOW));

    assertEquals(
        "ResNet50 has no ImageNet weights on this machine, and an encoder is never used with"
            + " random weights: run `./captionstudio encoders download resnet50`.",
        e.getMessage());
  }

  @Test
  void aMirrorFolderServesTheFileFlatOrUnderModels() throws Exception {
    Path flat = Files.createDirectories(dir.resolve("flat"));
    Files.write(flat.resolve("w.zip"), CONTENT);
    Path nested = Files.createDirectories(dir.resolve("nested/models"));
    Files.write(nested.resolve("w.zip"), CONTENT);

    for (Path mirror : new Path[] {flat, dir.resolve("nested")}) {
      WeightsStore store = new WeightsStore(dir.resolve("cache-" + mirror.getFileName()));
      Path fetched =
          store.fetchFromFolder(
              SPEC, mirror, downloader, ProgressListener.NONE, Cancellation.none());
      assertArrayEquals(CONTENT, Files.readAllBytes(fetched));
      assertEquals(WeightsStatus.VERIFIED, store.status(SPEC));
    }
  }

  @Test
  void aMirrorWithoutTheFileSaysWhereItLooked() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    WeightsStore store = new WeightsStore(dir.resolve("cache"));

    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                store.fetchFromFolder(
                    SPEC, empty, downloader, ProgressListener.NONE, Cancellation.none()));

    assertTrue(
        e.getMessage().startsWith("The mirror folder " + empty + " has no w.zip"), e.getMessage());
  }
}
