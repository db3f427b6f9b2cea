package org.captionstudio.vision.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.captionstudio.vision.testing.TestClips;
import org.captionstudio.vision.testing.TestClips.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShotDetectionTest {
  private static final int FPS = 12;
  private final VideoSampler sampler = new VideoSampler();
  private final ShotOptions options = ShotOptions.defaults();

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"MP4_H264", "WEBM_VP8", "AVI_MJPEG"})
  void hardCutsAreFoundWithinOneSamplingInterval(Format format, @TempDir Path dir)
      throws Exception {
    // Three scenes, cut at 2.0 s and 4.25 s (frames 24 and 51 at 12 fps), 6 s in all.
    Path clip =
        TestClips.write(
            dir.resolve(format.fileName("scenes")),
            format,
            96,
            64,
            FPS,
            72,
            TestClips.scenes(24, 51));

    ShotBoundaries shots = sampler.detectShots(clip, options, Cancellation.none());

    double interval = 1 / options.framesPerSecond();
    assertEquals(2, shots.cuts().size(), "cuts " + shots.cuts());
    assertEquals(2.0, shots.cuts().get(0), interval);
    assertEquals(4.25, shots.cuts().get(1), interval);
    assertTrue(shots.warnings().isEmpty(), shots.warnings().toString());
    List<TimeRange> segments = shots.shots();
    assertEquals(3, segments.size());
    assertEquals(0, segments.get(0).start());
    assertEquals(shots.info().duration(), segments.get(2).end(), 1e-9);
  }

  @Test
  void aSmoothClipHasNoCut(@TempDir Path dir) throws Exception {
    Path clip =
        TestClips.write(
            dir.resolve("smooth.mp4"), Format.MP4_H264, 96, 64, FPS, 72, TestClips.smooth(72));

    ShotBoundaries shots = sampler.detectShots(clip, options, Cancellation.none());

    assertEquals(List.of(), shots.cuts());
    assertEquals(List.of(new TimeRange(0, shots.info().duration())), shots.shots());
    assertEquals(3, shots.segments(2.5).size(), "a long shot splits into equal parts");
  }

  @Test
  void shapesWorldClipsWhereObjectsMoveGrowAndChangeHaveNoCut(@TempDir Path dir)
      throws IOException, CaptioningException {
    ShapesWorld.generate(
        new SynthConfig(4, 6, 11, 128, 0, 0), dir.resolve("shapes"), ProgressListener.NONE);
    List<Path> clips;
    try (Stream<Path> files = Files.list(dir.resolve("shapes").resolve(ShapesWorld.VIDEOS))) {
      clips = files.sorted().toList();
    }
    assertEquals(6, clips.size());

    for (Path clip : clips) {
      ShotBoundaries shots = sampler.detectShots(clip, options, Cancellation.none());
      assertEquals(List.of(), shots.cuts(), clip.getFileName().toString());
    }
  }

  @Test
  void aFlashGivesOneCutAndSteadyMotionNone() {
    // 8 fps for 6 s: a pan (every frame differs a little), a flash at 2 s, a cut at 4 s.
    List<byte[]> frames = new ArrayList<>();
    double[] times = new double[48];
    for (int i = 0; i < 48; i++) {
      times[i] = i / 8.0;
      byte[] frame = new byte[32 * 18 * 3];
      for (int p = 0; p < frame.length; p++) {
        int x = p / 3 % 32;
        frame[p] = (byte) (i < 32 ? 60 + (x * 4 + i * 3) % 80 : 200 - x * 2);
      }
      if (i == 16) {
        Arrays.fill(frame, (byte) 255);
      }
      frames.add(frame);
    }

    List<Double> cuts = ShotDetector.cuts(times, frames, 8, options);

    assertEquals(2, cuts.size(), cuts.toString());
    assertTrue(cuts.get(0) == 2.0 || cuts.get(0) == 2.125, "one cut at the flash: " + cuts);
    assertEquals(4.0, cuts.get(1));
  }
}
