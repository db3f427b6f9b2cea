package org.captionstudio.core.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.captionstudio.core.CaptioningException;

/**
 * The words a model knows, with stable integer ids.
 *
 * <p>Ids 0–3 are the special tokens {@code <pad> <start> <end> <unk>}; the words follow in order of
 * falling count, ties broken alphabetically, so building from the same captions always gives the
 * same ids. Words seen fewer than {@code minCount} times map to {@code <unk>}, whose count is the
 * number of occurrences so replaced.
 */
public final class Vocabulary {
  public static final String PAD = "<pad>";
  public static final String START = "<start>";
  public static final String END = "<end>";
  public static final String UNK = "<unk>";
  public static final int PAD_ID = 0;
  public static final int START_ID = 1;
  public static final int END_ID = 2;
  public static final int UNK_ID = 3;

  static final String FORMAT = "captionstudio-vocabulary";
  static final int VERSION = 1;
  private static final List<String> SPECIALS = List.of(PAD, START, END, UNK);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> tokens;
  private final long[] counts;
  private final int minCount;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens, long[] counts, int minCount) {
    this.tokens = List.copyOf(tokens);
    this.counts = counts.clone();
    this.minCount = minCount;
    Map<String, Integer> index = new HashMap<>(tokens.size() * 2);
    for (int id = 0; id < tokens.size(); id++) {
      index.put(tokens.get(id), id);
    }
    this.ids = Collections.unmodifiableMap(index);
  }

  /**
   * Counts the words of tokenized captions and keeps those seen at least {@code minCount} times.
   *
   * @param captions tokenized captions, e.g. from {@link CaptionTokenizer#tokenize}
   * @param minCount the minimum count for a word to get its own id, at least 1
   */
  public static Vocabulary build(Iterable<? extends List<String>> captions, int minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
    }
    Map<String, Long> wordCounts = new HashMap<>();
    for (List<String> caption : captions) {
      for (String word : caption) {
        requireWord(word);
        wordCounts.merge(word, 1L, Long::sum);
      }
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    long unknown = 0;
    for (Map.Entry<String, Long> entry : wordCounts.entrySet()) {
      if (SPECIALS.contains(entry.getKey())) {
        throw new IllegalArgumentException(
            "captions must not contain the special token " + entry.getKey());
      }
      if (entry.getValue() >= minCount) {
        kept.add(entry);
      } else {
        unknown += entry.getValue();
      }
    }
    kept.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(SPECIALS);
    long[] counts = new long[SPECIALS.size() + kept.size()];
    counts[UNK_ID] = unknown;
    for (Map.Entry<String, Long> entry : kept) {
      counts[tokens.size()] = entry.getValue();
      tokens.add(entry.getKey());
    }
    return new Vocabulary(tokens, counts, minCount);
  }

  /** The number of ids, special tokens included. */
  public int size() {
    return tokens.size();
  }

  /** The minimum count the vocabulary was built with. */
  public int minCount() {
    return minCount;
  }

  /** The id of {@code word}, or {@link #UNK_ID} when it is not in the vocabulary. */
  public int id(String word) {
    return ids.getOrDefault(word, UNK_ID);
  }

  /** Whether {@code word} has an id of its own. */
  public boolean contains(String word) {
    return ids.containsKey(word);
  }

  /** The token with this id. */
  public String word(int id) {
    Objects.checkIndex(id, tokens.size());
    return tokens.get(id);
  }

  /** How often the word with this id occurred in the captions it was built from. */
  public long count(int id) {
    Objects.checkIndex(id, tokens.size());
    return counts[id];
  }

  /** All tokens in id order, the special tokens first. */
  public List<String> tokens() {
    return tokens;
  }

  /** The ids of {@code words}, unknown words as {@link #UNK_ID}; no start or end token added. */
  public int[] encode(List<String> words) {
    int[] out = new int[words.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(words.get(i));
    }
    return out;
  }

  /** The words of {@code wordIds} up to the first {@code <end>}, leaving out pad and start. */
  public List<String> decode(int[] wordIds) {
    List<String> words = new ArrayList<>(wordIds.length);
    for (int id : wordIds) {
      if (id == END_ID) {
        break;
      }
      if (id != PAD_ID && id != START_ID) {
        words.add(word(id));
      }
    }
    return words;
  }

  /** The vocabulary as JSON; {@link #fromJson} reads it back with the same ids. */
  public String toJson() {
    List<Long> countList = new ArrayList<>(counts.length);
    for (long count : counts) {
      countList.add(count);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(new Stored(FORMAT, VERSION, minCount, tokens, countList));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A vocabulary always serialises", e);
    }
  }

  /**
   * Reads a vocabulary written by {@link #toJson}, checking every part.
   *
   * @param source names the file in messages, e.g. "model.zip!vocabulary.json"
   * @throws CaptioningException with one sentence naming {@code source} and what is wrong
   */
  public static Vocabulary fromJson(String source, InputStream in) throws CaptioningException {
    Stored stored;
    try {
      stored = JSON.readValue(in, Stored.class);
    } catch (IOException e) {
      throw new CaptioningException(
          source + " is not a readable vocabulary: " + firstLine(e.getMessage()), e);
    }
    if (stored == null || !FORMAT.equals(stored.format())) {
      throw new CaptioningException(source + " is not a Caption Studio vocabulary file.");
    }
    if (stored.version() != VERSION) {
      throw new CaptioningException(
          source
              + " has vocabulary format version "
              + stored.version()
              + ", this version of Caption Studio reads version "
              + VERSION
              + ".");
    }
    List<String> tokens = stored.tokens();
    List<Long> counts = stored.counts();
    if (tokens == null || counts == null || tokens.size() != counts.size()) {
      throw new CaptioningException(
          source
              + " must list as many counts as tokens, got "
              + size(counts)
              + " and "
              + size(tokens)
              + ".");
    }
    if (stored.minCount() < 1) {
      throw new CaptioningException(
          source + " has minCount " + stored.minCount() + ", it must be at least 1.");
    }
    if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new CaptioningException(
          source + " must start with the special tokens " + SPECIALS + ".");
    }
    Set<String> seen = new HashSet<>();
    long[] countArray = new long[counts.size()];
    for (int id = 0; id < tokens.size(); id++) {
      String token = tokens.get(id);
      if (id >= SPECIALS.size()) {
        try {
          requireWord(token);
        } catch (IllegalArgumentException e) {
          throw new CaptioningException(source + ": token " + id + " " + e.getMessage() + ".", e);
        }
      }
      if (!seen.add(token)) {
        throw new CaptioningException(
            source + ": token " + id + " (\"" + token + "\") appears twice.");
      }
      Long count = counts.get(id);
      if (count == null || count < 0) {
        throw new CaptioningException(
            source + ": the count of token " + id + " must be >= 0, got " + count + ".");
      }
      countArray[id] = count;
    }
    return new Vocabulary(tokens, countArray, stored.minCount());
  }

  private static void requireWord(String word) {
    if (word == null || word.isEmpty()) {
      throw new IllegalArgumentException("must be a non-empty word, got " + word);
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isWhitespace(word.charAt(i))) {
        throw new IllegalArgumentException("must not contain whitespace, got \"" + word + "\"");
      }
    }
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The JSON form. */
  private record Stored(
      String format, int version, int minCount, List<String> tokens, List<Long> counts) {}
}
