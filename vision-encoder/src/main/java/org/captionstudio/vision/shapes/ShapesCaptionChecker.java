package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Judges whether a caption in the ShapesWorld grammar is true of an image or a clip, and which
 * words name which objects. A caption with an unknown word or an unknown structure is not true.
 *
 * <p>Grammar, over the words of {@link ShapesVocabulary} ([x] optional, x* repeated, a | b
 * alternatives; the phrase lists are the vocabulary's tables):
 *
 * <pre>
 * image     := [there is | there are | picture-of] np ([and] np)* [in-picture]
 *            | [there is] np1 [is] relation np1 [in-picture]
 *            | the [size] [colour] noun is predicate
 * clip      := [in-video] np1 verb-phrase [while np1 stays-still]
 *            | video-of np1 verb-phrase-ing [while np1 stays-still]
 * np        := (a | an | the | one | two | … | six) [size] [colour] noun   (adjectives either order)
 * np1       := np with a, an or the
 * noun      := circle | square | … | shape | object, plural after two … six
 * predicate := size | colour | size and colour | colour and size
 * picture-of:= a picture of | an image of | the picture shows | the image shows
 * in-picture:= in the picture | in the image
 * relation  := (to the | on the)? left of | … right of | above | below | under | beneath
 *            | next to | beside
 * in-video  := in this video | in the video          video-of := a video of | a clip of
 * verb-phrase := (moves | slides) direction | grows [bigger | larger] | gets (bigger | larger)
 *            | shrinks | gets smaller | becomes smaller | rotates | spins | turns around
 *            | (turns | becomes | changes color to) colour | appears [relation np1]
 *            | disappears | vanishes                  (verb-phrase-ing: moving, growing, …)
 * direction := [to the] left | [to the] right | up | upwards | down | downwards
 * stays-still := stays still | does not move
 * </pre>
 *
 * "there is" needs a singular first phrase and "there are" a plural one; "there is" takes no "the".
 *
 * <p>Meaning:
 *
 * <ul>
 *   <li>"a red circle": at least one red circle; "the red circle": exactly one; "two red circles":
 *       exactly two. "shape"/"object" name any shape.
 *   <li>"X to the left of Y" (and the other relations): some X and some other Y stand in that
 *       {@link Relation}.
 *   <li>"the circle is small and red": there is exactly one circle, and it is small and red.
 *   <li>In a clip the acting object is described as it looks at the start; "appears next to Y" is
 *       judged where the objects stand at the end; "while Y stays still" needs a Y that does not
 *       act.
 * </ul>
 *
 * Tokens: the caption lower-cased, with {@code . , ! ? ; :} turned into spaces, split on whitespace
 * ({@link #tokens}). For ShapesWorld's vocabulary this is what coco-caption's tokenizer gives, so
 * word positions are positions in the tokenized caption.
 */
public final class ShapesCaptionChecker {
  /** Judges whether captions are true of images and clips; holds no state. */
  public ShapesCaptionChecker() {}

  /** The words of a caption, as the checker and the ground truth's word positions count them. */
  public static List<String> tokens(String caption) {
    String spaced = caption.toLowerCase(Locale.ROOT).replaceAll("[.,!?;:]", " ").strip();
    return spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split("\\s+"));
  }

  /** Whether the caption is true of the image. */
  public CheckResult check(String caption, Scene scene) {
    return judge(
        caption,
        CaptionParser::image,
        "image",
        (statement, judgement) -> {
          if (statement instanceof CaptionParser.Exists exists) {
            judgement.exists(exists.phrase(), scene.objects());
          } else if (statement instanceof CaptionParser.Related related) {
            judgement.related(related, scene);
          } else if (statement instanceof CaptionParser.Predicate predicate) {
            judgement.predicate(predicate, scene.objects());
          } else {
            throw new IllegalStateException("not an image statement: " + statement);
          }
        });
  }

  /** Whether the caption is true of the clip. */
  public CheckResult check(String caption, Clip clip) {
    return judge(
        caption,
        CaptionParser::clip,
        "clip",
        (statement, judgement) -> {
          if (statement instanceof CaptionParser.Acts acts) {
            judgement.acts(acts, clip);
          } else if (statement instanceof CaptionParser.StaysStill still) {
            judgement.staysStill(still.phrase(), clip);
          } else {
            throw new IllegalStateException("not a clip statement: " + statement);
          }
        });
  }

  private static CheckResult judge(
      String caption,
      Function<List<String>, Optional<List<CaptionParser.Statement>>> grammar,
      String grammarName,
      BiConsumer<CaptionParser.Statement, Judgement> judgeOne) {
    List<String> tokens = tokens(caption);
    Optional<String> unknown = unknownWord(tokens);
    if (unknown.isPresent()) {
      return CheckResult.unparsed(unknown.get());
    }
    Optional<List<CaptionParser.Statement>> statements = grammar.apply(tokens);
    if (statements.isEmpty()) {
      return CheckResult.unparsed(
          "\""
              + String.join(" ", tokens)
              + "\" does not follow the ShapesWorld "
              + grammarName
              + " grammar");
    }
    Judgement judgement = new Judgement();
    for (CaptionParser.Statement statement : statements.get()) {
      judgeOne.accept(statement, judgement);
    }
    return judgement.result();
  }

  private static Optional<String> unknownWord(List<String> tokens) {
    if (tokens.isEmpty()) {
      return Optional.of("the caption is empty");
    }
    for (String token : tokens) {
      if (!ShapesVocabulary.words().contains(token)) {
        return Optional.of("\"" + token + "\" is not a ShapesWorld word");
      }
    }
    return Optional.empty();
  }

  /** The reasons and links gathered while judging one caption. */
  private static final class Judgement {
    private final List<String> reasons = new ArrayList<>();
    private final List<WordLink> links = new ArrayList<>();

    CheckResult result() {
      return new CheckResult(true, reasons.isEmpty(), reasons, links);
    }

    void exists(CaptionParser.NounPhrase phrase, List<ShapeObject> objects) {
      List<ShapeObject> matches = matching(phrase, objects);
      link(phrase.words(), matches);
      quantity(phrase, matches.size());
    }

    void related(CaptionParser.Related related, Scene scene) {
      List<ShapeObject> subjects = matching(related.subject(), scene.objects());
      List<ShapeObject> objects = matching(related.object(), scene.objects());
      boolean counted =
          quantity(related.subject(), subjects.size()) & quantity(related.object(), objects.size());
      Set<ShapeObject> subjectWitnesses = new LinkedHashSet<>();
      Set<ShapeObject> objectWitnesses = new LinkedHashSet<>();
      for (ShapeObject a : subjects) {
        for (ShapeObject b : objects) {
          if (a != b && scene.holds(related.relation(), a, b)) {
            subjectWitnesses.add(a);
            objectWitnesses.add(b);
          }
        }
      }
      link(related.subject().words(), subjectWitnesses.isEmpty() ? subjects : subjectWitnesses);
      link(related.object().words(), objectWitnesses.isEmpty() ? objects : objectWitnesses);
      if (counted && subjectWitnesses.isEmpty()) {
        reasons.add(
            "no "
                + withoutArticle(related.subject())
                + " is "
                + related.relationText()
                + " "
                + related.object().text());
      }
    }

    void predicate(CaptionParser.Predicate predicate, List<ShapeObject> objects) {
      List<ShapeObject> matches = matching(predicate.subject(), objects);
      List<Integer> words = new ArrayList<>(predicate.subject().words());
      words.addAll(predicate.words());
      link(words, matches);
      if (!quantity(predicate.subject(), matches.size())) {
        return;
      }
      ShapeObject object = matches.get(0);
      if (predicate.size() != null && predicate.size() != object.size()) {
        reasons.add(
            predicate.subject().text()
                + " is "
                + object.size().words().get(0)
                + ", not "
                + predicate.size().words().get(0));
      }
      if (predicate.colour() != null && predicate.colour() != object.colour()) {
        reasons.add(
            predicate.subject().text()
                + " is "
                + object.colour().words().get(0)
                + ", not "
                + predicate.colour().words().get(0));
      }
    }

    void acts(CaptionParser.Acts acts, Clip clip) {
      List<ShapeObject> matches = matching(acts.subject(), clip.objects());
      ShapeObject actor = clip.actor();
      ClipAction action = clip.action();
      boolean actorMatches = matches.contains(actor);
      List<Integer> words = new ArrayList<>(acts.subject().words());
      words.addAll(acts.colourWords());
      link(words, actorMatches ? List.of(actor) : matches);
      if (!quantity(acts.subject(), matches.size())) {
        return;
      }
      String claim = acts.subject().text() + " " + acts.verbText();
      String truth = "in the clip " + describe(actor) + " " + describe(action);
      if (!actorMatches || acts.kind() != action.kind()) {
        reasons.add("not true that " + claim + ": " + truth);
        return;
      }
      if (action instanceof ClipAction.Move move && move.direction() != acts.direction()) {
        reasons.add("not true that " + claim + ": " + truth);
      }
      if (action instanceof ClipAction.Recolour recolour && recolour.to() != acts.colour()) {
        reasons.add("not true that " + claim + " " + acts.colour().words().get(0) + ": " + truth);
      }
      if (acts.relation() != null) {
        Scene last = clip.last();
        ShapeObject actorEnd = last.object(actor.id()).orElseThrow();
        List<ShapeObject> others =
            matching(acts.other(), clip.objects()).stream()
                .filter(o -> o.id() != actor.id())
                .toList();
        boolean counted = quantity(acts.other(), matching(acts.other(), clip.objects()).size());
        List<ShapeObject> witnesses =
            others.stream()
                .map(o -> last.object(o.id()))
                .flatMap(Optional::stream)
                .filter(o -> last.holds(acts.relation(), actorEnd, o))
                .toList();
        link(acts.other().words(), witnesses.isEmpty() ? others : witnesses);
        if (counted && witnesses.isEmpty()) {
          reasons.add(
              describe(actor)
                  + " does not end up "
                  + String.join(" ", ShapesVocabulary.RELATIONS.get(acts.relation()).get(0))
                  + " "
                  + acts.other().text());
        }
      }
    }

    void staysStill(CaptionParser.NounPhrase phrase, Clip clip) {
      List<ShapeObject> matches = matching(phrase, clip.objects());
      List<ShapeObject> still =
          matches.stream().filter(o -> o.id() != clip.action().objectId()).toList();
      link(phrase.words(), still.isEmpty() ? matches : still);
      if (quantity(phrase, matches.size()) && still.isEmpty()) {
        reasons.add(
            "no "
                + withoutArticle(phrase)
                + " stays still: "
                + describe(clip.actor())
                + " "
                + describe(clip.action()));
      }
    }

    /** Checks the phrase's count against the number of matching objects; false if wrong. */
    private boolean quantity(CaptionParser.NounPhrase phrase, int found) {
      switch (phrase.quantifier()) {
        case SOME -> {
          if (found == 0) {
            reasons.add("there is no " + withoutArticle(phrase));
            return false;
          }
        }
        case THE -> {
          if (found != 1) {
            reasons.add(
                "\""
                    + phrase.text()
                    + "\" must name exactly one object, but "
                    + found
                    + (found == 1 ? " fits" : " fit"));
            return false;
          }
        }
        case EXACTLY -> {
          if (found != phrase.count()) {
            reasons.add(
                "there "
                    + (found == 1 ? "is " : "are ")
                    + found
                    + ", not "
                    + phrase.count()
                    + ", of \""
                    + phrase.text()
                    + "\"");
            return false;
          }
        }
      }
      return true;
    }

    private void link(List<Integer> words, Collection<ShapeObject> objects) {
      if (!objects.isEmpty()) {
        links.add(new WordLink(words, objects.stream().map(ShapeObject::id).toList()));
      }
    }
  }

  private static List<ShapeObject> matching(
      CaptionParser.NounPhrase phrase, List<ShapeObject> objects) {
    return objects.stream().filter(phrase.descriptor()::matches).toList();
  }

  private static String withoutArticle(CaptionParser.NounPhrase phrase) {
    String text = phrase.text();
    int space = text.indexOf(' ');
    return phrase.quantifier() == CaptionParser.Quantifier.EXACTLY || space < 0
        ? text
        : text.substring(space + 1);
  }

  /** "the small red square". */
  static String describe(ShapeObject object) {
    return "the "
        + object.size().words().get(0)
        + " "
        + object.colour().words().get(0)
        + " "
        + object.shape().word();
  }

  /** "moves left", "turns blue", … */
  static String describe(ClipAction action) {
    if (action instanceof ClipAction.Move move) {
      return "moves " + move.direction().id();
    }
    if (action instanceof ClipAction.Recolour recolour) {
      return "turns " + recolour.to().words().get(0);
    }
    return switch (action.kind()) {
      case GROW -> "grows";
      case SHRINK -> "shrinks";
      case ROTATE -> "rotates";
      case APPEAR -> "appears";
      case DISAPPEAR -> "disappears";
      default -> action.kind().id();
    };
  }
}
