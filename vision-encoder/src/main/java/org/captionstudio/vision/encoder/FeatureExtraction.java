package org.captionstudio.vision.encoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.features.FeatureStoreHeader;
import org.captionstudio.core.features.FeatureStoreWriter;
import org.captionstudio.core.features.Precision;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;

/**
 * Extracts the region features of a list of images into a feature store once, for training.
 *
 * <ul>
 *   <li>Images are decoded on worker threads, a batch ahead, while the CNN runs on the current
 *       batch, so decoding hides behind the forward pass.
 *   <li>The store commits whole chunks; after a crash or a cancel, running again resumes after the
 *       last committed chunk and skips the images already stored.
 *   <li>A damaged image is skipped and reported, not stored.
 * </ul>
 */
public final class FeatureExtraction {
  private FeatureExtraction() {}

  /** An image to extract: the id the store keys it by and its file. */
  public record Item(String id, Path file) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * What an extraction did.
   *
   * @param extracted images encoded in this run
   * @param reused images already in the store from an earlier run
   * @param skipped one sentence per image that could not be decoded
   * @param seconds wall-clock time of this run
   */
  public record Report(int extracted, int reused, List<String> skipped, double seconds) {
    public Report {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * What an item's file is: how it becomes pictures for the CNN, and how their encodings become the
   * stored vector.
   */
  public interface Media {
    /** The plural noun for messages: "images", "clips". */
    String noun();

    /** The stored grid's height and width for this encoder. */
    int[] grid(EncoderInfo encoder);

    /** Decodes one item into the pictures the CNN sees. */
    List<DecodedImage> decode(Path file) throws CaptioningException;

    /** The stored values of one item, from the encodings of its pictures. */
    float[] combine(List<EncodedImage> encoded);
  }

  /** Each item is one image; its region grid is stored. */
  public static final Media IMAGES =
      new Media() {
        private final ImageDecoder decoder = new ImageDecoder();

        @Override
        public String noun() {
          return "images";
        }

        @Override
        public int[] grid(EncoderInfo encoder) {
          return new int[] {encoder.gridHeight(), encoder.gridWidth()};
        }

        @Override
        public List<DecodedImage> decode(Path file) throws CaptioningException {
          return List.of(decoder.decode(file));
        }

        @Override
        public float[] combine(List<EncodedImage> encoded) {
          return encoded.get(0).regions();
        }
      };

  /**
   * Each item is a video clip (or a folder of frames): {@code frames} frames sampled uniformly,
   * each pooled over the CNN's grid to one D-vector, stored in time order as a 1×frames grid, the
   * memory an S2VT decoder reads. A clip that yields fewer frames (damage) repeats its last one.
   */
  public static Media videoFrames(org.captionstudio.vision.video.VideoSampler sampler, int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be >= 1, got " + frames);
    }
    return new Media() {
      @Override
      public String noun() {
        return "clips";
      }

      @Override
      public int[] grid(EncoderInfo encoder) {
        return new int[] {1, frames};
      }

      @Override
      public List<DecodedImage> decode(Path file) throws CaptioningException {
        List<DecodedImage> out = new ArrayList<>();
        for (var frame : sampler.sampleUniform(file, frames, Cancellation.none()).frames()) {
          out.add(frame.image());
        }
        if (out.isEmpty()) {
          throw new org.captionstudio.core.MediaDecodeException(
              "No frame of " + file.getFileName() + " could be decoded.");
        }
        return exactly(out, frames);
      }

      @Override
      public float[] combine(List<EncodedImage> encoded) {
        int dim = encoded.get(0).regions().length / encoded.get(0).regionCount();
        float[] out = new float[encoded.size() * dim];
        for (int f = 0; f < encoded.size(); f++) {
          float[] pooled = pooled(encoded.get(f));
          System.arraycopy(pooled, 0, out, f * dim, dim);
        }
        return out;
      }
    };
  }

  /**
   * Exactly {@code count} frames of a clip: the first {@code count}, or, when damage left fewer,
   * all of them with the last repeated. Training and describing sample clips the same way.
   */
  public static List<DecodedImage> exactly(List<DecodedImage> frames, int count) {
    if (frames.isEmpty()) {
      return frames;
    }
    List<DecodedImage> out = new ArrayList<>(frames.subList(0, Math.min(count, frames.size())));
    while (out.size() < count) {
      out.add(out.get(out.size() - 1));
    }
    return out;
  }

  /** The mean of an encoding's region vectors. */
  public static float[] pooled(EncodedImage e) {
    int regions = e.regionCount();
    int dim = e.regions().length / regions;
    float[] out = new float[dim];
    float[] v = e.regions();
    for (int r = 0; r < regions; r++) {
      for (int d = 0; d < dim; d++) {
        out[d] += v[r * dim + d];
      }
    }
    for (int d = 0; d < dim; d++) {
      out[d] /= regions;
    }
    return out;
  }

  /** An encoder that can take images another thread already decoded. */
  public interface BatchEncoder extends AutoCloseable {
    EncoderInfo info();

    List<EncodedImage> encodeDecoded(List<DecodedImage> images);

    @Override
    void close();
  }

  /**
   * A fingerprint of the items (ids and files, in order) and the encoder, stored in the header so
   * that a store is never reused for other data.
   */
  public static String datasetHash(List<Item> items, EncoderInfo encoder) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          (encoder.id() + "|" + encoder.inputSize() + "|" + encoder.featureDim() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      for (Item item : items) {
        sha.update(
            (item.id() + "\t" + item.file().getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  /**
   * Extracts {@code items} into the store at {@code storeDir}, creating it or resuming it.
   *
   * @throws CaptioningException when the store belongs to other data, cannot be written, or the run
   *     is cancelled (what was committed stays and resumes next time)
   */
  public static Report extract(
      List<Item> items,
      BatchEncoder encoder,
      Path storeDir,
      Precision precision,
      int batchSize,
      ProgressListener progress,
      Cancellation cancellation)
      throws CaptioningException {
    return extract(items, IMAGES, encoder, storeDir, precision, batchSize, progress, cancellation);
  }

  /**
   * Extracts {@code items} of a kind of media into the store at {@code storeDir}, creating it or
   * resuming it.
   *
   * @throws CaptioningException when the store belongs to other data, cannot be written, or the run
   *     is cancelled (what was committed stays and resumes next time)
   */
  public static Report extract(
      List<Item> items,
      Media media,
      BatchEncoder encoder,
      Path storeDir,
      Precision precision,
      int batchSize,
      ProgressListener progress,
      Cancellation cancellation)
      throws CaptioningException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    long start = System.nanoTime();
    EncoderInfo info = encoder.info();
    int[] grid = media.grid(info);
    FeatureStoreHeader header =
        FeatureStoreHeader.of(
                info.id(), grid[0], grid[1], info.featureDim(), precision, datasetHash(items, info))
            .withPlannedItems(items.size())
            .withProvenance(Map.of("encoder", info.description()));
    List<String> skipped = new ArrayList<>();
    int extracted = 0;
    int reused;
    ExecutorService decoders =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            runnable -> {
              Thread thread = new Thread(runnable, "feature-decode");
              thread.setDaemon(true);
              return thread;
            });
    FeatureStoreWriter store = FeatureStoreWriter.createOrResume(storeDir, header);
    boolean finished = false;
    try {
      List<Item> todo = new ArrayList<>();
      for (Item item : items) {
        if (!store.contains(item.id())) {
          todo.add(item);
        }
      }
      reused = items.size() - todo.size();
      String stage = "Extracting " + info.id() + " features";
      progress.progress(stage, reused, items.size());
      // Decode batch b+1 while the CNN runs on batch b.
      BlockingQueue<List<Future<Decoded>>> ahead = new ArrayBlockingQueue<>(2);
      int batches = (todo.size() + batchSize - 1) / batchSize;
      int submitted = 0;
      for (; submitted < Math.min(2, batches); submitted++) {
        ahead.add(submit(decoders, media, todo, submitted, batchSize));
      }
      for (int b = 0; b < batches; b++) {
        if (cancellation.isCancelled()) {
          throw new CaptioningException(
              "Feature extraction was cancelled after "
                  + (reused + extracted)
                  + " of "
                  + items.size()
                  + " "
                  + media.noun()
                  + "; run it again to resume.");
        }
        List<Future<Decoded>> pending = ahead.remove();
        if (submitted < batches) {
          ahead.add(submit(decoders, media, todo, submitted++, batchSize));
        }
        List<DecodedImage> images = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Future<Decoded> future : pending) {
          Decoded decoded = future.get();
          if (decoded.images() == null) {
            skipped.add(decoded.problem());
          } else {
            images.addAll(decoded.images());
            ids.add(decoded.id());
            counts.add(decoded.images().size());
          }
        }
        if (!images.isEmpty()) {
          List<EncodedImage> encoded = encoder.encodeDecoded(images);
          int at = 0;
          for (int i = 0; i < ids.size(); i++) {
            store.append(ids.get(i), media.combine(encoded.subList(at, at + counts.get(i))));
            at += counts.get(i);
          }
          extracted += ids.size();
        }
        progress.progress(stage, reused + extracted + skipped.size(), items.size());
      }
      finished = true;
    } catch (ExecutionException e) {
      throw new CaptioningException(
          "Feature extraction failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptioningException(
          "Feature extraction was interrupted; run it again to resume.", e);
    } finally {
      decoders.shutdownNow();
      // Only a finished run marks the store complete; anything else leaves it resumable.
      if (finished) {
        store.close();
      } else {
        store.closeIncomplete();
      }
    }
    return new Report(extracted, reused, skipped, (System.nanoTime() - start) / 1e9);
  }

  /** A decoded image, or why it could not be decoded. */
  private record Decoded(String id, List<DecodedImage> images, String problem) {}

  private static List<Future<Decoded>> submit(
      ExecutorService decoders, Media media, List<Item> todo, int batch, int batchSize) {
    List<Future<Decoded>> futures = new ArrayList<>();
    for (int i = batch * batchSize; i < Math.min(todo.size(), (batch + 1) * batchSize); i++) {
      Item item = todo.get(i);
      futures.add(
          decoders.submit(
              () -> {
                try {
                  return new Decoded(item.id(), media.decode(item.file()), null);
                } catch (CaptioningException e) {
                  return new Decoded(item.id(), null, e.getMessage());
                }
              }));
    }
    return futures;
  }
}
