package org.captionstudio.vision.shapes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.captionstudio.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a ShapesWorld dataset: PNG images with COCO captions, H.264 clips with MSR-VTT
 * captions, and the ground truth behind every caption (see the package documentation for the
 * layout). The same config gives byte-identical annotation files and images on the same JDK.
 */
public final class ShapesWorld {
  /** Progress stage names. */
  public static final String IMAGES = "images";

  public static final String VIDEOS = "videos";
  public static final String ANNOTATIONS = "annotations";

  /** Clip frame rate. */
  public static final int FPS = 12;

  /** Every image object keeps at least this share of its pixels visible. */
  public static final double MIN_VISIBLE_FRACTION = 0.6;

  private static final Logger LOG = LoggerFactory.getLogger(ShapesWorld.class);
  private static final long IMAGE_STREAM = 1;
  private static final long CLIP_STREAM = 2;

  private final SynthConfig config;
  private final SplitCounts imageSplits;
  private final SplitCounts videoSplits;

  private ShapesWorld(SynthConfig config) {
    this.config = config;
    this.imageSplits = config.imageSplits();
    this.videoSplits = config.videoSplits();
  }

  /**
   * Writes the dataset into {@code outDir}, which must not exist or be empty. Everything is written
   * to a hidden sibling folder first and moved into place at the end, so a failed or cancelled run
   * leaves nothing behind.
   *
   * @param listener hears progress per stage ({@link #IMAGES}, {@link #VIDEOS}, {@link
   *     #ANNOTATIONS}) on the calling thread
   * @throws InterruptedIOException when the calling thread is interrupted (the interrupt flag is
   *     set again)
   * @throws FileAlreadyExistsException when {@code outDir} holds something already
   */
  public static SynthSummary generate(SynthConfig config, Path outDir, ProgressListener listener)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(listener, "listener");
    return new ShapesWorld(config).run(outDir.toAbsolutePath().normalize(), listener);
  }

  private SynthSummary run(Path outDir, ProgressListener listener) throws IOException {
    if (Files.exists(outDir) && !isEmptyDirectory(outDir)) {
      throw new FileAlreadyExistsException(
          outDir.toString(), null, "is not an empty folder; choose a new one for ShapesWorld");
    }
    long begin = System.nanoTime();
    Path parent = outDir.getParent();
    Files.createDirectories(parent);
    Path work = Files.createTempDirectory(parent, "." + outDir.getFileName() + ".partial-");
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "shapesworld-" + threadCount.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    boolean done = false;
    try {
      for (SplitCounts.Split split : SplitCounts.Split.values()) {
        Files.createDirectories(work.resolve("images").resolve(split.coco()));
      }
      Files.createDirectories(work.resolve("videos"));
      Files.createDirectories(work.resolve("annotations"));

      long imagesStart = System.nanoTime();
      List<AnnotationWriter.ImageItem> images =
          runAll(pool, IMAGES, config.images(), i -> image(work, i), listener);
      Duration imageTime = Duration.ofNanos(System.nanoTime() - imagesStart);

      long videosStart = System.nanoTime();
      List<AnnotationWriter.ClipItem> clips;
      int logLevel = avutil.av_log_get_level();
      // libopenh264 warns about rate control for every clip; only errors are worth showing.
      avutil.av_log_set_level(Math.min(logLevel, avutil.AV_LOG_ERROR));
      try {
        clips = runAll(pool, VIDEOS, config.videos(), i -> clip(work, i), listener);
      } finally {
        avutil.av_log_set_level(logLevel);
      }
      Duration videoTime = Duration.ofNanos(System.nanoTime() - videosStart);

      listener.progress(ANNOTATIONS, 0, 1);
      Path annotations = work.resolve("annotations");
      for (SplitCounts.Split split : SplitCounts.Split.values()) {
        AnnotationWriter.coco(
            annotations.resolve("captions_" + split.coco() + ".json"),
            split,
            images.stream().filter(item -> item.split() == split).toList(),
            config);
      }
      AnnotationWriter.msrVtt(annotations.resolve("videos.json"), clips, config);
      AnnotationWriter.groundTruth(annotations.resolve("groundtruth.json"), images, clips, config);
      listener.progress(ANNOTATIONS, 1, 1);

      if (Files.exists(outDir)) {
        Files.delete(outDir);
      }
      Files.move(work, outDir, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      int captions = images.stream().mapToInt(item -> item.captions().size()).sum();
      int sentences = clips.stream().mapToInt(item -> item.captions().size()).sum();
      SynthSummary summary =
          new SynthSummary(
              outDir,
              imageSplits,
              captions,
              config.captions(),
              videoSplits,
              sentences,
              imageTime,
              videoTime,
              Duration.ofNanos(System.nanoTime() - begin));
      LOG.info(
          "ShapesWorld: {} images ({} {} captions) and {} clips ({} sentences) in {} s, seed {},"
              + " into {}",
          imageSplits.total(),
          captions,
          config.captions().id(),
          videoSplits.total(),
          sentences,
          summary.elapsed().toMillis() / 1000.0,
          config.seed(),
          outDir);
      return summary;
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
      if (!done) {
        deleteTree(work);
      }
    }
  }

  private AnnotationWriter.ImageItem image(Path work, int index) throws IOException {
    SplittableRandom random = random(IMAGE_STREAM, index);
    int side = config.size();
    Scene scene = SceneSampler.image(random.split(), side);
    SplittableRandom paint = random.split();
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    Backdrops.Kind background = Backdrops.paint(image, paint);
    SceneRenderer.tinted(SceneSampler.MAX_OBJECTS, paint).draw(image, scene);
    Backdrops.addNoise(image, paint);

    int id = index + 1;
    SplitCounts.Split split = imageSplits.splitOf(index);
    String fileName = String.format("%s/shapes_%s_%06d.png", split.coco(), split.coco(), id);
    Path file = work.resolve("images").resolve(fileName);
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("this Java has no PNG writer, cannot write " + file);
    }

    List<AnnotationWriter.MaskRecord> masks = new ArrayList<>();
    for (Masks.ObjectMask mask : Masks.of(scene)) {
      masks.add(
          new AnnotationWriter.MaskRecord(
              mask.shapeArea(), mask.visibleArea(), Masks.rle(mask.visible(), side, side)));
    }
    List<LinkedCaption> captions =
        switch (config.captions()) {
          case VARIED -> ImageCaptioner.captions(scene, random.split());
          case CANONICAL -> CanonicalCaptioner.captions(scene, random.split());
        };
    return new AnnotationWriter.ImageItem(id, split, fileName, background, scene, masks, captions);
  }

  private AnnotationWriter.ClipItem clip(Path work, int index) throws IOException {
    SplittableRandom random = random(CLIP_STREAM, index);
    int side = config.size();
    Clip clip = SceneSampler.clip(random.split(), side, FPS);
    SplittableRandom paint = random.split();
    BufferedImage background = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    Backdrops.Kind kind = Backdrops.paint(background, paint);
    Backdrops.addNoise(background, paint);
    SceneRenderer renderer = SceneRenderer.tinted(clip.objects().size(), paint);
    AnnotationWriter.ClipItem item =
        new AnnotationWriter.ClipItem(
            index,
            videoSplits.splitOf(index),
            kind,
            clip,
            ClipCaptioner.captions(clip, random.split()));
    ClipEncoder.write(clip, background, renderer, work.resolve("videos").resolve(item.fileName()));
    return item;
  }

  /** The random stream of item {@code index} of a stream, independent of every other item. */
  private SplittableRandom random(long stream, long index) {
    long z = config.seed() * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** Makes one item. */
  @FunctionalInterface
  private interface ItemMaker<T> {
    T make(int index) throws IOException;
  }

  /** Makes items 0..count-1 on the pool; results in index order, whatever the thread timing. */
  private static <T> List<T> runAll(
      ExecutorService pool, String stage, int count, ItemMaker<T> maker, ProgressListener listener)
      throws IOException {
    List<Future<T>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> maker.make(index)));
    }
    List<T> results = new ArrayList<>(count);
    int every = Math.max(1, count / 100);
    listener.progress(stage, 0, count);
    try {
      for (int i = 0; i < count; i++) {
        results.add(futures.get(i).get());
        if ((i + 1) % every == 0 || i + 1 == count) {
          listener.progress(stage, i + 1, count);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("ShapesWorld generation was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    } finally {
      futures.forEach(f -> f.cancel(true));
    }
    return results;
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
        LOG.warn("ShapesWorld workers are slow to stop");
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove the unfinished ShapesWorld folder {}: {}", root, e.getMessage());
    }
  }
}
