package org.captionstudio.vision.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.captionstudio.core.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the true captions of a generated dataset, changes one fact in each (a colour, a shape, a
 * count, a direction, an action) so that it becomes false, and expects the checker to say so.
 */
class ShapesFalseCaptionsTest {
  @TempDir static Path shared;
  private static ShapesGroundTruth truth;
  private final ShapesCaptionChecker checker = new ShapesCaptionChecker();

  @BeforeAll
  static void generate() throws IOException, DatasetException {
    ShapesTestData.quietFfmpeg();
    Path dataset = shared.resolve("shapes");
    ShapesTestData.generate(dataset, 200, 30, 23);
    truth = ShapesGroundTruth.read(dataset.resolve("annotations").resolve("groundtruth.json"));
  }

  @Test
  void imageCaptionsWithOneFactChangedAreJudgedFalse() {
    Map<String, Integer> tried = new TreeMap<>();
    List<String> wronglyTrue = new ArrayList<>();
    for (AnnotatedCaption caption : truth.captions()) {
      Scene scene = truth.images().get(Integer.parseInt(caption.itemId()));
      List<String> words = List.of(caption.text().split(" "));
      Set<Colour> colours = EnumSet.noneOf(Colour.class);
      Set<Shape> shapes = EnumSet.noneOf(Shape.class);
      scene.objects().forEach(o -> colours.add(o.colour()));
      scene.objects().forEach(o -> shapes.add(o.shape()));
      Colour absentColour = EnumSet.complementOf(EnumSet.copyOf(colours)).iterator().next();
      Shape absentShape = EnumSet.complementOf(EnumSet.copyOf(shapes)).iterator().next();
      mutate(
          words,
          "colour",
          (i, w) -> Colour.ofWord(w).map(c -> absentColour.words().get(0)),
          tried,
          mutated -> judge(mutated, scene, wronglyTrue));
      mutate(
          words,
          "shape",
          (i, w) ->
              Shape.ofWord(w)
                  .map(s -> w.equals(s.word()) ? absentShape.word() : absentShape.plural()),
          tried,
          mutated -> judge(mutated, scene, wronglyTrue));
      mutate(
          words,
          "count",
          (i, w) ->
              ShapesVocabulary.number(w) >= 2 && ShapesVocabulary.number(w) < 6
                  ? Optional.of(ShapesVocabulary.NUMBERS.get(ShapesVocabulary.number(w)))
                  : Optional.empty(),
          tried,
          mutated -> judge(mutated, scene, wronglyTrue));
      mutate(
          words,
          "direction",
          (i, w) ->
              Optional.ofNullable(
                  Map.of(
                          "left", "right", "right", "left", "above", "below", "below", "above",
                          "under", "above", "beneath", "above")
                      .get(w)),
          tried,
          mutated -> judge(mutated, scene, wronglyTrue));
    }
    assertEquals(List.of(), wronglyTrue);
    assertTrue(tried.get("colour") > 500, tried.toString());
    assertTrue(tried.get("shape") > 500, tried.toString());
    assertTrue(tried.get("count") > 50, tried.toString());
    assertTrue(tried.get("direction") > 100, tried.toString());
  }

  @Test
  void clipCaptionsWithTheActionChangedAreJudgedFalse() {
    Map<String, Integer> tried = new TreeMap<>();
    List<String> wronglyTrue = new ArrayList<>();
    Map<String, String> opposite =
        Map.ofEntries(
            Map.entry("left", "right"),
            Map.entry("right", "left"),
            Map.entry("up", "down"),
            Map.entry("upwards", "downwards"),
            Map.entry("down", "up"),
            Map.entry("downwards", "upwards"),
            Map.entry("grows", "shrinks"),
            Map.entry("growing", "shrinking"),
            Map.entry("bigger", "smaller"),
            Map.entry("larger", "smaller"),
            Map.entry("shrinks", "grows"),
            Map.entry("shrinking", "growing"),
            Map.entry("smaller", "bigger"),
            Map.entry("appears", "disappears"),
            Map.entry("appearing", "disappearing"),
            Map.entry("disappears", "appears"),
            Map.entry("vanishes", "appears"),
            Map.entry("disappearing", "appearing"),
            Map.entry("vanishing", "appearing"),
            Map.entry("rotates", "shrinks"),
            Map.entry("spins", "grows"),
            Map.entry("rotating", "shrinking"),
            Map.entry("spinning", "growing"));
    for (AnnotatedCaption caption : truth.sentences()) {
      Clip clip = truth.clips().get(caption.itemId());
      List<String> words = List.of(caption.text().split(" "));
      mutate(
          words,
          "action",
          (i, w) -> Optional.ofNullable(opposite.get(w)),
          tried,
          mutated -> judge(mutated, clip, wronglyTrue));
      if (clip.action() instanceof ClipAction.Recolour recolour) {
        Colour other = recolour.to() == Colour.RED ? Colour.BLUE : Colour.RED;
        mutate(
            words,
            "new colour",
            (i, w) ->
                i > 0
                        && Colour.ofWord(w).orElse(null) == recolour.to()
                        && Set.of("turns", "becomes", "to", "turning", "becoming")
                            .contains(words.get(i - 1))
                    ? Optional.of(other.words().get(0))
                    : Optional.empty(),
            tried,
            mutated -> judge(mutated, clip, wronglyTrue));
      }
      Set<Colour> colours = EnumSet.noneOf(Colour.class);
      clip.objects().forEach(o -> colours.add(o.colour()));
      if (clip.action() instanceof ClipAction.Recolour recolour) {
        colours.add(recolour.to());
      }
      Colour absent = EnumSet.complementOf(EnumSet.copyOf(colours)).iterator().next();
      mutate(
          words,
          "colour",
          (i, w) -> Colour.ofWord(w).map(c -> absent.words().get(0)),
          tried,
          mutated -> judge(mutated, clip, wronglyTrue));
    }
    assertEquals(List.of(), wronglyTrue);
    assertTrue(tried.get("action") >= 100, tried.toString());
    assertTrue(tried.get("colour") >= 50, tried.toString());
    assertTrue(tried.getOrDefault("new colour", 0) >= 5, tried.toString());
  }

  /** Replaces each word the rule maps, one at a time, and hands over the changed caption. */
  private static void mutate(
      List<String> words,
      String kind,
      BiFunction<Integer, String, Optional<String>> rule,
      Map<String, Integer> tried,
      java.util.function.Consumer<String> judge) {
    for (int i = 0; i < words.size(); i++) {
      Optional<String> replacement = rule.apply(i, words.get(i));
      if (replacement.isPresent()) {
        List<String> changed = new ArrayList<>(words);
        changed.set(i, replacement.get());
        judge.accept(String.join(" ", changed));
        tried.merge(kind, 1, Integer::sum);
      }
    }
  }

  private void judge(String caption, Scene scene, List<String> wronglyTrue) {
    CheckResult result = checker.check(caption, scene);
    // These changes keep the grammar: the checker must find the caption false, not unreadable.
    if (result.correct() || !result.parsed() || result.reasons().isEmpty()) {
      wronglyTrue.add(caption);
    }
  }

  private void judge(String caption, Clip clip, List<String> wronglyTrue) {
    CheckResult result = checker.check(caption, clip);
    if (result.correct() || result.reasons().isEmpty()) {
      wronglyTrue.add(caption);
    }
  }
}
