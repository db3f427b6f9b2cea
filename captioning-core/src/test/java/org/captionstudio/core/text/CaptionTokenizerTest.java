package org.captionstudio.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What coco-caption makes of captions, phenomenon by phenomenon. Every expected string was checked
 * against CoreNLP 3.4.1 (see {@link CaptionTokenizerOracleTest}); tokens are written separated by
 * single spaces.
 */
class CaptionTokenizerTest {

  private final CaptionTokenizer tokenizer = new CaptionTokenizer();

  private void assertTokens(String caption, String expected) {
    assertEquals(
        expected, String.join(" ", tokenizer.tokenize(caption)), () -> "tokens of " + caption);
  }

  static Stream<Arguments> designDocExamples() {
    return Stream.of(
        arguments("A man's dog (brown) can't run.", "a man 's dog -lrb- brown -rrb- ca n't run"),
        arguments("costs $3.50...", "costs $ 3.50"),
        arguments("gonna wanna", "gon na wan na"),
        arguments("cannot", "can not"),
        arguments("won't", "wo n't"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("designDocExamples")
  void designDocExamplesComeOutAsCocoCaptionScoresThem(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> contractions() {
    return Stream.of(
        arguments("It's a dog.", "it 's a dog"),
        arguments(
            "They're playing; we'll see what you've done, he'd say I'm sure.",
            "they 're playing we 'll see what you 've done he 'd say i 'm sure"),
        arguments(
            "Don't, isn't, couldn't, shouldn't, ain't",
            "do n't is n't could n't should n't ai n't"),
        arguments("The dogs' bowls and James's hat", "the dogs bowls and james 's hat"),
        arguments("CAN'T STOP", "ca n't stop"),
        arguments("a cat\u2019s toy isn\u2019t here", "a cat 's toy is n't here"),
        arguments("gotta lemme gimme", "got ta lem me gim me"),
        arguments("I cannot.", "i can not"),
        arguments("y'all rock 'n' roll o'clock", "y' all rock 'n' roll o'clock"),
        arguments("the '90s and 1990s", "the '90s and 1990s"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("contractions")
  void contractionsAndPossessivesSplitOffTheirClitic(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> quotes() {
    return Stream.of(
        arguments("He said \"hello\" to her.", "he said hello to her"),
        arguments("A sign that says 'STOP' here", "a sign that says stop here"),
        arguments("She said \u201Chi\u201D and \u2018bye\u2019", "she said hi and bye"),
        arguments("A sign reading ``open''", "a sign reading open"),
        arguments("\u00ABbonjour\u00BB", "bonjour"),
        arguments("\"Quoted\" at the start", "quoted at the start"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("quotes")
  void quotesOfEveryKindBecomeLatexQuotesAndAreRemoved(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> brackets() {
    return Stream.of(
        arguments(
            "A man (in red) [left] {right}",
            "a man -lrb- in red -rrb- -lsb- left -rsb- -lcb- right -rcb-"),
        arguments("(a cat)", "-lrb- a cat -rrb-"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("brackets")
  void bracketsBecomePtbEscapesAndSurviveTheFilter(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> abbreviations() {
    return Stream.of(
        arguments("the U.S. flag", "the u.s. flag"),
        arguments("A U.S.A. map", "a u.s.a. map"),
        arguments("a man on St. Patrick's day", "a man on st. patrick 's day"),
        arguments("Dr. Smith at 3 p.m. today", "dr. smith at 3 p.m. today"),
        arguments("He lives in the U.S.", "he lives in the u.s."),
        arguments("the words etc. and vs. and Mr. Bean", "the words etc. and vs. and mr. bean"),
        arguments("A sign with the letter B.", "a sign with the letter b."),
        arguments("Mt. Everest, etc.", "mt. everest etc."));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("abbreviations")
  void abbreviationsAndInitialsKeepTheirPeriodEvenAtTheEnd(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        arguments("a clock showing 10:30", "a clock showing 10:30"),
        arguments(
            "1,000 people and 3.50 dollars and -5 degrees",
            "1,000 people and 3.50 dollars and -5 degrees"),
        arguments("a calendar showing 12/25/2020", "a calendar showing 12/25/2020"),
        arguments("1/2 of a pie and 3 1/2 cups", "1/2 of a pie and 3\u00A01/2 cups"),
        arguments("\u00BD cup", "1/2 cup"),
        arguments("50% off", "50 % off"),
        arguments("the 1st and 2nd place", "the 1st and 2nd place"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("numbers")
  void numbersKeepTheirPointsCommasColonsAndSlashes(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> currencies() {
    return Stream.of(
        arguments("It costs $3.50", "it costs $ 3.50"),
        arguments("US$5 and A$10", "us$ 5 and a$ 10"),
        arguments(
            "\u00A35 and \u20AC10 and \u00A5100 and 5\u00A2",
            "# 5 and $ 10 and \u00A5 100 and 5 cents"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("currencies")
  void currencySignsAreSplitOffAndPoundEuroAndCentAreRewritten(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> compounds() {
    return Stream.of(
        arguments(
            "a t-shirt and a well-known black-and-white x-ray",
            "a t-shirt and a well-known black-and-white x-ray"),
        arguments("a 3-year-old boy", "a 3-year-old boy"),
        arguments("a red/white flag and/or a 24/7 shop", "a red/white flag and/or a 24/7 shop"),
        arguments("AT&T and R&D", "at&t and r&d"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("compounds")
  void hyphenatedSlashedAndAmpersandWordsStayWhole(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> punctuation() {
    return Stream.of(
        arguments("Wait... what . . . now\u2026", "wait what now"),
        arguments(
            "a dog -- a cat \u2014 a bird \u2013 a fish - a cow",
            "a dog a cat a bird a fish a cow"),
        arguments("What?! Really!? No!! Why??", "what ?! really !? no !! why ??"),
        arguments("!!!", "!!!"),
        arguments("Tom & Jerry @ home", "tom & jerry @ home"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("punctuation")
  void singlePunctuationIsRemovedButRunsOfMarksSurvive(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> nonAscii() {
    return Stream.of(
        arguments(
            "A caf\u00E9 in Z\u00FCrich with na\u00EFve art",
            "a caf\u00E9 in z\u00FCrich with na\u00EFve art"),
        arguments(
            "\u0391\u03B8\u03AE\u03BD\u03B1 and \u041C\u043E\u0441\u043A\u0432\u0430",
            "\u03B1\u03B8\u03AE\u03BD\u03B1 and \u043C\u043E\u0441\u043A\u0432\u0430"),
        arguments(
            "cr\u00E8me br\u00FBl\u00E9e in S\u00E3o Paulo",
            "cr\u00E8me br\u00FBl\u00E9e in s\u00E3o paulo"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("nonAscii")
  void nonAsciiLettersStayInTheirWordsAndAreLowerCased(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> whitespace() {
    return Stream.of(
        arguments("\tA  dog\tand\u00A0a cat  ", "a dog and a cat"),
        arguments("A dog\nand a cat", "a dog and a cat"),
        arguments("a\r\nb", "a b"),
        arguments("", ""),
        arguments(" \t ", ""));
  }

  @ParameterizedTest(name = "{index}: {1}")
  @MethodSource("whitespace")
  void anyWhitespaceOnlySeparatesTokens(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> webAndEmoticons() {
    return Stream.of(
        arguments(
            "a smile :) and :-( and ;) and :D", "a smile :-rrb- and :--lrb- and ;-rrb- and :d"),
        arguments(
            "visit www.example.com or http://example.com/path now",
            "visit www.example.com or http://example.com/path now"),
        arguments("email me at john@example.com", "email me at john@example.com"),
        arguments("a #sunset by @john", "a #sunset by @john"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("webAndEmoticons")
  void emoticonsAddressesAndHandlesAreSingleTokens(String caption, String expected) {
    assertTokens(caption, expected);
  }

  static Stream<Arguments> ptbTokens() {
    return Stream.of(
        arguments("It's a dog.", "it 's a dog ."),
        arguments("He said \"hello\" to her.", "he said `` hello '' to her ."),
        arguments("Mt. Everest, etc.", "mt. everest , etc. ."),
        arguments("Wait... what . . . now\u2026", "wait ... what ... now ..."),
        arguments("a dog -- a cat \u2014 a bird - a fish", "a dog -- a cat -- a bird - a fish"),
        arguments("The dogs' bowls", "the dogs ' bowls"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("ptbTokens")
  void ptbTokensKeepThePunctuationThatTokenizeRemoves(String caption, String expected) {
    assertEquals(expected, String.join(" ", tokenizer.ptbTokens(caption)));
  }

  @Test
  void tokenizeToStringJoinsTheTokensWithSingleSpaces() {
    assertEquals("a man 's dog", tokenizer.tokenizeToString("A  man's   dog."));
    assertEquals("", tokenizer.tokenizeToString("..."));
  }

  @Test
  void trailingWhitespaceInsideTheLastTokenIsStrippedLikePythonsRstrip() {
    // A no-break space is allowed inside a web address, so it ends the address token here.
    assertEquals(
        List.of("see", "http://x.com\u00A0"), tokenizer.ptbTokens("see http://x.com\u00A0"));
    assertEquals(List.of("see", "http://x.com"), tokenizer.tokenize("see http://x.com\u00A0"));
  }

  @Test
  void aBatchGivesEachCaptionItsOwnTokens() {
    List<String> captions = List.of("A dog's bone.", "", "Two (small) cats.", "They're here.");
    List<List<String>> batch = tokenizer.tokenizeAll(captions);
    assertEquals(
        List.of(
            List.of("a", "dog", "'s", "bone"),
            List.of(),
            List.of("two", "-lrb-", "small", "-rrb-", "cats"),
            List.of("they", "'re", "here")),
        batch);
    for (int i = 0; i < captions.size(); i++) {
      assertEquals(tokenizer.tokenize(captions.get(i)), batch.get(i));
    }
    assertEquals(List.of(), tokenizer.tokenizeAll(List.of()));
  }

  @Test
  void inABatchASingleLetterLosesItsPeriodBeforeACaptionStartingASentence() {
    List<String> captions = List.of("A sign with the letter B.", "A man on a bench.");
    assertEquals(
        List.of("a", "sign", "with", "the", "letter", "b"), tokenizer.tokenizeAll(captions).get(0));
    assertEquals(
        List.of("a", "sign", "with", "the", "letter", "b."), tokenizer.tokenize(captions.get(0)));
  }

  @Test
  void theLastCaptionOfABatchMeetsTheEndOfTheInput() {
    // At the very end of the input a two-letter clitic is read as an opening quote and a word.
    List<List<String>> batch = tokenizer.tokenizeAll(List.of("we're", "we're"));
    assertEquals(List.of("we", "'re"), batch.get(0));
    assertEquals(List.of("we", "re"), batch.get(1));
    assertEquals(List.of("we", "'re"), tokenizer.tokenize("we're"));
  }

  @Test
  void lineSeparatorsInsideACaptionDoNotSplitTheBatch() {
    List<List<String>> batch =
        tokenizer.tokenizeAll(List.of("a\rb", "c\u2028d", "e\r", "f\ng", "h"));
    assertEquals(
        List.of(
            List.of("a", "b"), List.of("c", "d"), List.of("e"), List.of("f", "g"), List.of("h")),
        batch);
  }

  @Test
  void nullCaptionsAreRejectedWithAMessageNamingThem() {
    NullPointerException single =
        assertThrows(NullPointerException.class, () -> tokenizer.tokenize(null));
    assertTrue(single.getMessage().contains("caption"), single.getMessage());
    NullPointerException inBatch =
        assertThrows(
            NullPointerException.class, () -> tokenizer.tokenizeAll(Arrays.asList("a", null)));
    assertTrue(inBatch.getMessage().contains("index 1"), inBatch.getMessage());
    assertThrows(NullPointerException.class, () -> tokenizer.tokenizeAll(null));
  }

  @Test
  void resultsCannotBeModified() {
    assertThrows(UnsupportedOperationException.class, () -> tokenizer.tokenize("a dog").add("cat"));
    assertThrows(
        UnsupportedOperationException.class, () -> tokenizer.ptbTokens("a dog").add("cat"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> tokenizer.tokenizeAll(List.of("a dog")).get(0).add("cat"));
  }
}
