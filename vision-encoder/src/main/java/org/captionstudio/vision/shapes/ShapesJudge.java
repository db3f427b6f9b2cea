package org.captionstudio.vision.shapes;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.captionstudio.core.caption.AttentionMap;

/**
 * Scores generated captions of ShapesWorld images against the ground truth: whether everything a
 * caption states is true ({@link ShapesCaptionChecker}), and whether the model looked at the object
 * while it named it.
 *
 * <p>A word names an object when the checker links it to one (the number, adjectives and noun of a
 * noun phrase, or a predicate word about it). Its attention hits when the peak cell of the word's
 * attention map overlaps the bounding box of one of the objects it names. With the encoder's 8×8
 * grid over 128 px, a cell is 16 px, about the size of a small object, so "overlaps" rather than
 * "its centre lies inside" is the fair test at this resolution.
 */
public final class ShapesJudge {
  private final ShapesCaptionChecker checker = new ShapesCaptionChecker();

  /**
   * The verdict on one caption.
   *
   * @param correct every statement is true of the image
   * @param namingWords generated words that name an object
   * @param hits of those, the ones whose attention peak overlaps the object
   */
  public record Verdict(boolean correct, int namingWords, int hits) {}

  /**
   * @param caption the generated caption
   * @param attention per generated token, its attention map (at least one per word)
   * @param scene the image's ground truth
   */
  public Verdict judge(String caption, List<AttentionMap> attention, Scene scene) {
    CheckResult result = checker.check(caption, scene);
    int naming = 0;
    int hits = 0;
    for (WordLink link : result.links()) {
      for (int word : link.words()) {
        if (word >= attention.size()) {
          continue;
        }
        naming++;
        double[] peak = attention.get(word).peakBox();
        Rectangle2D cell = new Rectangle2D.Double(peak[0], peak[1], peak[2], peak[3]);
        for (ShapeObject o : scene.objects()) {
          if (link.objects().contains(o.id()) && cell.intersects(o.bounds())) {
            hits++;
            break;
          }
        }
      }
    }
    return new Verdict(result.correct(), naming, hits);
  }

  /**
   * Whether a clip's caption states its action rightly. Judged strictly: the whole caption must be
   * true of the clip (the action, and the object it says acts), so this never counts a right verb
   * about the wrong object.
   */
  public boolean actionRight(String caption, Clip clip) {
    return checker.check(caption, clip).correct();
  }
}
