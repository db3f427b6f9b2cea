package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the {@link CaptionStyle#CANONICAL} captions of a still image: all of them state the same
 * list, every object with its size, colour and shape, objects of the same description counted
 * together ("two small red circles"), groups in the order of their leftmost object, left to right
 * by box centre and top to bottom where the centres share an x, joined with "and". Only the framing
 * of the list differs: bare, "there is/are …", "there is/are … in the picture", "an image of …" (or
 * another opening of {@link ShapesVocabulary#PICTURE_OF}), "… in the image". Sizes and colours
 * always use their usual word ("small", never "little").
 */
final class CanonicalCaptioner {
  private CanonicalCaptioner() {}

  /** How the list is framed; one caption each. */
  private enum Framing {
    BARE,
    THERE,
    THERE_IN_PICTURE,
    PICTURE_OF,
    IN_PICTURE
  }

  /** Left to right by box centre, then top to bottom, then by id. */
  static final Comparator<ShapeObject> LEFT_TO_RIGHT =
      Comparator.<ShapeObject>comparingDouble(o -> o.bounds().getCenterX())
          .thenComparingDouble(o -> o.bounds().getCenterY())
          .thenComparingInt(ShapeObject::id);

  static {
    if (Framing.values().length != ImageCaptioner.CAPTIONS) {
      throw new IllegalStateException(
          "one framing per caption: "
              + Framing.values().length
              + " framings for "
              + ImageCaptioner.CAPTIONS
              + " captions");
    }
  }

  /**
   * {@link ImageCaptioner#CAPTIONS} captions of the same list in a random order of framings, or
   * none when the scene is empty. The random stream picks only the framings' order and wording.
   */
  static List<LinkedCaption> captions(Scene scene, SplittableRandom random) {
    List<List<ShapeObject>> groups = groups(scene);
    if (groups.isEmpty()) {
      return List.of();
    }
    List<Framing> framings = new ArrayList<>(List.of(Framing.values()));
    for (int i = framings.size() - 1; i > 0; i--) {
      Collections.swap(framings, i, random.nextInt(i + 1));
    }
    List<LinkedCaption> captions = new ArrayList<>(framings.size());
    for (Framing framing : framings) {
      captions.add(write(groups, framing, random));
    }
    return List.copyOf(captions);
  }

  /**
   * The objects grouped by their full description (size, colour, shape), each group left to right
   * and the groups in the order of their first object.
   */
  static List<List<ShapeObject>> groups(Scene scene) {
    Map<Descriptor, List<ShapeObject>> groups = new LinkedHashMap<>();
    scene.objects().stream()
        .sorted(LEFT_TO_RIGHT)
        .forEach(o -> groups.computeIfAbsent(describe(o), d -> new ArrayList<>()).add(o));
    return List.copyOf(groups.values());
  }

  private static LinkedCaption write(
      List<List<ShapeObject>> groups, Framing framing, SplittableRandom random) {
    CaptionBuilder caption = CaptionBuilder.withUsualWords(random);
    boolean firstPlural = groups.get(0).size() > 1;
    switch (framing) {
      case THERE, THERE_IN_PICTURE ->
          caption.say(firstPlural ? ShapesVocabulary.THERE_ARE : ShapesVocabulary.THERE_IS);
      case PICTURE_OF -> caption.sayAny(ShapesVocabulary.PICTURE_OF);
      case BARE, IN_PICTURE -> {
        // the list alone opens the caption
      }
    }
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) {
        caption.say(List.of(ShapesVocabulary.AND));
      }
      List<ShapeObject> group = groups.get(i);
      caption.nounPhrase(
          describe(group.get(0)),
          false,
          group.size() > 1 ? group.size() : null,
          group.stream().map(ShapeObject::id).sorted().toList()); // as the checker links them
    }
    if (framing == Framing.THERE_IN_PICTURE || framing == Framing.IN_PICTURE) {
      caption.sayAny(ShapesVocabulary.IN_PICTURE);
    }
    return caption.build();
  }

  private static Descriptor describe(ShapeObject object) {
    return new Descriptor(object.size(), object.colour(), object.shape());
  }
}
