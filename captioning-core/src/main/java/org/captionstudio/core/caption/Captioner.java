package org.captionstudio.core.caption;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ImageEncoder;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.bundle.DomainProfile;
import org.captionstudio.core.bundle.EncoderSpec;
import org.captionstudio.core.bundle.ModelBundle;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.GreedyDecoder;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.decode.Sampler;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Image files in; per file the caption, the n best with log-probabilities, attention maps on the
 * image, timings and warnings out. The app and the command line both caption through it.
 *
 * <p>Files go through the encoder and the decoder in batches. A file that cannot be decoded gets an
 * error result and the rest of its batch is captioned. Not thread-safe: one caller at a time.
 */
public final class Captioner {
  private final ImageEncoder encoder;
  private final ModelBundle bundle;
  private final AttentionDecoder decoder;
  private final DecoderParameters parameters;
  private final Vocabulary vocabulary;

  /**
   * @param encoder the image encoder the bundle was trained on (the caller closes it)
   * @param bundle the model
   */
  public Captioner(ImageEncoder encoder, ModelBundle bundle) {
    this.encoder = encoder;
    this.bundle = bundle;
    this.decoder = new AttentionDecoder(bundle.manifest().decoder());
    this.parameters = bundle.parameters();
    this.vocabulary = bundle.vocabulary();
  }

  /** Captions every file, in order. */
  public List<CaptionResult> caption(List<Path> files, CaptionOptions options)
      throws CaptioningException {
    List<CaptionResult> out = new ArrayList<>();
    caption(files, options, out::add, Cancellation.none());
    return out;
  }

  /**
   * Captions the files in order, handing each result to {@code sink} as soon as its batch is done.
   * Stops between batches when cancelled; the results handed over so far stand.
   *
   * @throws CaptioningException only for failures that are not one file's fault
   */
  public void caption(
      List<Path> files, CaptionOptions options, Consumer<CaptionResult> sink, Cancellation cancel)
      throws CaptioningException {
    for (int from = 0; from < files.size(); from += options.batchSize()) {
      if (cancel.isCancelled()) {
        return;
      }
      List<Path> batch = files.subList(from, Math.min(files.size(), from + options.batchSize()));
      long start = System.nanoTime();
      List<Encoding> encoded = encode(batch);
      double encodeMillis = (System.nanoTime() - start) / 1e6 / batch.size();
      List<EncodedImage> good = new ArrayList<>();
      for (Encoding e : encoded) {
        if (e.ok()) {
          good.add(e.image());
        }
      }
      List<CaptionResult> captioned = good.isEmpty() ? List.of() : captionEncoded(good, options);
      int next = 0;
      for (Encoding e : encoded) {
        if (!e.ok()) {
          sink.accept(
              CaptionResult.failed(
                  e.file(), e.error(), new CaptionResult.Timings(encodeMillis, 0)));
        } else {
          CaptionResult r = captioned.get(next++);
          sink.accept(
              new CaptionResult(
                  e.file(),
                  r.nBest(),
                  r.attention(),
                  new CaptionResult.Timings(encodeMillis, r.timings().searchMillis()),
                  r.warnings(),
                  null));
        }
      }
    }
  }

  /**
   * One file through the encoder: its features, or why it could not be decoded.
   *
   * @param file the file
   * @param image its features; null when it failed
   * @param error one sentence; null when it was encoded
   */
  public record Encoding(Path file, EncodedImage image, String error) {
    public boolean ok() {
      return image != null;
    }
  }

  /**
   * Encodes a batch; when a file in it cannot be decoded, encodes the files one by one so only the
   * bad ones fail.
   *
   * @throws CaptioningException only for failures that are not one file's fault
   */
  public List<Encoding> encode(List<Path> batch) throws CaptioningException {
    List<Encoding> out = new ArrayList<>();
    try {
      List<EncodedImage> images = encoder.encode(batch);
      for (int i = 0; i < batch.size(); i++) {
        out.add(new Encoding(batch.get(i), images.get(i), null));
      }
    } catch (MediaDecodeException batchFailed) {
      out.clear();
      for (Path file : batch) {
        try {
          out.add(new Encoding(file, encoder.encode(List.of(file)).get(0), null));
        } catch (MediaDecodeException e) {
          out.add(new Encoding(file, null, e.getMessage()));
        }
      }
    }
    return out;
  }

  /** Captions images already encoded (by the encoder this model was trained on). */
  public List<CaptionResult> captionEncoded(List<EncodedImage> images, CaptionOptions options) {
    long start = System.nanoTime();
    List<List<Hypothesis>> decoded = search(features(images), options);
    double searchMillis = (System.nanoTime() - start) / 1e6 / images.size();
    DomainProfile domain = bundle.manifest().domain();
    List<CaptionResult> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      EncodedImage image = images.get(i);
      List<Hypothesis> n = decoded.get(i);
      List<CaptionResult.Candidate> candidates = new ArrayList<>();
      for (Hypothesis h : n) {
        candidates.add(
            new CaptionResult.Candidate(
                vocabulary.decode(h.words()),
                h.logProbability(),
                h.wordLogProbabilities(),
                h.finished()));
      }
      List<String> warnings = new ArrayList<>(image.warnings());
      if (domain != null && domain.outOfDomain(image.regions())) {
        warnings.add(
            "This picture is unlike the images the model was trained on ("
                + trainedOn()
                + "), so the caption is likely wrong.");
      }
      Hypothesis best = n.get(0);
      if (!best.finished()) {
        warnings.add(
            "The caption did not end within "
                + best.words().length
                + " words and is cut off there.");
      }
      if (domain != null && best.meanLogProbability() < domain.confidenceLimit()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "The model is unsure of this caption (%.2f per word, where 98%% of its"
                    + " validation captions score above %.2f).",
                best.meanLogProbability(),
                domain.confidenceLimit()));
      }
      out.add(
          new CaptionResult(
              Path.of(image.source()),
              candidates,
              attention(best, image),
              new CaptionResult.Timings(0, searchMillis),
              warnings,
              null));
    }
    return out;
  }

  private List<List<Hypothesis>> search(INDArray features, CaptionOptions options) {
    return switch (options.strategy()) {
      case BEAM -> new BeamSearch(decoder, parameters).decode(features, options.beam());
      case GREEDY ->
          new GreedyDecoder(decoder, parameters)
              .decode(features, options.beam().maxWords()).stream().map(List::of).toList();
      case SAMPLE -> sample(features, options);
    };
  }

  /** {@code nBest} samples per image: the image's rows repeated, best log-probability first. */
  private List<List<Hypothesis>> sample(INDArray features, CaptionOptions options) {
    int images = (int) features.size(0);
    int n = options.nBest();
    int[] rows = new int[images * n];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i / n;
    }
    INDArray repeated = Nd4j.pullRows(features.reshape(images, -1), 1, rows);
    List<Hypothesis> drawn =
        new Sampler(decoder, parameters)
            .decode(
                repeated.reshape(rows.length, features.size(1), features.size(2)),
                new org.captionstudio.core.decode.SamplingConfig(
                    options.sampling().temperature(),
                    options.sampling().topK(),
                    options.beam().maxWords(),
                    options.sampling().seed()));
    List<List<Hypothesis>> out = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      List<Hypothesis> own = new ArrayList<>();
      for (Hypothesis h : drawn.subList(i * n, (i + 1) * n)) {
        if (own.stream().noneMatch(o -> java.util.Arrays.equals(o.words(), h.words()))) {
          own.add(h);
        }
      }
      own.sort(Comparator.comparingDouble(Hypothesis::logProbability).reversed());
      out.add(own);
    }
    return out;
  }

  private List<AttentionMap> attention(Hypothesis best, EncodedImage image) {
    EncoderSpec spec = bundle.manifest().encoder();
    float[][] weights = best.attention();
    int[] words = best.words();
    List<AttentionMap> maps = new ArrayList<>();
    for (int t = 0; t < weights.length; t++) {
      String word = t < words.length ? vocabulary.word(words[t]) : Vocabulary.END;
      maps.add(
          new AttentionMap(
              word,
              spec.gridHeight(),
              spec.gridWidth(),
              weights[t],
              image.cellBoxes(),
              image.width(),
              image.height()));
    }
    return maps;
  }

  private String trainedOn() {
    var p = bundle.manifest().provenance();
    String dataset = p.getOrDefault("dataset", "unknown data");
    String images = p.get("trainImages");
    return images == null ? dataset : dataset + ", " + images + " images";
  }

  /** {@code [n, L, D]}: the region features of n images encoded alike, stacked. */
  public static INDArray features(List<EncodedImage> images) {
    int n = images.size();
    int regions = images.get(0).regionCount();
    int dim = images.get(0).regions().length / regions;
    float[] all = new float[n * regions * dim];
    for (int i = 0; i < n; i++) {
      System.arraycopy(images.get(i).regions(), 0, all, i * regions * dim, regions * dim);
    }
    return Nd4j.createFromArray(all).reshape(n, regions, dim);
  }
}
