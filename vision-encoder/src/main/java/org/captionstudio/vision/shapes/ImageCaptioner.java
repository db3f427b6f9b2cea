package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes true captions of a still image. Every singular noun phrase picks out exactly one object,
 * every number is an exact count, and a direction is said only when it clearly holds (see {@link
 * Relation#clearlyHolds}); where nothing true of a kind can be said, that kind is skipped.
 */
final class ImageCaptioner {
  /** Captions per image. */
  static final int CAPTIONS = 5;

  private enum Kind {
    SINGLE,
    RELATION,
    LIST,
    PREDICATE
  }

  /** A relation that clearly holds between two objects that can each be named alone. */
  private record Fact(ShapeObject subject, Relation relation, ShapeObject object) {}

  private final Scene scene;
  private final SplittableRandom random;
  private final Map<Integer, List<Descriptor>> unique = new LinkedHashMap<>();
  private final List<Fact> facts = new ArrayList<>();

  private ImageCaptioner(Scene scene, SplittableRandom random) {
    this.scene = scene;
    this.random = random;
    for (ShapeObject object : scene.objects()) {
      unique.put(object.id(), uniqueDescriptors(object, scene.objects()));
    }
    for (ShapeObject a : scene.objects()) {
      for (ShapeObject b : scene.objects()) {
        if (a == b || unique.get(a.id()).isEmpty() || unique.get(b.id()).isEmpty()) {
          continue;
        }
        for (Relation relation : Relation.values()) {
          if (relation.clearlyHolds(a, b, scene.side())) {
            facts.add(new Fact(a, relation, b));
          }
        }
      }
    }
  }

  /** Up to {@link #CAPTIONS} different true captions of the scene (fewer only if it is empty). */
  static List<LinkedCaption> captions(Scene scene, SplittableRandom random) {
    return new ImageCaptioner(scene, random).write();
  }

  private List<LinkedCaption> write() {
    Map<Kind, Double> weights = new EnumMap<>(Kind.class);
    weights.put(Kind.SINGLE, 2.5);
    weights.put(Kind.RELATION, facts.isEmpty() ? 0.0 : 3.0);
    weights.put(Kind.LIST, 2.5);
    weights.put(Kind.PREDICATE, 1.5);
    Map<String, LinkedCaption> captions = new LinkedHashMap<>();
    for (int attempt = 0; attempt < 200 && captions.size() < CAPTIONS; attempt++) {
      if (weights.values().stream().noneMatch(w -> w > 0)) {
        break;
      }
      Kind kind = SceneSampler.weighted(List.copyOf(weights.keySet()), weights::get, random);
      Optional<LinkedCaption> caption =
          switch (kind) {
            case SINGLE -> single();
            case RELATION -> relation();
            case LIST -> list();
            case PREDICATE -> predicate();
          };
      if (caption.isEmpty()) {
        weights.put(kind, 0.0); // nothing of this kind can be said of this scene
      } else if (captions.putIfAbsent(caption.get().text(), caption.get()) == null) {
        weights.put(kind, weights.get(kind) * 0.5);
      }
    }
    return List.copyOf(captions.values());
  }

  /** "a large red circle", "there is a red circle in the picture", "an image of a red circle". */
  private Optional<LinkedCaption> single() {
    List<ShapeObject> nameable =
        scene.objects().stream().filter(o -> !unique.get(o.id()).isEmpty()).toList();
    if (nameable.isEmpty()) {
      return Optional.empty();
    }
    ShapeObject object = nameable.get(random.nextInt(nameable.size()));
    CaptionBuilder caption = new CaptionBuilder(random);
    int form = random.nextInt(3);
    if (form == 1) {
      caption.say(ShapesVocabulary.THERE_IS);
    } else if (form == 2) {
      caption.sayAny(ShapesVocabulary.PICTURE_OF);
    }
    caption.nounPhrase(describe(object), false, null, List.of(object.id()));
    if (form == 1 && random.nextBoolean()) {
      caption.sayAny(ShapesVocabulary.IN_PICTURE);
    }
    return Optional.of(caption.build());
  }

  /** "a red circle to the left of a blue square", "the red circle is above the blue square". */
  private Optional<LinkedCaption> relation() {
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    Fact fact = SceneSampler.weighted(facts, ImageCaptioner::weight, random);
    CaptionBuilder caption = new CaptionBuilder(random);
    int form = random.nextInt(3);
    boolean there = form == 2;
    if (there) {
      caption.say(ShapesVocabulary.THERE_IS);
    }
    caption.nounPhrase(
        describe(fact.subject()),
        !there && random.nextDouble() < 0.4,
        null,
        List.of(fact.subject().id()));
    if (form == 1) {
      caption.say(List.of(ShapesVocabulary.IS));
    }
    caption.sayAny(ShapesVocabulary.RELATIONS.get(fact.relation()));
    caption.nounPhrase(
        describe(fact.object()), random.nextDouble() < 0.4, null, List.of(fact.object().id()));
    return Optional.of(caption.build());
  }

  private static double weight(Fact fact) {
    return fact.relation() == Relation.NEXT_TO ? 0.5 : 1.0;
  }

  /**
   * Exact counts of groups of objects: "two blue squares and a green triangle", "three shapes",
   * "there are two red shapes and a white shape in the picture".
   */
  private Optional<LinkedCaption> list() {
    // Group by shape and colour most often; counting all objects ("three shapes") says little,
    // and of a single object ("a shape") nothing.
    Map<Function<ShapeObject, Descriptor>, Double> groupings = new LinkedHashMap<>();
    groupings.put(o -> new Descriptor(null, o.colour(), o.shape()), 3.0);
    groupings.put(o -> new Descriptor(null, null, o.shape()), 1.5);
    groupings.put(o -> new Descriptor(null, o.colour(), null), 1.2);
    groupings.put(o -> new Descriptor(null, null, null), scene.objects().size() > 1 ? 0.8 : 0.0);
    Function<ShapeObject, Descriptor> grouping =
        SceneSampler.weighted(List.copyOf(groupings.keySet()), groupings::get, random);
    Map<Descriptor, List<Integer>> groups = new LinkedHashMap<>();
    for (ShapeObject object : scene.objects()) {
      groups.computeIfAbsent(grouping.apply(object), d -> new ArrayList<>()).add(object.id());
    }
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    List<Descriptor> order = new ArrayList<>(groups.keySet());
    shuffle(order);
    int take =
        order.size() <= 3 && random.nextDouble() < 0.6
            ? order.size()
            : 1 + random.nextInt(Math.min(3, order.size()));
    order = order.subList(0, take);

    CaptionBuilder caption = new CaptionBuilder(random);
    int form = random.nextInt(6);
    boolean firstPlural = groups.get(order.get(0)).size() > 1;
    if (form == 1 || form == 2) {
      caption.say(firstPlural ? ShapesVocabulary.THERE_ARE : ShapesVocabulary.THERE_IS);
    } else if (form == 3) {
      caption.sayAny(ShapesVocabulary.PICTURE_OF);
    }
    for (int i = 0; i < order.size(); i++) {
      if (i > 0) {
        caption.say(List.of(ShapesVocabulary.AND));
      }
      List<Integer> ids = groups.get(order.get(i));
      boolean sayOne = ids.size() == 1 && random.nextDouble() < 0.15;
      Integer count = ids.size() > 1 || sayOne ? ids.size() : null;
      caption.nounPhrase(order.get(i), false, count, ids);
    }
    if (form == 2) {
      caption.sayAny(ShapesVocabulary.IN_PICTURE);
    }
    return Optional.of(caption.build());
  }

  /** "the circle is red", "the red shape is large", "the star is small and blue". */
  private Optional<LinkedCaption> predicate() {
    List<ShapeObject> objects = new ArrayList<>(scene.objects());
    shuffle(objects);
    for (ShapeObject object : objects) {
      List<Descriptor> nominals =
          unique.get(object.id()).stream()
              .filter(
                  d -> d.colour() == null || d.size() == null && object.size() != SizeClass.MEDIUM)
              .toList();
      if (nominals.isEmpty()) {
        continue;
      }
      Descriptor nominal = nominals.get(random.nextInt(nominals.size()));
      boolean sayColour = nominal.colour() == null;
      boolean saySize = nominal.size() == null && object.size() != SizeClass.MEDIUM;
      if (sayColour && saySize) {
        int which = random.nextInt(3);
        sayColour = which != 1;
        saySize = which != 0;
      }
      CaptionBuilder caption = new CaptionBuilder(random);
      int link = caption.nounPhrase(nominal, true, null, List.of(object.id()));
      caption.say(List.of(ShapesVocabulary.IS));
      if (saySize) {
        caption.sayLinked(caption.any(object.size().words()), link);
      }
      if (saySize && sayColour) {
        caption.say(List.of(ShapesVocabulary.AND));
      }
      if (sayColour) {
        caption.sayLinked(caption.any(object.colour().words()), link);
      }
      return Optional.of(caption.build());
    }
    return Optional.empty();
  }

  private Descriptor describe(ShapeObject object) {
    return pickDescriptor(unique.get(object.id()), random);
  }

  /**
   * The descriptions that fit this object and no other, most natural first: colour and shape, size
   * colour and shape, shape alone, size and shape, then the generic noun with a colour or a size.
   */
  static List<Descriptor> uniqueDescriptors(ShapeObject object, List<ShapeObject> all) {
    List<Descriptor> options =
        List.of(
            new Descriptor(null, object.colour(), object.shape()),
            new Descriptor(object.size(), object.colour(), object.shape()),
            new Descriptor(null, null, object.shape()),
            new Descriptor(object.size(), null, object.shape()),
            new Descriptor(null, object.colour(), null),
            new Descriptor(object.size(), object.colour(), null),
            new Descriptor(object.size(), null, null));
    Set<Descriptor> fitting = new LinkedHashSet<>();
    for (Descriptor option : options) {
      if (all.stream().filter(option::matches).count() == 1) {
        fitting.add(option);
      }
    }
    return List.copyOf(fitting);
  }

  /** One of the unique descriptions, weighted towards the natural ones. */
  static Descriptor pickDescriptor(List<Descriptor> options, SplittableRandom random) {
    return SceneSampler.weighted(options, ImageCaptioner::naturalness, random);
  }

  private static double naturalness(Descriptor d) {
    if (d.shape() != null) {
      if (d.colour() != null) {
        return d.size() != null ? 3 : 4;
      }
      return d.size() != null ? 1.5 : 2;
    }
    return d.size() == null ? 1 : d.colour() != null ? 0.6 : 0.4;
  }

  private <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}
