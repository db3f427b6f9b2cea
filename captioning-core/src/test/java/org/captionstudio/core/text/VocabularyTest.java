package org.captionstudio.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.captionstudio.core.CaptioningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTest {
  private static final List<List<String>> CAPTIONS =
      List.of(
          words("a dog runs on the grass"),
          words("a dog plays with a ball"),
          words("the cat sleeps"),
          words("a zebra"));

  private static List<String> words(String caption) {
    return Arrays.asList(caption.split(" "));
  }

  private static Vocabulary read(String json) throws CaptioningException {
    return Vocabulary.fromJson(
        "vocabulary.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void specialTokensComeFirstThenWordsByFallingCountThenAlphabetically() {
    Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 1);

    assertEquals(
        List.of(
            "<pad>", "<start>", "<end>", "<unk>", "a", "dog", "the", "ball", "cat", "grass", "on",
            "plays", "runs", "sleeps", "with", "zebra"),
        vocabulary.tokens());
    assertEquals(0, vocabulary.id(Vocabulary.PAD));
    assertEquals(1, vocabulary.id(Vocabulary.START));
    assertEquals(2, vocabulary.id(Vocabulary.END));
    assertEquals(3, vocabulary.id(Vocabulary.UNK));
    assertEquals(4, vocabulary.count(vocabulary.id("a")));
  }

  @Test
  void idsDoNotDependOnTheOrderOfTheCaptions() {
    List<List<String>> shuffled = new java.util.ArrayList<>(CAPTIONS);
    Collections.reverse(shuffled);

    assertEquals(Vocabulary.build(CAPTIONS, 1).tokens(), Vocabulary.build(shuffled, 1).tokens());
  }

  @Test
  void wordsBelowTheMinimumCountBecomeUnknownAndAreCountedThere() {
    Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 2);

    assertEquals(
        List.of("<pad>", "<start>", "<end>", "<unk>", "a", "dog", "the"), vocabulary.tokens());
    assertFalse(vocabulary.contains("zebra"));
    assertEquals(Vocabulary.UNK_ID, vocabulary.id("zebra"));
    // 17 words in all, 8 of them kept (a x4, dog x2, the x2).
    assertEquals(9, vocabulary.count(Vocabulary.UNK_ID));
  }

  @Test
  void encodeAndDecodeRoundTripUpToTheEndToken() {
    Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 1);

    int[] ids = vocabulary.encode(words("a dog sleeps on a unicorn"));
    assertEquals(Vocabulary.UNK_ID, ids[5]);
    int[] withMarkers = new int[ids.length + 4];
    withMarkers[0] = Vocabulary.START_ID;
    System.arraycopy(ids, 0, withMarkers, 1, ids.length);
    withMarkers[ids.length + 1] = Vocabulary.END_ID;
    withMarkers[ids.length + 2] = vocabulary.id("cat");
    assertEquals(words("a dog sleeps on a <unk>"), vocabulary.decode(withMarkers));
  }

  @Test
  void jsonRoundTripKeepsIdsCountsAndMinCount() throws Exception {
    Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 2);

    Vocabulary read = read(vocabulary.toJson());

    assertEquals(vocabulary.tokens(), read.tokens());
    assertEquals(2, read.minCount());
    for (int id = 0; id < vocabulary.size(); id++) {
      assertEquals(vocabulary.count(id), read.count(id));
    }
    assertArrayEquals(vocabulary.encode(words("a dog")), read.encode(words("a dog")));
  }

  @Test
  void aMinimumCountBelowOneIsAProgrammingError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(CAPTIONS, 0));
    assertEquals("minCount must be >= 1, got 0", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json                | {"format":                                                                                                   | vocabulary.json is not a readable vocabulary:
          another file            | {"format":"other","version":1,"minCount":1,"tokens":[],"counts":[]}                                       | vocabulary.json is not a Caption Studio vocabulary file.
          a newer version         | {"format":"captionstudio-vocabulary","version":9,"minCount":1,"tokens":[],"counts":[]}                    | vocabulary.json has vocabulary format version 9, this version of Caption Studio reads version 1.
          counts missing          | {"format":"captionstudio-vocabulary","version":1,"minCount":1,"tokens":["<pad>","<start>","<end>","<unk>"]} | vocabulary.json must list as many counts as tokens, got 0 and 4.
          specials missing        | {"format":"captionstudio-vocabulary","version":1,"minCount":1,"tokens":["a"],"counts":[1]}                | vocabulary.json must start with the special tokens [<pad>, <start>, <end>, <unk>].
          a duplicate word        | {"format":"captionstudio-vocabulary","version":1,"minCount":1,"tokens":["<pad>","<start>","<end>","<unk>","a","a"],"counts":[0,0,0,0,2,1]} | vocabulary.json: token 5 ("a") appears twice.
          a word with a space     | {"format":"captionstudio-vocabulary","version":1,"minCount":1,"tokens":["<pad>","<start>","<end>","<unk>","a b"],"counts":[0,0,0,0,2]} | vocabulary.json: token 4 must not contain whitespace, got "a b".
          a negative count        | {"format":"captionstudio-vocabulary","version":1,"minCount":1,"tokens":["<pad>","<start>","<end>","<unk>","a"],"counts":[0,0,0,0,-2]} | vocabulary.json: the count of token 4 must be >= 0, got -2.
          a zero minimum count    | {"format":"captionstudio-vocabulary","version":1,"minCount":0,"tokens":["<pad>","<start>","<end>","<unk>"],"counts":[0,0,0,0]} | vocabulary.json has minCount 0, it must be at least 1.
          """)
  void aBrokenFileIsRefusedWithOneSentence(String what, String json, String message) {
    CaptioningException e = assertThrows(CaptioningException.class, () -> read(json));
    assertTrue(e.getMessage().startsWith(message), what + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
