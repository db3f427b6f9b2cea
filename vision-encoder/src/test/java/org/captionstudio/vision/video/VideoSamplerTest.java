package org.captionstudio.vision.video;

import static org.captionstudio.vision.testing.TestClips.counter;
import static org.captionstudio.vision.testing.TestClips.counterIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.testing.TestClips;
import org.captionstudio.vision.testing.TestClips.Format;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VideoSamplerTest {
  private static final int FPS = 12;
  private static final int FRAMES = 48; // 4 s
  private static final int WIDTH = 96;
  private static final int HEIGHT = 64;

  @TempDir static Path dir;
  private static final Map<Format, Path> CLIPS = new EnumMap<>(Format.class);
  private final VideoSampler sampler = new VideoSampler();

  @BeforeAll
  static void writeClips() throws IOException {
    for (Format format : Format.values()) {
      CLIPS.put(
          format,
          TestClips.write(
              dir.resolve(format.fileName("counter")),
              format,
              WIDTH,
              HEIGHT,
              FPS,
              FRAMES,
              counter()));
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatGivesUniformFramesShownAtTheirTimes(Format format) throws CaptioningException {
    SampledClip clip = sampler.sampleUniform(CLIPS.get(format), 8, Cancellation.none());

    VideoInfo info = clip.info();
    assertEquals(format.codecName(), info.codec());
    assertEquals(WIDTH, info.width());
    assertEquals(HEIGHT, info.height());
    assertEquals(FPS, info.frameRate(), 1e-6);
    assertEquals(4.0, info.duration(), 0.05);
    assertTrue(clip.isClean(), clip.warnings().toString());
    assertEquals(1, clip.segments().size());
    List<SampledFrame> frames = clip.frames();
    assertEquals(8, frames.size());
    for (int i = 0; i < 8; i++) {
      double target = (i + 0.5) * 4.0 / 8;
      SampledFrame frame = frames.get(i);
      assertTrue(
          frame.time() <= target + 1e-6 && frame.time() > target - 1.0 / FPS,
          "frame " + i + " at " + frame.time() + " s is not the one shown at " + target + " s");
      assertShows(frame, format.name());
    }
  }

  @Test
  void segmentsGetTheirOwnFramesFromWithinThem() throws CaptioningException {
    List<TimeRange> segments =
        List.of(new TimeRange(0, 1), new TimeRange(1, 2.5), new TimeRange(2.5, 4));

    SampledClip clip =
        sampler.sampleSegments(CLIPS.get(Format.MP4_H264), segments, 3, Cancellation.none());

    assertEquals(3, clip.segments().size());
    for (SampledSegment segment : clip.segments()) {
      assertEquals(3, segment.frames().size(), segment.range().toString());
      double previous = -1;
      for (SampledFrame frame : segment.frames()) {
        assertTrue(
            frame.time() > segment.range().start() - 1.0 / FPS
                && frame.time() < segment.range().end(),
            frame.time() + " s outside " + segment.range());
        assertTrue(frame.time() > previous, "frames in time order");
        previous = frame.time();
        assertShows(frame, segment.range().toString());
      }
    }
  }

  @Test
  void segmentsPastTheEndGetNoFramesAndAWarning() throws CaptioningException {
    SampledClip clip =
        sampler.sampleSegments(
            CLIPS.get(Format.MP4_H264),
            List.of(new TimeRange(3, 4), new TimeRange(10, 12)),
            2,
            Cancellation.none());

    assertEquals(2, clip.segments().get(0).frames().size());
    assertEquals(0, clip.segments().get(1).frames().size());
    assertEquals(1, clip.warnings().size(), clip.warnings().toString());
    assertTrue(clip.warnings().get(0).contains("after the end of"), clip.warnings().get(0));
  }

  @Test
  void farApartFramesOfALongClipAreReachedBySeekingAndAreStillExact(@TempDir Path here)
      throws Exception {
    Path clip =
        TestClips.write(here.resolve("long.mp4"), Format.MP4_H264, 64, 48, 5, 200, counter());

    SampledClip sampled = sampler.sampleUniform(clip, 4, Cancellation.none());

    assertEquals(40.0, sampled.info().duration(), 0.1);
    List<SampledFrame> frames = sampled.frames();
    for (int i = 0; i < 4; i++) {
      double target = 5 + 10 * i;
      assertEquals(target, frames.get(i).time(), 1e-6);
      DecodedImage image = frames.get(i).image();
      assertEquals(
          (int) Math.round(target * 5) % 256,
          counterIndex(image.rgb(), image.width()),
          "frame at " + target + " s");
    }
  }

  @Test
  void framesAreUprightWhenTheFileSaysItIsTurned(@TempDir Path here) throws Exception {
    // Red in the stored top-left corner; turned 90° clockwise it shows at the top right.
    Path clip =
        TestClips.write(
            here.resolve("portrait.mp4"),
            Format.MP4_H264,
            64,
            32,
            10,
            10,
            (g, index, width, height) -> {
              g.setColor(Color.RED);
              g.fillRect(0, 0, 16, 16);
            });
    TestClips.rotateMp4(clip, 90);

    SampledClip sampled = sampler.sampleUniform(clip, 1, Cancellation.none());

    assertEquals(32, sampled.info().width());
    assertEquals(64, sampled.info().height());
    DecodedImage image = sampled.frames().get(0).image();
    assertEquals(32, image.width());
    assertEquals(64, image.height());
    assertTrue(isRed(image.rgbAt(28, 4)), Integer.toHexString(image.rgbAt(28, 4)));
    assertTrue(!isRed(image.rgbAt(4, 4)), Integer.toHexString(image.rgbAt(4, 4)));
    assertTrue(!isRed(image.rgbAt(28, 60)), Integer.toHexString(image.rgbAt(28, 60)));
  }

  @Test
  void widePixelsAreShownAtTheirDisplayedWidth(@TempDir Path here) throws Exception {
    Path clip =
        TestClips.write(
            here.resolve("anamorphic.mp4"), Format.MP4_H264, 64, 32, 10, 10, 2.0, counter());

    SampledClip sampled = sampler.sampleUniform(clip, 1, Cancellation.none());

    assertEquals(128, sampled.info().width());
    assertEquals(128, sampled.frames().get(0).image().width());
    assertEquals(32, sampled.frames().get(0).image().height());
  }

  @Test
  void largeFramesAreScaledDownToTheLimit() throws CaptioningException {
    VideoSampler small =
        new VideoSampler(
            new VideoLimits(
                40_000_000L,
                48,
                86_400,
                100,
                java.time.Duration.ofMinutes(1),
                java.time.Duration.ofSeconds(30)),
            25);

    DecodedImage image =
        small
            .sampleUniform(CLIPS.get(Format.MKV_H264), 1, Cancellation.none())
            .frames()
            .get(0)
            .image();

    assertEquals(48, image.width());
    assertEquals(32, image.height());
  }

  @Test
  void probeReadsTheHeaderOnly() throws CaptioningException {
    VideoInfo info = sampler.probe(CLIPS.get(Format.WEBM_VP9), Cancellation.none());

    assertEquals(Format.WEBM_VP9.fileName("counter"), info.source());
    assertTrue(info.format().contains("webm"), info.format());
    assertEquals(4.0, info.duration(), 0.05);
  }

  /** The frame's pixels show the frame number its time says. */
  private static void assertShows(SampledFrame frame, String what) {
    DecodedImage image = frame.image();
    int expected = (int) Math.round(frame.time() * FPS);
    assertEquals(
        expected,
        counterIndex(image.rgb(), image.width()),
        what + ": the frame at " + frame.time() + " s shows another frame number");
  }

  private static boolean isRed(int rgb) {
    return (rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) < 80 && (rgb & 0xFF) < 80;
  }
}
