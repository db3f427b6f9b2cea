package org.captionstudio.vision.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShapesSceneModelTest {

  private static ShapeObject circle(int id, double x, double y) {
    return new ShapeObject(id, Shape.CIRCLE, Colour.RED, SizeClass.MEDIUM, x, y, 13, 0);
  }

  @Test
  void configRefusesBadValuesNamingTheRuleAndTheValue() {
    IllegalArgumentException images =
        assertThrows(
            IllegalArgumentException.class, () -> new SynthConfig(-1, 0, 1, 128, 0.1, 0.1));
    assertEquals("images must be >= 0, got -1", images.getMessage());
    IllegalArgumentException videos =
        assertThrows(
            IllegalArgumentException.class, () -> new SynthConfig(0, -2, 1, 128, 0.1, 0.1));
    assertEquals("videos must be >= 0, got -2", videos.getMessage());
    IllegalArgumentException odd =
        assertThrows(IllegalArgumentException.class, () -> new SynthConfig(1, 1, 1, 127, 0.1, 0.1));
    assertTrue(odd.getMessage().endsWith("got 127"), odd.getMessage());
    IllegalArgumentException share =
        assertThrows(IllegalArgumentException.class, () -> new SynthConfig(1, 1, 1, 128, 1.5, 0.1));
    assertEquals("validationShare must be from 0 to 1, got 1.5", share.getMessage());
    IllegalArgumentException sum =
        assertThrows(IllegalArgumentException.class, () -> new SynthConfig(1, 1, 1, 128, 0.6, 0.6));
    assertTrue(sum.getMessage().startsWith("validationShare + testShare must be <= 1"));
    assertThrows(
        IllegalArgumentException.class, () -> new SynthConfig(1, 1, 1, 128, Double.NaN, 0));
  }

  @Test
  void defaultsAreValidAndUse128PixelsAndTenPercentSplits() {
    SynthConfig defaults = SynthConfig.defaults();
    assertEquals(128, defaults.size());
    assertEquals(0.1, defaults.validationShare());
    assertEquals(0.1, defaults.testShare());
    assertEquals(defaults.images(), defaults.imageSplits().total());
  }

  @Test
  void splitsRoundTheSharesAndGiveTrainTheRest() {
    assertEquals(new SplitCounts(80, 10, 10), SplitCounts.of(100, 0.1, 0.1));
    assertEquals(new SplitCounts(8, 1, 1), SplitCounts.of(10, 0.1, 0.1));
    assertEquals(new SplitCounts(0, 2, 1), SplitCounts.of(3, 0.5, 0.5));
    assertEquals(new SplitCounts(0, 0, 0), SplitCounts.of(0, 0.1, 0.1));
    SplitCounts split = new SplitCounts(2, 1, 1);
    assertEquals(SplitCounts.Split.TRAIN, split.splitOf(1));
    assertEquals(SplitCounts.Split.VALIDATION, split.splitOf(2));
    assertEquals(SplitCounts.Split.TEST, split.splitOf(3));
  }

  @Test
  void scenesAndClipsRefuseRepeatedIdsAndUnknownActors() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Scene(128, 128, List.of(circle(0, 30, 30), circle(0, 90, 90))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Clip(128, 128, 12, 24, List.of(circle(0, 30, 30)), new ClipAction.Appear(1, 1)));
    IllegalArgumentException late =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Clip(
                    128, 128, 12, 24, List.of(circle(0, 30, 30)), new ClipAction.Appear(0, 3)));
    assertTrue(late.getMessage().contains("must be over by the end"), late.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ShapeObject(0, Shape.STAR, Colour.RED, SizeClass.SMALL, 1, 1, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new ClipAction.Resize(0, 0, 1, 1.0, SizeClass.SMALL));
    assertThrows(
        IllegalArgumentException.class, () -> new ClipAction.Move(0, 2, 1, Direction.UP, 10));
  }

  @Test
  void directionsNeedTheMarginAndNextToNeedsAShortGap() {
    int side = 128; // margin 19.2 px, next-to gap 10.24 px
    ShapeObject left = circle(0, 30, 60);
    ShapeObject right = circle(1, 50, 60); // 20 px to the right
    ShapeObject nearlyRight = circle(2, 49, 60); // 19 px: not clearly
    assertTrue(Relation.LEFT_OF.holds(left, right, side));
    assertTrue(Relation.RIGHT_OF.holds(right, left, side));
    assertFalse(Relation.LEFT_OF.holds(left, nearlyRight, side));
    assertFalse(Relation.ABOVE.holds(left, right, side));
    assertTrue(Relation.NEXT_TO.holds(left, right, side));
    ShapeObject far = circle(3, 30 + 26 + 11, 60); // boxes 11 px apart
    assertFalse(Relation.NEXT_TO.holds(left, far, side));
    ShapeObject below = circle(4, 60, 100);
    assertTrue(Relation.LEFT_OF.holds(left, below, side));
    assertTrue(Relation.ABOVE.holds(left, below, side));
    assertTrue(Relation.ABOVE.clearlyHolds(left, below, side), "dy 40 > dx 30");
    assertFalse(Relation.LEFT_OF.clearlyHolds(left, below, side), "dx 30 < dy 40");
  }

  @Test
  void clipScenesFollowTheActionOverTime() {
    ShapeObject square =
        new ShapeObject(0, Shape.SQUARE, Colour.BLUE, SizeClass.SMALL, 40, 60, 8, 0);
    Clip moving =
        new Clip(
            128, 128, 12, 36, List.of(square), new ClipAction.Move(0, 1, 2, Direction.RIGHT, 30));
    assertEquals(40, moving.first().objects().get(0).x());
    assertEquals(55, moving.sceneAt(1.5).objects().get(0).x(), 1e-9);
    assertEquals(70, moving.last().objects().get(0).x(), 1e-9);

    Clip appearing = new Clip(128, 128, 12, 36, List.of(square), new ClipAction.Appear(0, 1.5));
    assertTrue(appearing.frame(17).objects().isEmpty());
    assertEquals(1, appearing.frame(18).objects().size());

    Clip growing =
        new Clip(
            128,
            128,
            12,
            36,
            List.of(square),
            new ClipAction.Resize(0, 1, 2, 2.0, SizeClass.LARGE));
    assertEquals(ClipAction.Kind.GROW, growing.action().kind());
    assertEquals(SizeClass.SMALL, growing.sceneAt(1.5).objects().get(0).size());
    assertEquals(16, growing.last().objects().get(0).radius(), 1e-9);
    assertEquals(SizeClass.LARGE, growing.last().objects().get(0).size());

    Clip recolouring =
        new Clip(128, 128, 12, 36, List.of(square), new ClipAction.Recolour(0, 1.5, Colour.RED));
    assertEquals(Colour.BLUE, recolouring.first().objects().get(0).colour());
    assertEquals(Colour.RED, recolouring.last().objects().get(0).colour());
  }

  @Test
  void rleIsColumnMajorAndRoundTrips() {
    // 3 wide, 2 high; set pixels (x=1, y=0) and (x=1, y=1) and (x=2, y=1)
    boolean[] mask = {false, true, false, false, true, true};
    // column-major: x=0 (unset, unset), x=1 (set, set), x=2 (unset, set)
    int[] counts = Masks.rle(mask, 3, 2);
    assertArrayEquals(new int[] {2, 2, 1, 1}, counts);
    assertArrayEquals(mask, Masks.decode(counts, 3, 2));

    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] noise = new boolean[12 * 9];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = random.nextBoolean();
      }
      assertArrayEquals(noise, Masks.decode(Masks.rle(noise, 12, 9), 12, 9));
    }
  }

  @Test
  void backgroundColoursStayFarFromEveryObjectColour() {
    for (int[] background : Backdrops.PALETTE) {
      for (Colour colour : Colour.values()) {
        double distance =
            Math.sqrt(
                Math.pow(background[0] - colour.red(), 2)
                    + Math.pow(background[1] - colour.green(), 2)
                    + Math.pow(background[2] - colour.blue(), 2));
        assertTrue(
            distance > 100,
            "background " + java.util.Arrays.toString(background) + " is close to " + colour);
      }
    }
  }

  @Test
  void objectColoursAreTellableApartUnderTintAndNoise() {
    for (Colour a : Colour.values()) {
      for (Colour b : Colour.values()) {
        if (a != b) {
          double distance =
              Math.sqrt(
                  Math.pow(a.red() - b.red(), 2)
                      + Math.pow(a.green() - b.green(), 2)
                      + Math.pow(a.blue() - b.blue(), 2));
          assertTrue(distance > 4 * SceneRenderer.TINT, a + " and " + b + " are too alike");
        }
      }
    }
  }

  @Test
  void sizeClassesLeaveGapsBetweenTheirRadii() {
    SizeClass[] sizes = SizeClass.values();
    for (int i = 1; i < sizes.length; i++) {
      assertTrue(sizes[i].minRadius(128) > 1.15 * sizes[i - 1].maxRadius(128), sizes[i].id());
    }
  }
}
