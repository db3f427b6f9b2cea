package org.captionstudio.core.data;

import java.util.Objects;

/**
 * One caption of one image or clip.
 *
 * @param imageId the id of the image (or video) it describes, as text
 * @param text the caption as written
 */
public record Caption(String imageId, String text) {
  public Caption {
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(text, "text");
  }
}
