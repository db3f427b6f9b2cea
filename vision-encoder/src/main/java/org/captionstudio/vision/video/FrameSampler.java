package org.captionstudio.vision.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.vision.video.FrameSource.SourceFrame;

/**
 * One pass over a clip that keeps the frames shown at given times.
 *
 * <ul>
 *   <li>The frame kept for a time {@code t} is the one on screen at {@code t}: the first frame
 *       later than {@code t} minus one frame interval. It must lie before the end of the target's
 *       segment.
 *   <li>Frames are decoded in order; a target more than {@link #SEEK_AHEAD} seconds ahead is
 *       reached by seeking (a frame-exact seek decodes from the keyframe before it).
 *   <li>Frames the decoder reports errors in, and the frames after a stretch of missing frames up
 *       to the next keyframe (they are predicted from pictures that were lost, so they show garbage
 *       without the decoder noticing), are not taken: later frames of the segment stand in.
 *   <li>A jump in time between neighbouring frames is recorded as missing frames; where the stream
 *       ends before its declared end, the pass seeks past the damage (further each try) and goes
 *       on; when that fails the file is damaged from there on.
 * </ul>
 */
final class FrameSampler {
  /** Targets further ahead than this (seconds) are reached by seeking rather than decoding. */
  static final double SEEK_AHEAD = 5.0;

  /** Frame times are whole microseconds; a frame this close to a boundary lies on it. */
  private static final double EPSILON = 1e-6;

  /** How often a pass seeks past damage that ended the stream, in all. */
  static final int MAX_RESUMES = 32;

  /** How often a pass seeks past one stretch of damage before giving the rest up. */
  static final int MAX_TRIES_PER_GAP = 8;

  private FrameSampler() {}

  /**
   * A time to take a frame at.
   *
   * @param group the segment it belongs to
   * @param slot its place within the segment
   * @param time seconds
   * @param until the end of its segment: frames from there on are not taken for it
   */
  record Target(int group, int slot, double time, double until) {}

  /** What a pass keeps of a frame. */
  @FunctionalInterface
  interface Keep<T> {
    T keep(SourceFrame frame) throws MediaDecodeException;
  }

  /** The result of a pass: the value kept per target (null where none), and how far it got. */
  record Pass<T>(List<T> kept, double lastTime) {}

  /** {@code count} times spread evenly over each segment: the centres of equal slices. */
  static List<Target> plan(List<TimeRange> segments, int count) {
    List<Target> targets = new ArrayList<>();
    for (int g = 0; g < segments.size(); g++) {
      TimeRange segment = segments.get(g);
      for (int i = 0; i < count; i++) {
        double time = segment.start() + (i + 0.5) * segment.duration() / count;
        targets.add(new Target(g, i, time, segment.end()));
      }
    }
    targets.sort(Comparator.comparingDouble(Target::time));
    return targets;
  }

  static <T> Pass<T> run(
      FrameSource source,
      List<Target> targets,
      double expectedEnd,
      DecodeGuard guard,
      Damage damage,
      Keep<T> keep)
      throws CaptioningException {
    double interval = 1 / source.header().frameRate();
    double gapLimit = Math.max(3 * interval, 0.25);
    List<T> kept = new ArrayList<>(Collections.nCopies(targets.size(), (T) null));
    double previous = Double.NaN;
    double gapFrom = Double.NaN;
    boolean jumped = false;
    boolean seeking = source.seeksCheaply();
    int resumes = 0;
    int tries = 0;
    boolean suspect = false; // frames since damage, until a keyframe
    int next = 0;
    while (next < targets.size()) {
      guard.check();
      double wanted = targets.get(next).time() - interval;
      double at = Double.isNaN(previous) ? 0 : previous;
      if (seeking && wanted - at > SEEK_AHEAD) {
        if (source.seek(wanted)) {
          jumped = true;
        } else {
          seeking = false; // decode forward from wherever the failed seek left the stream
        }
      }
      SourceFrame frame = source.next();
      if (frame == null) {
        double reached = Double.isNaN(previous) ? 0 : previous;
        boolean early = reached + gapLimit < expectedEnd;
        if (early && resumes < MAX_RESUMES && tries < MAX_TRIES_PER_GAP) {
          // Seek past the damage: each failed try jumps twice as far as the one before.
          resumes++;
          double resumeAt = Math.max(reached + gapLimit * (1L << tries), wanted);
          tries++;
          if (resumeAt < expectedEnd && source.seek(resumeAt)) {
            gapFrom = reached;
            jumped = true;
            continue;
          }
        }
        if (early) {
          damage.endedAt(reached);
        }
        break;
      }
      double time = frame.time();
      if (!jumped || Double.isNaN(gapFrom) || time > gapFrom + EPSILON) {
        tries = 0; // past the damage (a resume that lands before it keeps counting)
      }
      if (jumped) {
        if (!Double.isNaN(gapFrom) && time - gapFrom > gapLimit) {
          damage.missing(gapFrom, time);
          suspect = true;
        } else if (!Double.isNaN(gapFrom)) {
          damage.decodeError(time); // the stream broke off here, though no time is missing
          suspect = true;
        }
        gapFrom = Double.NaN;
        jumped = false;
      } else if (!Double.isNaN(previous)) {
        if (time < previous - EPSILON) {
          continue; // time ran backwards (broken timestamps): skip the frame
        }
        if (time - previous > gapLimit) {
          damage.missing(previous, time);
          suspect = true;
        }
      }
      previous = time;
      if (frame.damaged()) {
        damage.decodeError(time);
        suspect = true;
      } else if (frame.keyFrame()) {
        suspect = false;
      }
      if (suspect) {
        continue;
      }
      T value = null;
      while (next < targets.size() && time > targets.get(next).time() - interval + EPSILON) {
        Target target = targets.get(next);
        if (time < target.until()) {
          if (value == null) {
            try {
              value = keep.keep(frame);
            } catch (MediaDecodeException e) {
              damage.unreadable(e.getMessage());
              break; // leave the target to the next frame
            }
          }
          kept.set(next, value);
        }
        next++;
      }
    }
    return new Pass<>(kept, previous);
  }
}
