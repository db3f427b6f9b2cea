package org.captionstudio.vision.video;

import static org.captionstudio.vision.testing.TestClips.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.vision.testing.TestClips;
import org.captionstudio.vision.testing.TestClips.Format;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BadVideoFilesTest {
  private static final int FPS = 10;
  private static final int FRAMES = 60; // 6 s

  @TempDir static Path dir;
  private final VideoSampler sampler = new VideoSampler();

  @BeforeAll
  static void quiet() {
    TestClips.quietFfmpeg();
  }

  @Test
  void aTextFileIsNotAVideo() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(40));

    assertRefused(file, "notes.mp4 is not a video Caption Studio can read");
  }

  @Test
  void randomBytesAreNotAVideo() throws IOException {
    byte[] noise = new byte[20_000];
    new Random(3).nextBytes(noise);

    assertRefused(Files.write(dir.resolve("noise.avi"), noise), "noise.avi is not a video");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    assertRefused(Files.write(dir.resolve("empty.mkv"), new byte[0]), "empty.mkv is empty.");
  }

  @Test
  void aMissingFileIsRefused() {
    assertRefused(dir.resolve("gone.mp4"), "gone.mp4 does not exist.");
  }

  @Test
  void audioOnlyFilesHaveNoVideo() throws IOException {
    Path wav = TestClips.audioOnly(dir.resolve("tone.wav"), "wav", avcodec.AV_CODEC_ID_PCM_S16LE);
    Path m4a = TestClips.audioOnly(dir.resolve("tone.m4a"), "mp4", avcodec.AV_CODEC_ID_AAC);

    assertRefused(wav, "tone.wav has no video stream: it holds only audio.");
    assertRefused(m4a, "tone.m4a has no video stream: it holds only audio.");
  }

  @Test
  void aStillImageIsNotAVideo() throws IOException {
    Path png = dir.resolve("still.png");
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png", png.toFile());

    assertRefused(png, "still.png is a still image, not a video");
  }

  @Test
  void aTruncatedMp4CannotBeOpenedAndSaysSo() throws IOException {
    Path whole = clip(Format.MP4_H264, "whole");
    Path cut = truncate(whole, "cut.mp4", 0.5);

    assertRefused(cut, "The MP4/QuickTime video cut.mp4 is damaged or incomplete");
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"MKV_H264", "WEBM_VP9", "AVI_MPEG4", "AVI_MJPEG"})
  void aTruncatedFileGivesItsFramesSpreadOverWhatRemains(Format format) throws Exception {
    Path cut = truncate(clip(format, "whole"), format.fileName("cut"), 0.6);
    String name = cut.getFileName().toString();

    SampledClip clip = sampler.sampleUniform(cut, 6, Cancellation.none());

    assertFalse(clip.isClean());
    String warning = String.join(" ", clip.warnings());
    assertTrue(
        warning.startsWith("The video " + name + " is damaged after 0:0")
            && warning.endsWith("; frames after that point are missing."),
        warning);
    List<SampledFrame> frames = clip.frames();
    assertEquals(6, frames.size(), "the frames asked for, from the part that decodes");
    double last = frames.get(frames.size() - 1).time();
    assertTrue(last < 4.5, "last frame at " + last + " s of a 6 s clip cut at 60%");
    assertTrue(frames.get(5).time() > frames.get(0).time());
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"MP4_H264", "MKV_H264", "WEBM_VP8", "AVI_MPEG4", "AVI_MJPEG"})
  void aFileCorruptedInTheMiddleGivesFramesOnBothSidesAndSaysWhere(Format format) throws Exception {
    Path whole =
        TestClips.write(dir.resolve(format.fileName("long")), format, 96, 64, FPS, 80, counter());
    Path bad = corrupt(whole, format.fileName("corrupt"));
    String name = bad.getFileName().toString();

    SampledClip clip = sampler.sampleUniform(bad, 10, Cancellation.none());

    assertFalse(clip.isClean(), "the damage is reported");
    String warnings = String.join(" ", clip.warnings());
    assertTrue(warnings.startsWith("The video " + name + " "), warnings);
    assertTrue(warnings.contains("damaged") || warnings.contains("decoding errors"), warnings);
    List<SampledFrame> frames = clip.frames();
    assertTrue(frames.get(0).time() < 1.0, "frames before the damage");
    assertTrue(
        frames.get(frames.size() - 1).time() > 6.5,
        "frames after the damage, of 8 s: " + frames.get(frames.size() - 1).time());
    if (!format.name().startsWith("AVI")) {
      // What is taken shows what its time says; frames predicted from lost pictures are not taken.
      // (FFmpeg's AVI demuxer can mislabel frame times after damage, so AVI is left out here.)
      for (SampledFrame frame : frames) {
        if (frame.image().isClean()) {
          assertEquals(
              (int) Math.round(frame.time() * FPS),
              TestClips.counterIndex(frame.image().rgb(), frame.image().width()),
              "the frame at " + frame.time() + " s");
        }
      }
    }
  }

  @Test
  void aFileWhoseEveryFrameIsDamagedIsRefused() throws IOException {
    Path whole = clip(Format.MKV_H264, "whole");
    byte[] bytes = Files.readAllBytes(whole);
    int cluster = indexOf(bytes, new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75}); // Matroska Cluster
    assertTrue(cluster > 0);
    Random random = new Random(5);
    for (int i = cluster + 4; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt();
    }
    Path ruined = Files.write(dir.resolve("ruined.mkv"), bytes);

    MediaDecodeException e =
        assertThrows(
            MediaDecodeException.class,
            () -> sampler.sampleUniform(ruined, 4, Cancellation.none()));
    assertOneSentenceNaming(e.getMessage(), "ruined.mkv");
  }

  @Test
  void aFolderWithoutImagesIsNotAClip() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("empty-folder"));
    Files.writeString(folder.resolve("readme.txt"), "no frames here");

    assertRefused(folder, "The folder empty-folder holds no frame images");
  }

  private void assertRefused(Path file, String expected) {
    MediaDecodeException e =
        assertThrows(
            MediaDecodeException.class, () -> sampler.sampleUniform(file, 4, Cancellation.none()));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertOneSentenceNaming(e.getMessage(), file.getFileName().toString());
    MediaDecodeException probe =
        assertThrows(MediaDecodeException.class, () -> sampler.probe(file, Cancellation.none()));
    assertEquals(e.getMessage(), probe.getMessage());
  }

  private static void assertOneSentenceNaming(String message, String name) {
    assertTrue(message.contains(name), message);
    assertTrue(message.endsWith("."), message);
    assertFalse(message.contains("\n"), message);
    for (String leak : List.of("Exception", "avformat", "error -", "null", "Exp$", "@")) {
      assertFalse(message.contains(leak), "'" + leak + "' in: " + message);
    }
  }

  private static Path clip(Format format, String stem) throws IOException {
    Path file = dir.resolve(format.fileName(stem));
    return Files.exists(file)
        ? file
        : TestClips.write(file, format, 96, 64, FPS, FRAMES, counter());
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int k = 0; k < pattern.length; k++) {
        if (bytes[i + k] != pattern[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Path truncate(Path file, String name, double keep) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return Files.write(dir.resolve(name), Arrays.copyOf(bytes, (int) (bytes.length * keep)));
  }

  /** Overwrites the middle tenth of the file with noise. */
  private static Path corrupt(Path file, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Random random = new Random(1);
    for (int i = bytes.length * 45 / 100; i < bytes.length * 55 / 100; i++) {
      bytes[i] = (byte) random.nextInt();
    }
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void cancellingBeforeReadingSaysCancelledNotDamaged() throws IOException {
    Cancellation cancel = new Cancellation();
    cancel.cancel();

    CaptioningException e =
        assertThrows(
            CaptioningException.class,
            () -> sampler.sampleUniform(clip(Format.MP4_H264, "whole"), 4, cancel));
    assertFalse(e instanceof MediaDecodeException, e.getMessage());
    assertEquals("Reading whole-mp4_h264.mp4 was cancelled.", e.getMessage());
  }
}
