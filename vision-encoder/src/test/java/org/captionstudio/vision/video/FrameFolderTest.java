package org.captionstudio.vision.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.vision.testing.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameFolderTest {
  private static final int FRAMES = 30;

  @Test
  void aFolderOfFramesIsAClipInNumberOrderAtTheGivenRate(@TempDir Path dir) throws Exception {
    Path folder = frames(dir.resolve("walk"), TestClips.counter());
    Files.write(folder.resolve(".thumbs.png"), new byte[] {1, 2, 3});
    Files.writeString(folder.resolve("notes.txt"), "not a frame");
    VideoSampler sampler = new VideoSampler(VideoLimits.defaults(), 10);

    SampledClip clip = sampler.sampleUniform(folder, 5, Cancellation.none());

    VideoInfo info = clip.info();
    assertEquals("walk", info.source());
    assertEquals("frame folder", info.format());
    assertEquals(10, info.frameRate());
    assertEquals(3.0, info.duration(), 1e-9);
    assertEquals(96, info.width());
    assertTrue(clip.isClean(), clip.warnings().toString());
    List<SampledFrame> frames = clip.frames();
    assertEquals(5, frames.size());
    for (int i = 0; i < 5; i++) {
      double target = (i + 0.5) * 0.6;
      SampledFrame frame = frames.get(i);
      assertEquals(Math.floor(target * 10 + 1e-9) / 10, frame.time(), 1e-9);
      // frame2 must come before frame10: name order compares the numbers
      assertEquals(
          (int) Math.round(frame.time() * 10),
          TestClips.counterIndex(frame.image().rgb(), frame.image().width()));
    }
  }

  @Test
  void theDefaultRateIs25FramesASecond(@TempDir Path dir) throws Exception {
    Path folder = frames(dir.resolve("clip"), TestClips.counter());

    VideoInfo info = new VideoSampler().probe(folder, Cancellation.none());

    assertEquals(VideoSampler.DEFAULT_FOLDER_FRAME_RATE, info.frameRate());
    assertEquals(FRAMES / 25.0, info.duration(), 1e-9);
  }

  @Test
  void anUnreadableFrameIsSkippedWithAWarning(@TempDir Path dir) throws Exception {
    Path folder = frames(dir.resolve("damaged"), TestClips.counter());
    Files.writeString(folder.resolve("frame9.png"), "this is no PNG");
    VideoSampler sampler = new VideoSampler(VideoLimits.defaults(), 10);

    SampledClip clip =
        sampler.sampleSegments(folder, List.of(new TimeRange(0.8, 1.2)), 2, Cancellation.none());

    List<SampledFrame> frames = clip.frames();
    assertEquals(2, frames.size());
    assertEquals(1.0, frames.get(0).time(), 1e-9, "the next frame stands in for frame 9");
    assertEquals(1.1, frames.get(1).time(), 1e-9);
    assertEquals(1, clip.warnings().size(), clip.warnings().toString());
    assertTrue(clip.warnings().get(0).contains("frame9.png"), clip.warnings().get(0));
  }

  @Test
  void cutsAreFoundInAFrameFolderToo(@TempDir Path dir) throws IOException, CaptioningException {
    Path folder = frames(dir.resolve("scenes"), TestClips.scenes(15));
    VideoSampler sampler = new VideoSampler(VideoLimits.defaults(), 10);

    ShotBoundaries shots = sampler.detectShots(folder, ShotOptions.defaults(), Cancellation.none());

    assertEquals(1, shots.cuts().size(), shots.cuts().toString());
    assertEquals(1.5, shots.cuts().get(0), 1 / 8.0);
  }

  @Test
  void namesCompareTheirNumbersByValue() {
    List<String> names =
        new ArrayList<>(
            List.of("frame10.png", "frame2.png", "Frame1.png", "frame002b.png", "a.png"));
    names.sort(FolderSource::compareNatural);
    assertEquals(
        List.of("a.png", "Frame1.png", "frame2.png", "frame002b.png", "frame10.png"), names);
  }

  /** {@value #FRAMES} PNG frames named frame0.png … frame29.png. */
  private static Path frames(Path folder, TestClips.Painter painter) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < FRAMES; i++) {
      BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = image.createGraphics();
      painter.paint(g, i, 96, 64);
      g.dispose();
      ImageIO.write(image, "png", folder.resolve("frame" + i + ".png").toFile());
    }
    return folder;
  }
}
