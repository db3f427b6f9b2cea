package org.captionstudio.vision.shapes;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the five captions of a ShapesWorld image relate to each other. */
public enum CaptionStyle {
  /**
   * Diverse, as COCO's are: one caption names a single object, another a relation, another a list
   * of counted groups, another a predicate ("the circle is red"). The references disagree on what
   * to say, so even a caption that sees everything matches them only in part.
   */
  VARIED,
  /**
   * All five state the same content: every object with its size, colour and shape, left to right,
   * joined with "and" ("a small red circle and two large blue squares"); they differ only in how
   * that list is framed ("there are …", "an image of …", "… in the picture"). A caption that sees
   * the scene correctly can match them all.
   */
  CANONICAL;

  /** The name the CLI and the annotation files use: "varied" or "canonical". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The style with this id, any case.
   *
   * @throws IllegalArgumentException naming the choices when there is none
   */
  public static CaptionStyle ofId(String id) {
    for (CaptionStyle style : values()) {
      if (style.id().equalsIgnoreCase(id.strip())) {
        return style;
      }
    }
    throw new IllegalArgumentException(
        "caption style must be one of "
            + Arrays.stream(values()).map(CaptionStyle::id).collect(Collectors.joining(", "))
            + ", got '"
            + id
            + "'");
  }
}
