package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/** Writes one caption word by word, recording which words name which objects. */
final class CaptionBuilder {
  private final SplittableRandom random;
  private final boolean usualWords;
  private final List<String> words = new ArrayList<>();
  private final List<List<Integer>> linkWords = new ArrayList<>();
  private final List<List<Integer>> linkObjects = new ArrayList<>();

  /** A builder that picks among synonyms ("small"/"little", "gray"/"grey") at random. */
  CaptionBuilder(SplittableRandom random) {
    this(random, false);
  }

  private CaptionBuilder(SplittableRandom random, boolean usualWords) {
    this.random = random;
    this.usualWords = usualWords;
  }

  /**
   * A builder whose noun phrases always use the usual word of a size, colour or generic noun (the
   * first of its synonyms), so the same objects are always described with the same words.
   */
  static CaptionBuilder withUsualWords(SplittableRandom random) {
    return new CaptionBuilder(random, true);
  }

  /** Appends words. */
  CaptionBuilder say(List<String> phrase) {
    words.addAll(phrase);
    return this;
  }

  /** Appends one of the phrases, picked at random. */
  CaptionBuilder sayAny(List<List<String>> phrases) {
    return say(phrases.get(random.nextInt(phrases.size())));
  }

  /** Whether nothing has been said yet. */
  boolean isEmpty() {
    return words.isEmpty();
  }

  /**
   * Appends a noun phrase naming {@code objects}: an article ("a"/"an"), "the", or a number word
   * when {@code count} is not null, then the size and colour words and the noun.
   *
   * @param definite "the" instead of "a"/"an" (ignored when {@code count} is given)
   * @param count the number word to say, or null for an article
   * @return the link's handle, for {@link #sayLinked}
   */
  int nounPhrase(
      Descriptor descriptor, boolean definite, Integer count, Collection<Integer> objects) {
    int link = linkWords.size();
    linkWords.add(new ArrayList<>());
    linkObjects.add(List.copyOf(objects));
    boolean plural = count != null && count > 1;
    List<String> rest = new ArrayList<>();
    if (descriptor.size() != null) {
      rest.add(synonym(descriptor.size().words()));
    }
    if (descriptor.colour() != null) {
      rest.add(synonym(descriptor.colour().words()));
    }
    if (descriptor.shape() != null) {
      rest.add(plural ? descriptor.shape().plural() : descriptor.shape().word());
    } else {
      rest.add(synonym(plural ? ShapesVocabulary.GENERIC_PLURAL : ShapesVocabulary.GENERIC));
    }
    if (count != null) {
      sayLinked(ShapesVocabulary.NUMBERS.get(count - 1), link);
    } else if (definite) {
      words.add(ShapesVocabulary.DEFINITE);
    } else {
      words.add(article(rest.get(0)));
    }
    for (String word : rest) {
      sayLinked(word, link);
    }
    return link;
  }

  /** Appends a word that names the objects of an earlier noun phrase ("is red", "turns blue"). */
  CaptionBuilder sayLinked(String word, int link) {
    linkWords.get(link).add(words.size());
    words.add(word);
    return this;
  }

  /** One of the words, picked at random. */
  String any(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** The usual (first) word with {@link #withUsualWords}, else one picked at random. */
  private String synonym(List<String> options) {
    return usualWords ? options.get(0) : any(options);
  }

  LinkedCaption build() {
    List<WordLink> links = new ArrayList<>();
    for (int i = 0; i < linkWords.size(); i++) {
      links.add(new WordLink(linkWords.get(i), linkObjects.get(i)));
    }
    return new LinkedCaption(String.join(" ", words), links);
  }

  /** "an" before a vowel, "a" otherwise: right for every word of the vocabulary. */
  static String article(String next) {
    return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
  }
}
