package org.captionstudio.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.caption.CaptionOptions;
import org.captionstudio.core.caption.Captioner;
import org.captionstudio.vision.encoder.ShapesWorldEncoder;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;

/**
 * {@code caption-latency}: one ShapesWorld image, from its PNG file to its caption, with the
 * default model (beam 3, the 3 best), as {@code ./captionstudio caption} and the app run it. The
 * goal is under 100 ms. The parts are timed on their own too: PNG decoding, the CNN on the decoded
 * image, and the beam search on its features. There is no reference; {@code
 * -Dcaption-latency.model=FILE} times another bundle.
 */
public final class CaptionLatency implements Benchmark {

  @Override
  public String name() {
    return "caption-latency";
  }

  @Override
  public String description() {
    return "one 128 px ShapesWorld PNG to its caption with the default model, beam 3, n-best 3;"
        + " and the parts: PNG decoding, CNN, beam search";
  }

  @Override
  public Prepared prepare() throws Exception {
    String model = System.getProperty("caption-latency.model", DefaultModel.NAME);
    Path work = Files.createTempDirectory("caption-latency-bench");
    ShapesWorld.generate(
        new SynthConfig(1, 0, 11, 128, 0, 0), work.resolve("shapes"), ProgressListener.NONE);
    Path image;
    try (Stream<Path> files = Files.list(work.resolve("shapes/images/train"))) {
      image = files.findFirst().orElseThrow();
    }
    LoadedModel loaded = LoadedModel.load(model);
    Captioner captioner = loaded.captioner();
    CaptionOptions options = CaptionOptions.defaults();
    ImageDecoder decoder = new ImageDecoder();
    DecodedImage decoded = decoder.decode(image);
    List<EncodedImage> encoded = loaded.encode(List.of(image));
    Contestants decode = new Contestants("PNG decoding", 1, () -> decoder.decode(image), none());
    Contestants search =
        new Contestants("beam search", 1, () -> captioner.captionEncoded(encoded, options), none());
    Contestants whole =
        new Contestants(
            "file to caption", 1, () -> captioner.caption(List.of(image), options), none());
    List<Contestants> cases =
        loaded.encoder() instanceof ShapesWorldEncoder shapes
            ? List.of(
                decode,
                new Contestants("CNN", 1, () -> shapes.encodeDecoded(List.of(decoded)), none()),
                search,
                whole)
            : List.of(decode, search, whole);
    String caption = captioner.caption(List.of(image), options).get(0).caption();
    return new Prepared(
        cases,
        List.of(
            "model: " + loaded.source() + " (" + loaded.bundle().manifest().decoder() + ")",
            "image: " + image.getFileName() + " → \"" + caption + "\""),
        () -> {
          loaded.close();
          try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        });
  }

  private static Optional<Operation> none() {
    return Optional.empty();
  }
}
