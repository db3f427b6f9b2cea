package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the ShapesWorld caption grammar (written out in {@link ShapesCaptionChecker}) into
 * statements. Phrases come from the {@link ShapesVocabulary} tables the generator writes with.
 */
final class CaptionParser {
  private CaptionParser() {}

  /** How a noun phrase counts: "a"/"an" (at least one), "the" (exactly one), a number (exactly). */
  enum Quantifier {
    SOME,
    THE,
    EXACTLY
  }

  /**
   * A parsed noun phrase.
   *
   * @param quantifier how it counts
   * @param count the number for {@code EXACTLY}, else 1
   * @param descriptor what it says of its objects
   * @param words the positions of its number, adjectives and noun
   * @param text the phrase as written
   */
  record NounPhrase(
      Quantifier quantifier, int count, Descriptor descriptor, List<Integer> words, String text) {}

  /** One claim a caption makes. */
  sealed interface Statement permits Exists, Related, Predicate, Acts, StaysStill {}

  /** "a red circle", "two blue squares", "the star". */
  record Exists(NounPhrase phrase) implements Statement {}

  /** "a red circle to the left of a blue square". */
  record Related(NounPhrase subject, Relation relation, NounPhrase object, String relationText)
      implements Statement {}

  /** "the circle is small and red": size and colour may each be null. */
  record Predicate(
      NounPhrase subject, SizeClass size, Colour colour, List<Integer> words, String text)
      implements Statement {}

  /**
   * "a red square moves to the left", "a star appears next to a circle".
   *
   * @param direction for MOVE, else null
   * @param colour for RECOLOUR, else null
   * @param colourWords the colour word's position for RECOLOUR, else empty
   * @param relation for APPEAR with a relation, else null
   * @param other the relation's other object, else null
   * @param verbText the verb phrase as written
   */
  record Acts(
      NounPhrase subject,
      ClipAction.Kind kind,
      Direction direction,
      Colour colour,
      List<Integer> colourWords,
      Relation relation,
      NounPhrase other,
      String verbText)
      implements Statement {}

  /** "while a blue circle stays still". */
  record StaysStill(NounPhrase phrase) implements Statement {}

  /** The statements of an image caption, or empty when it does not follow the grammar. */
  static Optional<List<Statement>> image(List<String> tokens) {
    List<Function<Cursor, List<Statement>>> forms =
        List.of(CaptionParser::relation, CaptionParser::predicate, CaptionParser::list);
    return firstComplete(tokens, forms);
  }

  /** The statements of a clip caption, or empty when it does not follow the grammar. */
  static Optional<List<Statement>> clip(List<String> tokens) {
    return firstComplete(tokens, List.of(CaptionParser::action));
  }

  private static Optional<List<Statement>> firstComplete(
      List<String> tokens, List<Function<Cursor, List<Statement>>> forms) {
    for (Function<Cursor, List<Statement>> form : forms) {
      Cursor cursor = new Cursor(tokens);
      List<Statement> statements = form.apply(cursor);
      if (statements != null && cursor.atEnd()) {
        return Optional.of(statements);
      }
    }
    return Optional.empty();
  }

  private static List<Statement> relation(Cursor c) {
    boolean there = c.accept(ShapesVocabulary.THERE_IS);
    NounPhrase subject = singular(c);
    if (subject == null || there && subject.quantifier() == Quantifier.THE) {
      return null;
    }
    if (!there) {
      c.accept(List.of(ShapesVocabulary.IS));
    }
    int start = c.position;
    Relation relation = relationWords(c);
    if (relation == null) {
      return null;
    }
    String relationText = c.text(start, c.position);
    NounPhrase object = singular(c);
    if (object == null) {
      return null;
    }
    c.acceptAny(ShapesVocabulary.IN_PICTURE);
    return List.of(new Related(subject, relation, object, relationText));
  }

  private static List<Statement> predicate(Cursor c) {
    NounPhrase subject = nounPhrase(c);
    if (subject == null
        || subject.quantifier() != Quantifier.THE
        || !c.accept(List.of(ShapesVocabulary.IS))) {
      return null;
    }
    int start = c.position;
    Adjectives said = new Adjectives();
    if (!said.take(c) || c.accept(List.of(ShapesVocabulary.AND)) && !said.take(c)) {
      return null;
    }
    return List.of(
        new Predicate(subject, said.size, said.colour, said.words, c.text(start, c.position)));
  }

  private static List<Statement> list(Cursor c) {
    Boolean plural = null;
    if (c.accept(ShapesVocabulary.THERE_IS)) {
      plural = false;
    } else if (c.accept(ShapesVocabulary.THERE_ARE)) {
      plural = true;
    } else {
      c.acceptAny(ShapesVocabulary.PICTURE_OF);
    }
    NounPhrase first = nounPhrase(c);
    if (first == null || plural != null && plural != first.count() > 1) {
      return null;
    }
    List<Statement> statements = new ArrayList<>();
    statements.add(new Exists(first));
    while (true) {
      int mark = c.position;
      c.accept(List.of(ShapesVocabulary.AND));
      NounPhrase next = nounPhrase(c);
      if (next == null) {
        c.position = mark;
        break;
      }
      statements.add(new Exists(next));
    }
    c.acceptAny(ShapesVocabulary.IN_PICTURE);
    return statements;
  }

  private static List<Statement> action(Cursor c) {
    boolean ing = c.acceptAny(ShapesVocabulary.VIDEO_OF) >= 0;
    if (!ing) {
      c.acceptAny(ShapesVocabulary.IN_VIDEO);
    }
    NounPhrase subject = singular(c);
    if (subject == null) {
      return null;
    }
    Acts acts = verbPhrase(c, ing, subject);
    if (acts == null) {
      return null;
    }
    List<Statement> statements = new ArrayList<>();
    statements.add(acts);
    if (c.accept(List.of(ShapesVocabulary.WHILE))) {
      NounPhrase still = singular(c);
      if (still == null || c.acceptAny(ShapesVocabulary.STAYS_STILL) < 0) {
        return null;
      }
      statements.add(new StaysStill(still));
    }
    return statements;
  }

  private static Acts verbPhrase(Cursor c, boolean ing, NounPhrase subject) {
    var table = ing ? ShapesVocabulary.VERBS_ING : ShapesVocabulary.VERBS;
    int start = c.position;
    for (ClipAction.Kind kind : ClipAction.Kind.values()) {
      c.position = start;
      if (c.acceptAny(table.get(kind)) < 0) {
        continue;
      }
      switch (kind) {
        case MOVE -> {
          for (Direction direction : Direction.values()) {
            if (c.acceptAny(ShapesVocabulary.DIRECTIONS.get(direction)) >= 0) {
              return new Acts(
                  subject, kind, direction, null, List.of(), null, null, c.text(start, c.position));
            }
          }
        }
        case RECOLOUR -> {
          Optional<Colour> colour = Colour.ofWord(c.peek());
          if (colour.isPresent()) {
            int at = c.position++;
            return new Acts(
                subject,
                kind,
                null,
                colour.get(),
                List.of(at),
                null,
                null,
                c.text(start, c.position));
          }
        }
        case APPEAR -> {
          String verb = c.text(start, c.position);
          int mark = c.position;
          Relation relation = relationWords(c);
          if (relation != null) {
            NounPhrase other = singular(c);
            if (other != null) {
              return new Acts(subject, kind, null, null, List.of(), relation, other, verb);
            }
          }
          c.position = mark;
          return new Acts(subject, kind, null, null, List.of(), null, null, verb);
        }
        default -> {
          return new Acts(
              subject, kind, null, null, List.of(), null, null, c.text(start, c.position));
        }
      }
    }
    c.position = start;
    return null;
  }

  private static Relation relationWords(Cursor c) {
    for (Relation relation : Relation.values()) {
      if (c.acceptAny(ShapesVocabulary.RELATIONS.get(relation)) >= 0) {
        return relation;
      }
    }
    return null;
  }

  /** A noun phrase with "a", "an" or "the". */
  private static NounPhrase singular(Cursor c) {
    int mark = c.position;
    NounPhrase phrase = nounPhrase(c);
    if (phrase == null || phrase.quantifier() == Quantifier.EXACTLY) {
      c.position = mark;
      return null;
    }
    return phrase;
  }

  private static NounPhrase nounPhrase(Cursor c) {
    int start = c.position;
    String first = c.peek();
    Quantifier quantifier;
    int count = 1;
    Adjectives adjectives = new Adjectives(); // the number word's position goes first
    if (ShapesVocabulary.INDEFINITE.contains(first)) {
      quantifier = Quantifier.SOME;
    } else if (ShapesVocabulary.DEFINITE.equals(first)) {
      quantifier = Quantifier.THE;
    } else if (ShapesVocabulary.number(first) > 0) {
      quantifier = Quantifier.EXACTLY;
      count = ShapesVocabulary.number(first);
      adjectives.words.add(c.position);
    } else {
      return null;
    }
    c.position++;
    while (adjectives.take(c)) {
      // one size and one colour word at most, in either order
    }
    String noun = c.peek();
    boolean plural = count > 1;
    Shape shape = null;
    boolean generic =
        (plural ? ShapesVocabulary.GENERIC_PLURAL : ShapesVocabulary.GENERIC).contains(noun);
    if (!generic) {
      Optional<Shape> named = Shape.ofWord(noun);
      if (named.isEmpty() || !(plural ? named.get().plural() : named.get().word()).equals(noun)) {
        c.position = start;
        return null;
      }
      shape = named.get();
    }
    adjectives.words.add(c.position++);
    return new NounPhrase(
        quantifier,
        count,
        new Descriptor(adjectives.size, adjectives.colour, shape),
        adjectives.words,
        c.text(start, c.position));
  }

  /** Size and colour words read so far: at most one of each. */
  private static final class Adjectives {
    private SizeClass size;
    private Colour colour;
    private final List<Integer> words = new ArrayList<>();

    /** Reads one size or colour word not yet given; false (reading nothing) otherwise. */
    boolean take(Cursor c) {
      Optional<SizeClass> sizeWord = SizeClass.ofWord(c.peek());
      Optional<Colour> colourWord = Colour.ofWord(c.peek());
      if (sizeWord.isPresent() && size == null) {
        size = sizeWord.get();
      } else if (colourWord.isPresent() && colour == null) {
        colour = colourWord.get();
      } else {
        return false;
      }
      words.add(c.position++);
      return true;
    }
  }

  /** A position in the token list. */
  private static final class Cursor {
    private final List<String> tokens;
    private int position;

    Cursor(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return position == tokens.size();
    }

    /** The next token, or "" at the end. */
    String peek() {
      return position < tokens.size() ? tokens.get(position) : "";
    }

    /** Consumes {@code phrase} if the tokens continue with it. */
    boolean accept(List<String> phrase) {
      if (position + phrase.size() > tokens.size()
          || !tokens.subList(position, position + phrase.size()).equals(phrase)) {
        return false;
      }
      position += phrase.size();
      return true;
    }

    /** Consumes the longest of the phrases the tokens continue with; its index, or -1. */
    int acceptAny(List<List<String>> phrases) {
      List<List<String>> longestFirst =
          phrases.stream().sorted(Comparator.comparingInt(p -> -p.size())).toList();
      for (List<String> phrase : longestFirst) {
        if (accept(phrase)) {
          return phrases.indexOf(phrase);
        }
      }
      return -1;
    }

    String text(int from, int to) {
      return String.join(" ", tokens.subList(from, to));
    }
  }
}
