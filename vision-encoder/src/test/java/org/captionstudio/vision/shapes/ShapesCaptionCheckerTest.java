package org.captionstudio.vision.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShapesCaptionCheckerTest {
  private final ShapesCaptionChecker checker = new ShapesCaptionChecker();

  // A small red circle on the left, a large blue square on the right, a medium red circle
  // below the square, all at least 19.2 px (the margin at 128 px) apart.
  private static final ShapeObject RED_CIRCLE =
      new ShapeObject(0, Shape.CIRCLE, Colour.RED, SizeClass.SMALL, 20, 40, 8, 0);
  private static final ShapeObject BLUE_SQUARE =
      new ShapeObject(1, Shape.SQUARE, Colour.BLUE, SizeClass.LARGE, 90, 40, 18, 0);
  private static final ShapeObject RED_CIRCLE_2 =
      new ShapeObject(2, Shape.CIRCLE, Colour.RED, SizeClass.MEDIUM, 90, 100, 13, 0);
  private static final Scene SCENE =
      new Scene(128, 128, List.of(RED_CIRCLE, BLUE_SQUARE, RED_CIRCLE_2));

  private void assertTrueOf(String caption) {
    CheckResult result = checker.check(caption, SCENE);
    assertTrue(result.correct(), caption + " should be true: " + result.reasons());
  }

  private CheckResult assertFalseOf(String caption) {
    CheckResult result = checker.check(caption, SCENE);
    assertTrue(result.parsed(), caption + " should parse: " + result.reasons());
    assertFalse(result.correct(), caption + " should be false");
    assertFalse(result.reasons().isEmpty());
    return result;
  }

  @Test
  void articlesClaimAtLeastOneTheClaimsExactlyOneAndNumbersAreExact() {
    assertTrueOf("a red circle");
    assertTrueOf("a small red circle");
    assertTrueOf("a large blue square");
    assertTrueOf("the blue square");
    assertTrueOf("two red circles");
    assertTrueOf("three shapes");
    assertTrueOf("one square");
    assertTrueOf("there are two red objects and a blue shape in the picture");
    assertTrueOf("the picture shows a square and two circles");
    assertEquals(List.of("there is no green circle"), assertFalseOf("a green circle").reasons());
    assertFalseOf("a large red circle");
    assertFalseOf("the red circle"); // two of them
    assertFalseOf("three red circles");
    assertFalseOf("one circle");
    assertFalseOf("four shapes");
    assertFalseOf("a red circle and a green square");
  }

  @Test
  void relationsHoldOnlyBeyondTheMarginAndInTheirDirection() {
    assertTrueOf("a red circle to the left of a blue square");
    assertTrueOf("the small circle is left of the square");
    assertTrueOf("there is a blue square on the right of a small red circle");
    assertTrueOf("a square above a medium circle");
    assertTrueOf("the medium red circle is beneath the blue square");
    assertTrueOf("a red circle to the right of a red circle"); // existential: circle 2 vs circle 0
    assertFalseOf("a small red circle to the right of a blue square");
    assertFalseOf("a blue square below a medium circle");
    assertFalseOf("a small circle next to a medium circle");
    CheckResult ambiguous = assertFalseOf("the red circle is left of the blue square");
    assertTrue(ambiguous.reasons().get(0).contains("exactly one"), ambiguous.reasons().toString());
  }

  @Test
  void nextToMeansTheBoxesAreAtMostTheGapApart() {
    ShapeObject star = new ShapeObject(0, Shape.STAR, Colour.YELLOW, SizeClass.SMALL, 40, 64, 8, 0);
    ShapeObject close =
        new ShapeObject(1, Shape.HEXAGON, Colour.WHITE, SizeClass.SMALL, 65, 64, 8, 0);
    ShapeObject far =
        new ShapeObject(2, Shape.DIAMOND, Colour.GRAY, SizeClass.SMALL, 110, 64, 8, 0);
    Scene scene = new Scene(128, 128, List.of(star, close, far));
    assertTrue(checker.check("a yellow star next to a white hexagon", scene).correct());
    assertTrue(checker.check("a white hexagon beside a yellow star", scene).correct());
    assertFalse(checker.check("a hexagon beside a diamond", scene).correct()); // 30 px apart
    assertFalse(checker.check("a star beside a diamond", scene).correct());
  }

  @Test
  void predicatesNeedOneSubjectWithThoseAttributes() {
    assertTrueOf("the square is blue");
    assertTrueOf("the square is large and blue");
    assertTrueOf("the blue shape is big");
    assertTrueOf("the small circle is red");
    assertEquals(
        List.of("the square is blue, not green"), assertFalseOf("the square is green").reasons());
    assertFalseOf("the square is small");
    assertFalseOf("the circle is red"); // two circles
  }

  @Test
  void linksNameTheContentWordsAndTheObjectsTheyMean() {
    CheckResult result = checker.check("Two red circles, and a blue square.", SCENE);
    assertTrue(result.correct(), result.reasons().toString());
    assertEquals(
        List.of(
            new WordLink(List.of(0, 1, 2), List.of(0, 2)), new WordLink(List.of(5, 6), List.of(1))),
        result.links());

    CheckResult predicate = checker.check("the square is large and blue", SCENE);
    assertEquals(List.of(new WordLink(List.of(1, 3, 5), List.of(1))), predicate.links());

    CheckResult relation = checker.check("a small circle is left of the square", SCENE);
    assertEquals(
        List.of(new WordLink(List.of(1, 2), List.of(0)), new WordLink(List.of(7), List.of(1))),
        relation.links());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a reddish circle",
        "a red circle on the table",
        "",
        "   ",
        "a red-ish circle",
        "a rectangle"
      })
  void unknownWordsAreRejected(String caption) {
    CheckResult result = checker.check(caption, SCENE);
    assertFalse(result.parsed());
    assertFalse(result.correct());
    assertEquals(1, result.reasons().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "circle red a",
        "a red red circle",
        "a small large circle",
        "two red circle",
        "a red circles",
        "there is two red circles",
        "there are a red circle",
        "red circle",
        "a red circle to the left of",
        "the circle is",
        "a red circle moves to the left",
        "there is the blue square to the right of a small circle",
        "two circles to the left of a square"
      })
  void knownWordsInAnUnknownOrderAreRejected(String caption) {
    CheckResult result = checker.check(caption, SCENE);
    assertFalse(result.parsed(), caption);
    assertFalse(result.correct());
    assertTrue(result.reasons().get(0).contains("grammar"), result.reasons().toString());
  }

  @Test
  void clipCaptionsDescribeTheActorAsItStartsAndItsOneAction() {
    ShapeObject square =
        new ShapeObject(0, Shape.SQUARE, Colour.GREEN, SizeClass.SMALL, 90, 64, 8, 0);
    ShapeObject circle =
        new ShapeObject(1, Shape.CIRCLE, Colour.WHITE, SizeClass.LARGE, 30, 30, 17, 0);
    Clip moving =
        new Clip(
            128,
            128,
            12,
            36,
            List.of(square, circle),
            new ClipAction.Move(0, 0.5, 2.5, Direction.LEFT, 40));
    assertTrue(checker.check("a green square moves to the left", moving).correct());
    assertTrue(checker.check("a video of the small square sliding left", moving).correct());
    assertTrue(
        checker
            .check("in this video a square moves left while a white circle stays still", moving)
            .correct());
    assertFalse(checker.check("a green square moves to the right", moving).correct());
    assertFalse(checker.check("a green square moves up", moving).correct());
    assertFalse(checker.check("a white circle moves to the left", moving).correct());
    assertFalse(checker.check("a square moves left while a square stays still", moving).correct());
    assertFalse(checker.check("a green square grows", moving).correct());

    Clip turning =
        new Clip(128, 128, 12, 36, List.of(square), new ClipAction.Recolour(0, 1.5, Colour.BLUE));
    CheckResult turns = checker.check("a green square turns blue", turning);
    assertTrue(turns.correct(), turns.reasons().toString());
    assertEquals(List.of(new WordLink(List.of(1, 2, 4), List.of(0))), turns.links());
    assertFalse(checker.check("a green square turns red", turning).correct());
    assertFalse(checker.check("a blue square turns blue", turning).correct());
    assertFalse(
        checker.check("a green square turns blue while a circle stays still", turning).correct());

    Clip appearing =
        new Clip(
            128,
            128,
            12,
            36,
            List.of(circle, square.movedTo(60, 30)),
            new ClipAction.Appear(0, 1.5));
    assertTrue(checker.check("a square appears to the right of a circle", appearing).correct());
    assertTrue(
        checker
            .check("a clip of a green square appearing next to a white circle", appearing)
            .correct());
    assertFalse(checker.check("a square appears to the left of a circle", appearing).correct());
    assertFalse(checker.check("a square disappears", appearing).correct());
    assertFalse(checker.check("a circle appears", appearing).correct());

    Clip growing =
        new Clip(
            128,
            128,
            12,
            36,
            List.of(square),
            new ClipAction.Resize(0, 1, 2, 1.6, SizeClass.MEDIUM));
    assertTrue(checker.check("the small green square gets bigger", growing).correct());
    assertTrue(checker.check("a square grows larger", growing).correct());
    assertFalse(checker.check("a square shrinks", growing).correct());
    assertFalse(checker.check("a medium square grows", growing).correct());
    assertFalse(checker.check("a square rotates", growing).correct());
  }

  @Test
  void clipGrammarIsSeparateFromImageGrammar() {
    Clip clip = new Clip(128, 128, 12, 24, List.of(RED_CIRCLE), new ClipAction.Disappear(0, 1));
    assertFalse(checker.check("a red circle", clip).parsed());
    assertTrue(checker.check("a red circle vanishes", clip).correct());
    assertFalse(checker.check("a red circle vanishes", SCENE).parsed());
  }

  @Test
  void tokensAreLowerCaseWordsWithoutPunctuation() {
    assertEquals(
        List.of("a", "red", "circle", "and", "a", "blue", "square"),
        ShapesCaptionChecker.tokens("A red circle, and a BLUE square ."));
    assertEquals(List.of(), ShapesCaptionChecker.tokens(" . "));
  }
}
