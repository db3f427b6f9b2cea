package org.captionstudio.vision.video;

import java.util.Objects;
import org.captionstudio.vision.image.DecodedImage;

/**
 * One frame taken from a clip.
 *
 * @param time when the frame is shown, in seconds from the clip's first frame
 * @param image the frame, upright RGB; its warnings say when it was decoded with errors
 */
public record SampledFrame(double time, DecodedImage image) {
  public SampledFrame {
    if (!Double.isFinite(time) || time < 0) {
      throw new IllegalArgumentException("time must be finite and >= 0, got " + time);
    }
    Objects.requireNonNull(image, "image");
  }
}
