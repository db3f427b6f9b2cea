package org.captionstudio.vision.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.core.video.Timestamps;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.video.FrameSampler.Pass;
import org.captionstudio.vision.video.FrameSampler.Target;
import org.captionstudio.vision.video.FrameSource.SourceFrame;

/**
 * Takes frames from clips: any video FFmpeg reads (MP4, MOV, MKV, WebM, AVI, …), or a folder of
 * frame images taken in name order at a given frame rate.
 *
 * <ul>
 *   <li>{@link #sampleUniform}: N frames spread evenly over the clip; {@link #sampleSegments}: N
 *       per segment. The frame taken for a time is the one on screen then (so within one frame of
 *       it); far-apart times are reached by seeking.
 *   <li>{@link #detectShots}: a pass over small frames a few times a second that finds cuts.
 *   <li>Every call is bounded by {@link VideoLimits#timeLimit()} and {@link
 *       VideoLimits#stallTimeout()} and stops promptly when cancelled, also inside FFmpeg.
 *   <li>A file that cannot be used is a {@link MediaDecodeException} with one sentence naming it:
 *       not a video, empty, only audio, damaged beyond opening, too large. A damaged file that
 *       decodes in part gives what could be decoded, with warnings that say where it is damaged;
 *       where the video ends early, segments are sampled over the part that decodes.
 *   <li>A cancelled call throws a {@link CaptioningException} saying so.
 * </ul>
 *
 * <p>Instances hold no native resources; each call opens and closes the file. Calls may run in
 * parallel.
 */
public final class VideoSampler {
  /** The frame rate of a frame folder when none is given. */
  public static final double DEFAULT_FOLDER_FRAME_RATE = 25;

  private final VideoLimits limits;
  private final double folderFrameRate;
  private final ImageDecoder decoder = new ImageDecoder();

  /**
   * @param limits bounds on sizes and time
   * @param folderFrameRate frames per second of a frame folder, in (0, 1000]
   */
  public VideoSampler(VideoLimits limits, double folderFrameRate) {
    this.limits = Objects.requireNonNull(limits, "limits");
    if (!(folderFrameRate > 0) || folderFrameRate > 1000) {
      throw new IllegalArgumentException(
          "folderFrameRate must be in (0, 1000], got " + folderFrameRate);
    }
    this.folderFrameRate = folderFrameRate;
  }

  /** A sampler with {@link VideoLimits#defaults()} and 25 fps for frame folders. */
  public VideoSampler() {
    this(VideoLimits.defaults(), DEFAULT_FOLDER_FRAME_RATE);
  }

  /** Whether {@code path} is taken as a frame folder rather than a video file. */
  public static boolean isFrameFolder(Path path) {
    return Files.isDirectory(path);
  }

  /**
   * What the clip is. Opens the file and reads its header; a file that declares no duration is
   * decoded once to measure it.
   */
  public VideoInfo probe(Path clip, Cancellation cancellation) throws CaptioningException {
    String name = nameOf(clip);
    try (DecodeGuard guard = new DecodeGuard(name, limits, cancellation)) {
      Opened opened = openMeasured(clip, name, guard);
      opened.source().close();
      return opened.info();
    }
  }

  /** {@code frames} frames spread evenly over the whole clip: one segment from 0 to its end. */
  public SampledClip sampleUniform(Path clip, int frames, Cancellation cancellation)
      throws CaptioningException {
    return sample(clip, null, frames, cancellation);
  }

  /**
   * {@code framesPerSegment} frames spread evenly over each segment. Segments are taken as given
   * (they may overlap or leave gaps); parts past the end of the clip get no frames.
   */
  public SampledClip sampleSegments(
      Path clip, List<TimeRange> segments, int framesPerSegment, Cancellation cancellation)
      throws CaptioningException {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
    return sample(clip, List.copyOf(segments), framesPerSegment, cancellation);
  }

  /** The cuts between shots, from small frames taken {@link ShotOptions#framesPerSecond()}. */
  public ShotBoundaries detectShots(Path clip, ShotOptions options, Cancellation cancellation)
      throws CaptioningException {
    Objects.requireNonNull(options, "options");
    String name = nameOf(clip);
    try (DecodeGuard guard = new DecodeGuard(name, limits, cancellation)) {
      Opened opened = openMeasured(clip, name, guard);
      VideoInfo info = opened.info();
      double rate = Math.min(options.framesPerSecond(), info.frameRate());
      int count = (int) Math.max(1, Math.ceil(info.duration() * rate - 1e-9));
      List<Target> targets = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        targets.add(new Target(0, k, k / rate, info.duration()));
      }
      int width = options.thumbnailWidth();
      int height = Math.max(4, (int) Math.round((double) width * info.height() / info.width()));
      Damage damage = new Damage();
      Pass<byte[]> pass;
      try (FrameSource source = opened.source()) {
        pass =
            FrameSampler.run(
                source, targets, info.duration(), guard, damage, f -> f.thumbnail(width, height));
      }
      if (Double.isNaN(pass.lastTime())) {
        throw noFrames(name);
      }
      List<Double> times = new ArrayList<>();
      List<byte[]> frames = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        byte[] frame = pass.kept().get(k);
        if (frame != null && (frames.isEmpty() || frames.get(frames.size() - 1) != frame)) {
          times.add(targets.get(k).time());
          frames.add(frame);
        }
      }
      double[] at = times.stream().mapToDouble(Double::doubleValue).toArray();
      List<Double> cuts = ShotDetector.cuts(at, frames, rate, options);
      return new ShotBoundaries(info, cuts, damage.warnings(name));
    }
  }

  private SampledClip sample(
      Path clip, List<TimeRange> asked, int perSegment, Cancellation cancellation)
      throws CaptioningException {
    if (perSegment < 1) {
      throw new IllegalArgumentException("frames per segment must be >= 1, got " + perSegment);
    }
    String name = nameOf(clip);
    try (DecodeGuard guard = new DecodeGuard(name, limits, cancellation)) {
      Opened opened = openMeasured(clip, name, guard);
      VideoInfo info = opened.info();
      List<TimeRange> segments = asked != null ? asked : List.of(new TimeRange(0, info.duration()));
      Damage damage = new Damage();
      List<List<SampledFrame>> frames;
      double lastTime;
      try (FrameSource source = opened.source()) {
        List<Target> targets = FrameSampler.plan(segments, perSegment);
        Pass<SampledFrame> pass =
            FrameSampler.run(source, targets, info.duration(), guard, damage, this::keep);
        frames = new ArrayList<>(byGroup(targets, pass, segments.size(), perSegment));
        lastTime = pass.lastTime();
      }
      if (Double.isNaN(lastTime)) {
        throw noFrames(name);
      }
      if (damage.endedEarly()) {
        resampleDecodablePart(clip, name, guard, info, segments, perSegment, damage, frames);
      }
      List<SampledSegment> out = new ArrayList<>();
      Set<String> warnings = new LinkedHashSet<>(damage.warnings(name));
      int pastEnd = 0;
      for (int g = 0; g < segments.size(); g++) {
        out.add(new SampledSegment(segments.get(g), frames.get(g)));
        if (segments.get(g).start() >= info.duration()) {
          pastEnd++;
        }
        if (isFrameFolder(clip)) {
          frames.get(g).forEach(f -> warnings.addAll(f.image().warnings()));
        }
      }
      if (pastEnd > 0) {
        warnings.add(
            pastEnd
                + (pastEnd == 1 ? " segment starts" : " segments start")
                + " after the end of "
                + name
                + " ("
                + Timestamps.clockMillis(info.duration())
                + ") and got no frames.");
      }
      return new SampledClip(info, out, List.copyOf(warnings));
    }
  }

  /**
   * After the video ended early, samples each segment that lost frames again over the part of it
   * that decodes, so that a truncated file still gives the frames asked for where it can.
   */
  private void resampleDecodablePart(
      Path clip,
      String name,
      DecodeGuard guard,
      VideoInfo info,
      List<TimeRange> segments,
      int perSegment,
      Damage damage,
      List<List<SampledFrame>> frames)
      throws CaptioningException {
    double decodableEnd = damage.endedAtTime() + 1 / info.frameRate();
    List<TimeRange> again = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    for (int g = 0; g < segments.size(); g++) {
      TimeRange part = segments.get(g).clippedTo(decodableEnd);
      if (part != null && frames.get(g).size() < perSegment) {
        again.add(part);
        groups.add(g);
      }
    }
    if (again.isEmpty()) {
      return;
    }
    List<Target> targets = FrameSampler.plan(again, perSegment);
    try (FrameSource source = open(clip, name, guard)) {
      Pass<SampledFrame> pass =
          FrameSampler.run(source, targets, decodableEnd, guard, new Damage(), this::keep);
      List<List<SampledFrame>> resampled = byGroup(targets, pass, again.size(), perSegment);
      for (int k = 0; k < again.size(); k++) {
        if (resampled.get(k).size() > frames.get(groups.get(k)).size()) {
          frames.set(groups.get(k), resampled.get(k));
        }
      }
    }
  }

  private SampledFrame keep(SourceFrame frame) throws MediaDecodeException {
    return new SampledFrame(frame.time(), frame.image(limits.maxFrameSide()));
  }

  /** The frames kept, per segment in slot order; slots left empty are left out. */
  private static List<List<SampledFrame>> byGroup(
      List<Target> targets, Pass<SampledFrame> pass, int groups, int perGroup) {
    SampledFrame[][] slots = new SampledFrame[groups][perGroup];
    for (int k = 0; k < targets.size(); k++) {
      slots[targets.get(k).group()][targets.get(k).slot()] = pass.kept().get(k);
    }
    List<List<SampledFrame>> out = new ArrayList<>();
    for (SampledFrame[] row : slots) {
      out.add(Arrays.stream(row).filter(Objects::nonNull).toList());
    }
    return out;
  }

  /** An open source and what the clip is, its duration measured when the file gives none. */
  private record Opened(FrameSource source, VideoInfo info) {}

  private Opened openMeasured(Path clip, String name, DecodeGuard guard)
      throws CaptioningException {
    FrameSource source = open(clip, name, guard);
    ClipHeader header = source.header();
    double duration = header.duration();
    if (Double.isNaN(duration) || duration <= 0) {
      double last = Double.NaN;
      try {
        for (SourceFrame frame = source.next(); frame != null; frame = source.next()) {
          last = Double.isNaN(last) ? frame.time() : Math.max(last, frame.time());
        }
      } finally {
        source.close();
      }
      if (Double.isNaN(last)) {
        throw noFrames(name);
      }
      duration = last + 1 / header.frameRate();
      if (duration > limits.maxDurationSeconds()) {
        throw new MediaDecodeException(
            "The video "
                + name
                + " runs longer than the "
                + Timestamps.clock(limits.maxDurationSeconds())
                + " limit, so it was not read.");
      }
      source = open(clip, name, guard);
    }
    return new Opened(source, header.info(name, duration));
  }

  private FrameSource open(Path clip, String name, DecodeGuard guard) throws CaptioningException {
    if (Files.isDirectory(clip)) {
      return FolderSource.open(clip, name, folderFrameRate, limits, guard, decoder);
    }
    if (!Files.exists(clip)) {
      throw new MediaDecodeException(name + " does not exist.");
    }
    if (!Files.isRegularFile(clip)) {
      throw new MediaDecodeException(
          name + " is not a regular file (a device or a pipe), so it is not read as a video.");
    }
    return FfmpegSource.open(clip, name, limits, guard);
  }

  private static MediaDecodeException noFrames(String name) {
    return new MediaDecodeException(
        "No frame of the video " + name + " could be decoded; the file is damaged.");
  }

  private static String nameOf(Path clip) {
    Path file = clip.getFileName();
    return file == null ? clip.toString() : file.toString();
  }
}
