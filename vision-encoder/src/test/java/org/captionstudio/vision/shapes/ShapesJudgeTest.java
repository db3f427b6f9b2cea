package org.captionstudio.vision.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.caption.AttentionMap;
import org.junit.jupiter.api.Test;

class ShapesJudgeTest {
  /** A small red circle at (20, 40) and a large blue square at (90, 40), 128 px. */
  private static final Scene SCENE =
      new Scene(
          128,
          128,
          List.of(
              new ShapeObject(0, Shape.CIRCLE, Colour.RED, SizeClass.SMALL, 20, 40, 8, 0),
              new ShapeObject(1, Shape.SQUARE, Colour.BLUE, SizeClass.LARGE, 90, 40, 18, 0)));

  /** An 8×8 grid of 16 px cells over the image, all weight on the cell holding (x, y). */
  private static AttentionMap lookingAt(String word, double x, double y) {
    double[] boxes = new double[64 * 4];
    float[] weights = new float[64];
    for (int r = 0; r < 8; r++) {
      for (int c = 0; c < 8; c++) {
        int i = r * 8 + c;
        boxes[4 * i] = c * 16;
        boxes[4 * i + 1] = r * 16;
        boxes[4 * i + 2] = 16;
        boxes[4 * i + 3] = 16;
      }
    }
    weights[(int) (y / 16) * 8 + (int) (x / 16)] = 1;
    return new AttentionMap(word, 8, 8, weights, boxes, 128, 128);
  }

  private static List<AttentionMap> attention(String caption, double[][] where) {
    List<AttentionMap> maps = new ArrayList<>();
    String[] words = caption.split(" ");
    for (int i = 0; i < words.length; i++) {
      maps.add(lookingAt(words[i], where[i][0], where[i][1]));
    }
    maps.add(lookingAt("<end>", 64, 64));
    return maps;
  }

  @Test
  void countsTheObjectWordsWhoseAttentionPeakIsOnTheirObject() {
    String caption = "a small red circle and a large blue square";
    double[] circle = {20, 40};
    double[] square = {90, 40};
    double[] away = {120, 120};
    // Words: a small red circle and a large blue square; "a" and "and" name nothing.
    double[][] where = {away, circle, circle, away, away, away, square, square, square};
    ShapesJudge.Verdict v = new ShapesJudge().judge(caption, attention(caption, where), SCENE);
    assertEquals(new ShapesJudge.Verdict(true, 6, 5), v);
  }

  @Test
  void aFalseCaptionIsNotCorrect() {
    String caption = "a small blue circle and a large blue square";
    double[][] where = new double[9][];
    java.util.Arrays.fill(where, new double[] {20, 40});
    ShapesJudge.Verdict v = new ShapesJudge().judge(caption, attention(caption, where), SCENE);
    assertEquals(false, v.correct());
  }
}
