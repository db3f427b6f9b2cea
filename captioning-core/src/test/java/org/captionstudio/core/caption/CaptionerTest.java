package org.captionstudio.core.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.EncoderInfo;
import org.captionstudio.core.ImageEncoder;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.bundle.DomainProfile;
import org.captionstudio.core.bundle.ModelBundle;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.SamplingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionerTest {
  @TempDir static Path dir;
  static ModelBundle model;

  /**
   * An encoder for "images" that are text files of 20 numbers: a 2×2 grid of 5-dim features over a
   * 64×32 picture. Any other content is a damaged file. The count of encode calls shows batching.
   */
  static final class TextGridEncoder implements ImageEncoder {
    int calls;

    @Override
    public EncoderInfo info() {
      return new EncoderInfo("toy-grid", 32, 2, 2, 5, "text grids");
    }

    @Override
    public List<EncodedImage> encode(List<Path> images) throws CaptioningException {
      calls++;
      List<EncodedImage> out = new ArrayList<>();
      for (Path p : images) {
        float[] values;
        try {
          String[] parts = Files.readString(p).trim().split("\\s+");
          values = new float[parts.length];
          for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
          }
        } catch (IOException | NumberFormatException e) {
          throw new MediaDecodeException("The image " + p.getFileName() + " is damaged.");
        }
        if (values.length != 20) {
          throw new MediaDecodeException("The image " + p.getFileName() + " is damaged.");
        }
        double[] boxes = {16, 0, 16, 16, 32, 0, 16, 16, 16, 16, 16, 16, 32, 16, 16, 16};
        out.add(new EncodedImage(p.toString(), values, boxes, 64, 32, List.of()));
      }
      return out;
    }

    @Override
    public void close() {}
  }

  @BeforeAll
  static void load() throws Exception {
    model =
        ModelBundle.read(Path.of(CaptionerTest.class.getResource("/bundles/v1-lstm.zip").toURI()));
  }

  private static Path image(String name, double shift) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      s.append(Math.sin(i + 1) + shift).append(' ');
    }
    return Files.writeString(dir.resolve(name), s);
  }

  private static CaptionOptions beam(int k, int n, int batch) {
    return new CaptionOptions(
        CaptionOptions.Strategy.BEAM,
        new BeamSearchConfig(k, 6, 0, n),
        SamplingConfig.defaults(),
        batch);
  }

  @Test
  void aDamagedFileFailsAloneAndTheBatchGoesOnInOrder() throws Exception {
    Path a = image("a.txt", 0);
    Path bad = Files.writeString(dir.resolve("bad.txt"), "not an image");
    Path c = image("c.txt", 0.5);
    TextGridEncoder encoder = new TextGridEncoder();
    List<CaptionResult> results =
        new Captioner(encoder, model).caption(List.of(a, bad, c), beam(3, 3, 8));
    assertEquals(List.of(a, bad, c), results.stream().map(CaptionResult::file).toList());
    assertTrue(results.get(0).ok() && results.get(2).ok());
    assertFalse(results.get(1).ok());
    assertEquals("The image bad.txt is damaged.", results.get(1).error());
    assertNull(results.get(1).caption());

    CaptionResult first = results.get(0);
    // The same numbers the committed bundle's own test pins: the n best, sorted and distinct.
    assertEquals("red red red red red red", first.caption());
    assertEquals(-14.472253322601318, first.logProbability(), 1e-4);
    assertEquals(3, first.nBest().size());
    assertTrue(first.nBest().get(0).logProbability() >= first.nBest().get(1).logProbability());
    assertEquals("Red red red red red red.", first.nBest().get(0).sentence());
    assertEquals(
        List.of("The caption did not end within 6 words and is cut off there."), first.warnings());
    // One map per generated token, on the picture's own coordinates.
    assertEquals(6, first.attention().size());
    for (AttentionMap m : first.attention()) {
      assertEquals("red", m.word());
      double sum = 0;
      for (float w : m.weights()) {
        sum += w;
      }
      assertEquals(1.0, sum, 1e-5);
      assertEquals(64, m.imageWidth());
      assertEquals(4, Arrays.stream(m.peakBox()).count());
    }
    assertTrue(first.timings().encodeMillis() >= 0 && first.timings().searchMillis() > 0);
  }

  @Test
  void greedyGivesOneCaptionAndSamplingDistinctOnes() throws Exception {
    Path a = image("g.txt", 0.2);
    Captioner captioner = new Captioner(new TextGridEncoder(), model);
    CaptionResult greedy =
        captioner
            .caption(
                List.of(a),
                new CaptionOptions(
                    CaptionOptions.Strategy.GREEDY,
                    new BeamSearchConfig(3, 6, 0, 3),
                    SamplingConfig.defaults(),
                    4))
            .get(0);
    assertEquals(1, greedy.nBest().size());
    CaptionResult sampled =
        captioner
            .caption(
                List.of(a),
                new CaptionOptions(
                    CaptionOptions.Strategy.SAMPLE,
                    new BeamSearchConfig(5, 6, 0, 5),
                    new SamplingConfig(2.0, 0, 6, 3),
                    4))
            .get(0);
    assertTrue(sampled.nBest().size() > 1, "five draws at T=2 give several captions");
    assertEquals(
        sampled.nBest().size(),
        sampled.nBest().stream().map(CaptionResult.Candidate::text).distinct().count());
    for (int i = 1; i < sampled.nBest().size(); i++) {
      assertTrue(
          sampled.nBest().get(i - 1).logProbability() >= sampled.nBest().get(i).logProbability());
    }
  }

  @Test
  void filesGoInBatchesAndCancellingStopsBetweenThem() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      files.add(image("b" + i + ".txt", i / 10.0));
    }
    TextGridEncoder encoder = new TextGridEncoder();
    Cancellation cancel = new Cancellation();
    List<CaptionResult> seen = new ArrayList<>();
    new Captioner(encoder, model)
        .caption(
            files,
            beam(2, 1, 2),
            r -> {
              seen.add(r);
              cancel.cancel();
            },
            cancel);
    assertEquals(1, encoder.calls, "the batch in progress finishes, no other starts");
    assertEquals(2, seen.size());
  }

  @Test
  void picturesUnlikeTheTrainingDataAndUnsureCaptionsAreFlagged() throws Exception {
    float[][] training = new float[50][];
    for (int i = 0; i < training.length; i++) {
      training[i] = new float[20];
      for (int j = 0; j < 20; j++) {
        training[i][j] = (float) (Math.sin(j + 1) + 0.01 * Math.cos(7 * i + j));
      }
    }
    ModelBundle profiled =
        new ModelBundle(
            ModelBundle.manifest(
                model.manifest().decoder(),
                model.manifest().encoder(),
                Map.of("dataset", "toy grids", "trainImages", "50"),
                Map.of(),
                DomainProfile.of(50, 4, 5, i -> training[i], -0.5)),
            model.vocabulary(),
            model.parameters(),
            Optional.empty());
    Captioner captioner = new Captioner(new TextGridEncoder(), profiled);
    List<CaptionResult> r =
        captioner.caption(List.of(image("in.txt", 0), image("out.txt", 3)), beam(3, 1, 4));
    assertEquals(
        List.of(
            "This picture is unlike the images the model was trained on (toy grids, 50 images),"
                + " so the caption is likely wrong."),
        r.get(1).warnings().stream().filter(w -> w.startsWith("This picture")).toList());
    assertTrue(r.get(0).warnings().stream().noneMatch(w -> w.startsWith("This picture")));
    // The untrained toy model scores about -2.4 per word, below the -0.5 limit.
    assertTrue(
        r.get(0).warnings().stream().anyMatch(w -> w.startsWith("The model is unsure")),
        r.get(0).warnings().toString());
  }
}
