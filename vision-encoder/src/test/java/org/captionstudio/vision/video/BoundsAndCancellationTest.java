package org.captionstudio.vision.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.video.Segments;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.testing.TestClips;
import org.captionstudio.vision.testing.TestClips.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundsAndCancellationTest {

  @Test
  void cancellingStopsALongDecodePromptly(@TempDir Path dir) throws Exception {
    // 2,000 noisy 640×480 frames (one PNG, hard-linked): decoding them all takes many seconds.
    Path folder = Files.createDirectories(dir.resolve("long"));
    BufferedImage noise = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    Path first = folder.resolve("f0.png");
    ImageIO.write(noise, "png", first.toFile());
    for (int i = 1; i < 2000; i++) {
      Files.createLink(folder.resolve("f" + i + ".png"), first);
    }
    VideoSampler sampler = new VideoSampler();
    List<TimeRange> everyFrame = Segments.fixedWindows(2000 / 25.0, 1.0);
    Cancellation cancel = new Cancellation();

    CompletableFuture<SampledClip> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sampler.sampleSegments(folder, everyFrame, 25, cancel);
              } catch (CaptioningException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    Thread.sleep(300);
    assertFalse(run.isDone(), "the decode should still be running when cancelled");
    long cancelled = System.nanoTime();
    cancel.cancel();

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
    double seconds = (System.nanoTime() - cancelled) / 1e9;
    assertInstanceOf(CaptioningException.class, e.getCause());
    assertFalse(e.getCause() instanceof MediaDecodeException, "a cancel is not damage");
    assertEquals("Reading long was cancelled.", e.getCause().getMessage());
    assertTrue(seconds < 2, "stopped " + seconds + " s after the cancel");
  }

  @Test
  void theTimeLimitStopsFfmpegAndSaysSo(@TempDir Path dir) throws Exception {
    Path clip =
        TestClips.write(
            dir.resolve("clip.mp4"), Format.MP4_H264, 64, 48, 10, 40, TestClips.counter());
    VideoSampler hurried =
        new VideoSampler(VideoLimits.defaults().withTimeLimit(Duration.ofMillis(1)), 25);

    MediaDecodeException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    MediaDecodeException.class,
                    () -> hurried.detectShots(clip, ShotOptions.defaults(), Cancellation.none())));
    assertEquals(
        "Reading clip.mp4 took longer than its time limit (1 ms), so it was stopped.",
        e.getMessage());
  }

  @Test
  void aReadThatYieldsNoFrameForTooLongIsAbandoned(@TempDir Path dir) throws Exception {
    Path clip =
        TestClips.write(
            dir.resolve("slow.mkv"), Format.MKV_H264, 64, 48, 10, 20, TestClips.counter());
    new VideoSampler().probe(clip, Cancellation.none()); // natives loaded: opening takes ms
    DecodeGuard guard =
        new DecodeGuard(
            "slow.mkv",
            VideoLimits.defaults().withStallTimeout(Duration.ofMillis(300)),
            Cancellation.none());

    try (guard;
        FfmpegSource source = FfmpegSource.open(clip, "slow.mkv", VideoLimits.defaults(), guard)) {
      assertTrue(source.next() != null);
      Thread.sleep(600); // nothing arrives for longer than the stall timeout
      CaptioningException e = assertThrows(CaptioningException.class, source::next);
      assertEquals(
          "Reading slow.mkv yielded no frame for 300 ms, so it was abandoned; the file may be"
              + " damaged or the disk unresponsive.",
          e.getMessage());
    }
  }

  @Test
  void aTrippedGuardEndsTheInputAndClosesWhatABlockedReadWaitsOn(@TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("data.bin"), new byte[10_000]);
    Cancellation cancel = new Cancellation();
    try (DecodeGuard guard = new DecodeGuard("data.bin", VideoLimits.defaults(), cancel);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      GuardedInput input = new GuardedInput(channel, guard);
      guard.closeOnStop(input);
      byte[] buffer = new byte[4096];
      assertEquals(4096, input.read(buffer, 0, buffer.length));
      input.mark(0);
      assertEquals(5904, input.skip(Long.MAX_VALUE), "skip stops at the end");
      assertEquals(0, input.skip(10));

      cancel.cancel();

      assertEquals(-1, input.read(buffer, 0, buffer.length), "reads end once cancelled");
      assertFalse(channel.isOpen(), "the file is closed, so a blocked read would return");
      assertEquals(null, input.failure(), "a cancel is not a read error");
    }
  }

  @Test
  void aPassStopsAtTheFrameWhereItIsCancelledAndSeeksOverLongStretches() {
    Cancellation cancel = new Cancellation();
    FakeSource source = new FakeSource(10, 2000, cancel, 500); // 200 s at 10 fps
    List<FrameSampler.Target> targets =
        FrameSampler.plan(List.of(new TimeRange(0, 200)), 4); // 25, 75, 125, 175 s

    try (DecodeGuard guard = new DecodeGuard("fake", VideoLimits.defaults(), Cancellation.none())) {
      FrameSampler.Pass<Double> pass =
          assertDoesNotThrow(
              () ->
                  FrameSampler.run(
                      source, targets, 200, guard, new Damage(), SampledFrameTime::of));
      assertEquals(List.of(25.0, 75.0, 125.0, 175.0), pass.kept());
      assertTrue(source.pulled < 50, "frames decoded: " + source.pulled + " of 2000");
    }

    FakeSource cancelling = new FakeSource(10, 2000, cancel, 30);
    List<FrameSampler.Target> dense =
        FrameSampler.plan(Segments.fixedWindows(200, 1), 10); // every frame
    try (DecodeGuard guard = new DecodeGuard("fake", VideoLimits.defaults(), cancel)) {
      CaptioningException e =
          assertThrows(
              CaptioningException.class,
              () ->
                  FrameSampler.run(
                      cancelling, dense, 200, guard, new Damage(), SampledFrameTime::of));
      assertEquals("Reading fake was cancelled.", e.getMessage());
      assertEquals(30, cancelling.pulled, "no frame is decoded after the cancel");
    }
  }

  private static <T> T assertDoesNotThrow(ThrowingSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (CaptioningException e) {
      throw new AssertionError(e);
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws CaptioningException;
  }

  /** Keeps a frame's time. */
  private static final class SampledFrameTime {
    static Double of(FrameSource.SourceFrame frame) {
      return frame.time();
    }
  }

  /** Frames at a steady rate with nothing in them; cancels after {@code cancelAt} frames. */
  private static final class FakeSource implements FrameSource {
    private final double rate;
    private final int frames;
    private final Cancellation cancel;
    private final int cancelAt;
    private int index = -1;
    int pulled;

    FakeSource(double rate, int frames, Cancellation cancel, int cancelAt) {
      this.rate = rate;
      this.frames = frames;
      this.cancel = cancel;
      this.cancelAt = cancelAt;
    }

    @Override
    public ClipHeader header() {
      return new ClipHeader("fake", "none", 8, 8, rate, frames / rate);
    }

    @Override
    public SourceFrame next() {
      if (index + 1 >= frames) {
        return null;
      }
      index++;
      pulled++;
      if (pulled == cancelAt) {
        cancel.cancel();
      }
      double time = index / rate;
      return new SourceFrame() {
        @Override
        public double time() {
          return time;
        }

        @Override
        public boolean damaged() {
          return false;
        }

        @Override
        public boolean keyFrame() {
          return true;
        }

        @Override
        public DecodedImage image(int maxSide) {
          return DecodedImage.of("fake", "none", 1, 1, new byte[3], List.of());
        }

        @Override
        public byte[] thumbnail(int width, int height) {
          return new byte[width * height * 3];
        }
      };
    }

    @Override
    public boolean seek(double seconds) {
      index = (int) Math.ceil(seconds * rate - 1e-9) - 1;
      return true;
    }

    @Override
    public boolean seeksCheaply() {
      return true;
    }

    @Override
    public void close() {}
  }
}
