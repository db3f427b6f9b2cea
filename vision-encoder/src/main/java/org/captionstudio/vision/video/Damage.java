package org.captionstudio.vision.video;

import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.video.Timestamps;

/** What went wrong while reading a clip, turned into plain sentences. */
final class Damage {
  private static final int LISTED = 4;
  private final List<double[]> missing = new ArrayList<>();
  private final List<Double> errors = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();
  private double endedAt = Double.NaN;

  /** No frames between {@code from} and {@code to} (seconds). */
  void missing(double from, double to) {
    missing.add(new double[] {from, to});
  }

  /** The decoder reported errors in the frame at {@code time}. */
  void decodeError(double time) {
    if (errors.isEmpty() || time - errors.get(errors.size() - 1) > 1.0) {
      errors.add(time);
    }
  }

  /** A frame could not be converted (a folder's image file); {@code sentence} says why. */
  void unreadable(String sentence) {
    unreadable.add(sentence);
  }

  /** The stream ended for good at {@code time}, well before its declared end. */
  void endedAt(double time) {
    endedAt = time;
  }

  boolean endedEarly() {
    return !Double.isNaN(endedAt);
  }

  double endedAtTime() {
    return endedAt;
  }

  /** One sentence per kind of damage found. */
  List<String> warnings(String name) {
    List<String> out = new ArrayList<>();
    if (!missing.isEmpty()) {
      if (missing.size() == 1) {
        out.add(
            "The video "
                + name
                + " is damaged between "
                + Timestamps.clock(missing.get(0)[0])
                + " and "
                + Timestamps.clock(missing.get(0)[1])
                + "; frames there are missing.");
      } else {
        List<String> places = new ArrayList<>();
        for (double[] range : missing.subList(0, Math.min(LISTED, missing.size()))) {
          places.add(Timestamps.clock(range[0]) + "–" + Timestamps.clock(range[1]));
        }
        out.add(
            "The video "
                + name
                + " is damaged in "
                + missing.size()
                + " places ("
                + String.join(", ", places)
                + (missing.size() > LISTED ? ", …" : "")
                + "); frames there are missing.");
      }
    }
    if (!errors.isEmpty()) {
      List<String> times = new ArrayList<>();
      for (double time : errors.subList(0, Math.min(LISTED, errors.size()))) {
        times.add(Timestamps.clock(time));
      }
      out.add(
          "The video "
              + name
              + " has decoding errors around "
              + String.join(", ", times)
              + (errors.size() > LISTED ? " and elsewhere" : "")
              + "; frames there may show smeared or blocky patches.");
    }
    if (endedEarly()) {
      out.add(
          "The video "
              + name
              + " is damaged after "
              + Timestamps.clock(endedAt)
              + "; frames after that point are missing.");
    }
    if (!unreadable.isEmpty()) {
      out.add(
          unreadable.size() == 1
              ? "A frame of " + name + " was skipped: " + unreadable.get(0)
              : unreadable.size()
                  + " frames of "
                  + name
                  + " were skipped; the first: "
                  + unreadable.get(0));
    }
    return out;
  }
}
