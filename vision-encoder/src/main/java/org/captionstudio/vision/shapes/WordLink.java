package org.captionstudio.vision.shapes;

import java.util.List;

/**
 * Which words of a caption name which objects: a noun phrase's number, adjectives and noun (never
 * its article), plus any predicate word about the same objects ("is <b>red</b>", "turns
 * <b>blue</b>").
 *
 * @param words word positions, 0-based, into {@link ShapesCaptionChecker#tokens(String)}, ascending
 * @param objects ids of the objects they name, ascending; several for "two red circles"
 */
public record WordLink(List<Integer> words, List<Integer> objects) {
  public WordLink {
    words = words.stream().sorted().toList();
    objects = objects.stream().sorted().distinct().toList();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("words must hold at least one position, got none");
    }
    for (int position : words) {
      if (position < 0) {
        throw new IllegalArgumentException("word positions must be >= 0, got " + position);
      }
    }
  }
}
