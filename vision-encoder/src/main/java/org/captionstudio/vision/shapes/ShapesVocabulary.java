package org.captionstudio.vision.shapes;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The closed vocabulary of ShapesWorld captions and the phrases they are built from. The caption
 * generator picks from these tables and {@link ShapesCaptionChecker} parses with the same tables,
 * so the two cannot drift apart.
 *
 * <p>Synonyms: size "small" = "little", "large" = "big"; colour "gray" = "grey"; nouns "shape" =
 * "object" (any shape). Every other word has one meaning.
 */
public final class ShapesVocabulary {
  private ShapesVocabulary() {}

  static final List<String> INDEFINITE = List.of("a", "an");
  static final String DEFINITE = "the";

  /** Number words and the counts they mean: "one" is 1, "two" is 2, … */
  static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six");

  /** Nouns that name any shape. */
  static final List<String> GENERIC = List.of("shape", "object");

  static final List<String> GENERIC_PLURAL = List.of("shapes", "objects");

  /** "there is …" and "there are …". */
  static final List<String> THERE_IS = List.of("there", "is");

  static final List<String> THERE_ARE = List.of("there", "are");

  /** Image captions may open with these before a list of noun phrases. */
  static final List<List<String>> PICTURE_OF =
      phrases("a picture of", "an image of", "the picture shows", "the image shows");

  /** Image captions may end with these. */
  static final List<List<String>> IN_PICTURE = phrases("in the picture", "in the image");

  /** Clip captions may open with these before a present-tense sentence. */
  static final List<List<String>> IN_VIDEO = phrases("in this video", "in the video");

  /** Clip captions may open with these before a noun phrase and an -ing verb phrase. */
  static final List<List<String>> VIDEO_OF = phrases("a video of", "a clip of");

  /** "while a blue circle stays still". */
  static final List<List<String>> STAYS_STILL = phrases("stays still", "does not move");

  static final String WHILE = "while";
  static final String AND = "and";
  static final String IS = "is";

  /** How each relation may be said, between two noun phrases. */
  static final Map<Relation, List<List<String>>> RELATIONS = new EnumMap<>(Relation.class);

  /** How each direction of movement may be said, after "moves". */
  static final Map<Direction, List<List<String>>> DIRECTIONS = new EnumMap<>(Direction.class);

  /** Verb phrases per action, present tense ("grows bigger"); a colour word follows RECOLOUR. */
  static final Map<ClipAction.Kind, List<List<String>>> VERBS =
      new EnumMap<>(ClipAction.Kind.class);

  /** Verb phrases per action, -ing form ("growing bigger"), after "a video of …". */
  static final Map<ClipAction.Kind, List<List<String>>> VERBS_ING =
      new EnumMap<>(ClipAction.Kind.class);

  static {
    RELATIONS.put(Relation.LEFT_OF, phrases("to the left of", "left of", "on the left of"));
    RELATIONS.put(Relation.RIGHT_OF, phrases("to the right of", "right of", "on the right of"));
    RELATIONS.put(Relation.ABOVE, phrases("above"));
    RELATIONS.put(Relation.BELOW, phrases("below", "under", "beneath"));
    RELATIONS.put(Relation.NEXT_TO, phrases("next to", "beside"));

    DIRECTIONS.put(Direction.LEFT, phrases("to the left", "left"));
    DIRECTIONS.put(Direction.RIGHT, phrases("to the right", "right"));
    DIRECTIONS.put(Direction.UP, phrases("up", "upwards"));
    DIRECTIONS.put(Direction.DOWN, phrases("down", "downwards"));

    VERBS.put(ClipAction.Kind.MOVE, phrases("moves", "slides"));
    VERBS.put(
        ClipAction.Kind.GROW,
        phrases("grows", "grows bigger", "grows larger", "gets bigger", "gets larger"));
    VERBS.put(ClipAction.Kind.SHRINK, phrases("shrinks", "gets smaller", "becomes smaller"));
    VERBS.put(ClipAction.Kind.ROTATE, phrases("rotates", "spins", "turns around"));
    VERBS.put(ClipAction.Kind.RECOLOUR, phrases("turns", "becomes", "changes color to"));
    VERBS.put(ClipAction.Kind.APPEAR, phrases("appears"));
    VERBS.put(ClipAction.Kind.DISAPPEAR, phrases("disappears", "vanishes"));

    VERBS_ING.put(ClipAction.Kind.MOVE, phrases("moving", "sliding"));
    VERBS_ING.put(
        ClipAction.Kind.GROW,
        phrases("growing", "growing bigger", "getting bigger", "getting larger"));
    VERBS_ING.put(
        ClipAction.Kind.SHRINK, phrases("shrinking", "getting smaller", "becoming smaller"));
    VERBS_ING.put(ClipAction.Kind.ROTATE, phrases("rotating", "spinning", "turning around"));
    VERBS_ING.put(ClipAction.Kind.RECOLOUR, phrases("turning", "becoming", "changing color to"));
    VERBS_ING.put(ClipAction.Kind.APPEAR, phrases("appearing"));
    VERBS_ING.put(ClipAction.Kind.DISAPPEAR, phrases("disappearing", "vanishing"));
  }

  private static final Set<String> WORDS = collect();

  /** Every word a ShapesWorld caption may use, sorted. */
  public static Set<String> words() {
    return WORDS;
  }

  /** The count a number word means, or 0 for any other word. */
  static int number(String word) {
    return NUMBERS.indexOf(word) + 1;
  }

  private static List<List<String>> phrases(String... phrases) {
    return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
  }

  private static Set<String> collect() {
    Set<String> words = new TreeSet<>();
    words.addAll(INDEFINITE);
    words.add(DEFINITE);
    words.addAll(NUMBERS);
    words.addAll(GENERIC);
    words.addAll(GENERIC_PLURAL);
    words.addAll(THERE_IS);
    words.addAll(THERE_ARE);
    words.add(WHILE);
    words.add(AND);
    words.add(IS);
    for (List<List<String>> table :
        List.of(PICTURE_OF, IN_PICTURE, IN_VIDEO, VIDEO_OF, STAYS_STILL)) {
      table.forEach(words::addAll);
    }
    RELATIONS.values().forEach(t -> t.forEach(words::addAll));
    DIRECTIONS.values().forEach(t -> t.forEach(words::addAll));
    VERBS.values().forEach(t -> t.forEach(words::addAll));
    VERBS_ING.values().forEach(t -> t.forEach(words::addAll));
    for (Shape shape : Shape.values()) {
      words.add(shape.word());
      words.add(shape.plural());
    }
    for (Colour colour : Colour.values()) {
      words.addAll(colour.words());
    }
    for (SizeClass size : SizeClass.values()) {
      words.addAll(size.words());
    }
    return Collections.unmodifiableSet(words);
  }
}
