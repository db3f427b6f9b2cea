package org.captionstudio.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the tokenizer token for token with CoreNLP 3.4.1 run the way coco-caption runs it
 * ({@link CoreNlpOracle}): per caption for {@link CaptionTokenizer#ptbTokens}, and in batches, with
 * coco-caption's punctuation filter, for {@link CaptionTokenizer#tokenizeAll}. A failure lists the
 * first mismatches with their input.
 */
class CaptionTokenizerOracleTest {

  private static final int GENERATED = 20_000;
  private static final int MAX_REPORTED = 20;

  private final CaptionTokenizer tokenizer = new CaptionTokenizer();

  /** Held so that the level set on it is not lost to garbage collection. */
  private static Logger coreNlpLexerLog;

  @BeforeAll
  static void silenceUntokenizableWarnings() {
    // CoreNLP logs each input's first character it cannot tokenize; the soup has plenty.
    coreNlpLexerLog = Logger.getLogger("edu.stanford.nlp.process.PTBLexer");
    coreNlpLexerLog.setLevel(Level.OFF);
  }

  @Test
  void generatedCaptionsGiveCoreNlpsTokensOneByOne() {
    List<String> captions = CaptionCorpus.generated(20_240_601L, GENERATED);
    assertEquals(GENERATED, captions.size());
    comparePtbTokens("generated captions", captions);
  }

  @Test
  void generatedCaptionsGiveCocoCaptionsTokensInBatches() {
    compareBatches("generated captions", CaptionCorpus.generated(20_240_601L, GENERATED), 1L);
  }

  @Test
  void edgeCasesGiveCoreNlpsTokensOneByOne() {
    comparePtbTokens("edge cases", CaptionCorpus.EDGE_CASES);
  }

  @Test
  void edgeCasesGiveCocoCaptionsTokensInBatchesAndAtTheEndOfInput() {
    List<String> cases = CaptionCorpus.EDGE_CASES;
    compareBatch("edge cases", cases);
    List<String> reversed = new ArrayList<>(cases);
    Collections.reverse(reversed);
    compareBatch("edge cases reversed", reversed);
    compareBatches("edge cases", cases, 2L);
    Mismatches mismatches = new Mismatches("edge cases alone in a batch");
    for (String caption : cases) {
      mismatches.check(
          caption,
          CoreNlpOracle.tokenizeAll(List.of(caption)).get(0),
          tokenizer.tokenizeAll(List.of(caption)).get(0));
    }
    mismatches.assertNone();
  }

  @Test
  void randomCharacterSoupGivesCoreNlpsTokens() {
    List<String> soup = CaptionCorpus.soup(7L, GENERATED, 16);
    comparePtbTokens("character soup", soup);
    compareBatches("character soup", soup, 3L);
  }

  @Test
  void collidingPhenomenaGiveCoreNlpsTokens() {
    List<String> collisions = CaptionCorpus.collisions(11L, GENERATED);
    comparePtbTokens("colliding phenomena", collisions);
    compareBatches("colliding phenomena", collisions, 4L);
  }

  /**
   * Every character of the Basic Multilingual Plane, alone and next to letters, digits, an
   * abbreviation, a hash sign, a hyphen and an apostrophe, so that each character class the
   * tokenizer uses (letters, digits, capitals, symbols, spaces, quotes, ...) is checked whole.
   */
  @Test
  void everyCharacterOfTheBasicMultilingualPlaneIsClassifiedAsInCoreNlp() {
    String[][] contexts = {
      {"", ""},
      {"a", "a"},
      {"1", "1"},
      {"x ", " y"},
      {"etc. ", " x"},
      {"#", ""},
      {"1-", ""},
      {"1.", ""},
      {"don", "t"},
      {"U.S.", " A"}
    };
    List<String> inputs = new ArrayList<>();
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      for (String[] context : contexts) {
        inputs.add(context[0] + (char) c + context[1]);
      }
    }
    comparePtbTokens("characters of the BMP", inputs);
  }

  @Test
  void theComparisonNoticesADifference() {
    Mismatches mismatches = new Mismatches("self-check");
    mismatches.check("a", List.of("a"), List.of("b"));
    AssertionError error = null;
    try {
      mismatches.assertNone();
    } catch (AssertionError e) {
      error = e;
    }
    assertTrue(error != null && error.getMessage().contains("1 of 1"), String.valueOf(error));
  }

  // ---------------------------------------------------------------------------------------------

  private void comparePtbTokens(String what, List<String> captions) {
    Mismatches mismatches = new Mismatches(what + ", one by one");
    for (String caption : captions) {
      mismatches.check(caption, CoreNlpOracle.ptbTokens(caption), tokenizer.ptbTokens(caption));
    }
    mismatches.assertNone();
  }

  /** Cuts the captions into batches of 1 to 64 (chosen from {@code seed}) and compares each. */
  private void compareBatches(String what, List<String> captions, long seed) {
    Random random = new Random(seed);
    Mismatches mismatches = new Mismatches(what + ", in batches");
    for (int start = 0; start < captions.size(); ) {
      int end = Math.min(captions.size(), start + 1 + random.nextInt(64));
      List<String> batch = captions.subList(start, end);
      List<List<String>> expected = CoreNlpOracle.tokenizeAll(batch);
      List<List<String>> actual = tokenizer.tokenizeAll(batch);
      assertEquals(batch.size(), actual.size(), "one token list per caption");
      for (int i = 0; i < batch.size(); i++) {
        String next = i + 1 < batch.size() ? batch.get(i + 1) : null;
        mismatches.check(
            batch.get(i) + (next == null ? "  [end of input]" : "  [next: " + next + "]"),
            expected.get(i),
            actual.get(i));
      }
      start = end;
    }
    mismatches.assertNone();
  }

  private void compareBatch(String what, List<String> captions) {
    Mismatches mismatches = new Mismatches(what + ", as one batch");
    List<List<String>> expected = CoreNlpOracle.tokenizeAll(captions);
    List<List<String>> actual = tokenizer.tokenizeAll(captions);
    for (int i = 0; i < captions.size(); i++) {
      mismatches.check(captions.get(i), expected.get(i), actual.get(i));
    }
    mismatches.assertNone();
  }

  /** Collects mismatches and reports the first few of them readably. */
  private static final class Mismatches {
    private final String what;
    private final StringBuilder report = new StringBuilder();
    private int checked;
    private int failed;

    Mismatches(String what) {
      this.what = what;
    }

    void check(String input, List<String> expected, List<String> actual) {
      checked++;
      if (expected.equals(actual)) {
        return;
      }
      failed++;
      if (failed <= MAX_REPORTED) {
        report
            .append("\n  input:    ")
            .append(visible(input))
            .append("\n  expected: ")
            .append(visible(String.join(" | ", expected)))
            .append("\n  actual:   ")
            .append(visible(String.join(" | ", actual)));
      }
    }

    void assertNone() {
      if (failed > 0) {
        fail(
            what
                + ": "
                + failed
                + " of "
                + checked
                + " differ from CoreNLP; the first "
                + Math.min(failed, MAX_REPORTED)
                + ":"
                + report);
      }
    }

    private static String visible(String s) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c > 0x7E) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
