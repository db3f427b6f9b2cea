package org.captionstudio.vision.shapes;

import java.util.List;
import java.util.Objects;

/**
 * A caption and which of its words name which objects.
 *
 * @param text lower-case words separated by single spaces
 * @param links word-to-object links, in the order the phrases occur
 */
public record LinkedCaption(String text, List<WordLink> links) {
  public LinkedCaption {
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links);
  }
}
