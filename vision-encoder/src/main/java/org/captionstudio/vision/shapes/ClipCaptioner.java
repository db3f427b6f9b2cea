package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes true captions of a clip: "a red square moves to the left", "in this video the blue circle
 * grows bigger", "a video of a green triangle turning yellow while a white star stays still", "a
 * small star appears next to a purple circle". The acting object is described as it looks at the
 * start; a relation to another object is said only for an appearing object, as it stands at the
 * end, and only when it clearly holds.
 */
final class ClipCaptioner {
  private final Clip clip;
  private final SplittableRandom random;

  private ClipCaptioner(Clip clip, SplittableRandom random) {
    this.clip = clip;
    this.random = random;
  }

  /** Up to {@link ImageCaptioner#CAPTIONS} different true captions of the clip. */
  static List<LinkedCaption> captions(Clip clip, SplittableRandom random) {
    return new ClipCaptioner(clip, random).write();
  }

  private List<LinkedCaption> write() {
    Map<String, LinkedCaption> captions = new LinkedHashMap<>();
    for (int attempt = 0; attempt < 200 && captions.size() < ImageCaptioner.CAPTIONS; attempt++) {
      LinkedCaption caption = one();
      captions.putIfAbsent(caption.text(), caption);
    }
    return List.copyOf(captions.values());
  }

  private LinkedCaption one() {
    ShapeObject actor = clip.actor();
    ShapeObject other =
        clip.objects().stream().filter(o -> o.id() != actor.id()).findFirst().orElse(null);
    ClipAction action = clip.action();
    ClipAction.Kind kind = action.kind();

    List<Relation> appearRelations = new ArrayList<>();
    if (other != null && kind == ClipAction.Kind.APPEAR) {
      Scene last = clip.last();
      ShapeObject actorEnd = last.object(actor.id()).orElseThrow();
      ShapeObject otherEnd = last.object(other.id()).orElseThrow();
      for (Relation relation : Relation.values()) {
        if (relation.clearlyHolds(actorEnd, otherEnd, last.side())) {
          appearRelations.add(relation);
        }
      }
    }

    CaptionBuilder caption = new CaptionBuilder(random);
    int form = random.nextInt(6);
    boolean ing = form >= 4;
    if (ing) {
      caption.sayAny(ShapesVocabulary.VIDEO_OF);
    } else if (form == 3) {
      caption.sayAny(ShapesVocabulary.IN_VIDEO);
    }
    int subject =
        caption.nounPhrase(describe(actor), random.nextDouble() < 0.3, null, List.of(actor.id()));
    caption.sayAny((ing ? ShapesVocabulary.VERBS_ING : ShapesVocabulary.VERBS).get(kind));
    boolean saidRelation = false;
    if (action instanceof ClipAction.Move move) {
      caption.sayAny(ShapesVocabulary.DIRECTIONS.get(move.direction()));
    } else if (action instanceof ClipAction.Recolour recolour) {
      caption.sayLinked(caption.any(recolour.to().words()), subject);
    } else if (!appearRelations.isEmpty() && random.nextDouble() < 0.6) {
      Relation relation = appearRelations.get(random.nextInt(appearRelations.size()));
      caption.sayAny(ShapesVocabulary.RELATIONS.get(relation));
      caption.nounPhrase(describe(other), random.nextDouble() < 0.3, null, List.of(other.id()));
      saidRelation = true;
    }
    if (other != null && !saidRelation && random.nextDouble() < 0.35) {
      caption.say(List.of(ShapesVocabulary.WHILE));
      caption.nounPhrase(describe(other), random.nextDouble() < 0.3, null, List.of(other.id()));
      caption.sayAny(ShapesVocabulary.STAYS_STILL);
    }
    return caption.build();
  }

  private Descriptor describe(ShapeObject object) {
    return ImageCaptioner.pickDescriptor(
        ImageCaptioner.uniqueDescriptors(object, clip.objects()), random);
  }
}
