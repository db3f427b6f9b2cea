package org.captionstudio.core.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Tokenizes captions exactly as the coco-caption evaluation toolkit does before it scores them, so
 * that the BLEU, ROUGE-L and CIDEr-D computed here agree with coco-caption's numbers.
 *
 * <p>coco-caption writes all captions, one per line (a caption's own line feeds replaced by
 * spaces), through the Penn Treebank tokenizer of Stanford CoreNLP 3.4.1 with the options {@code
 * -preserveLines -lowerCase}, then drops the tokens in its punctuation list from each line. This
 * class is an independent reimplementation of both steps: {@link #ptbTokens} gives the first step
 * (lower-cased Penn Treebank tokens: {@code "can't"} gives {@code ca n't}, {@code "("} gives {@code
 * -lrb-}, {@code "$3.50"} gives {@code $ 3.50}) and {@link #tokenize} both.
 *
 * <p>The Penn Treebank tokenizer looks ahead, across line ends too, so the end of a caption can
 * come out differently depending on what follows it. The single-caption methods tokenize the
 * caption as a line followed by a line break, which is how coco-caption sees every caption but the
 * last of a batch. {@link #tokenizeAll} tokenizes a whole batch the way coco-caption does and also
 * reproduces what depends on the next caption or on the end of the input. After punctuation removal
 * such differences are rare: a caption ending in a single letter and a period ("the letter B.")
 * loses the period when the next caption starts with a common sentence opener ("A", "The", ...),
 * and "fig." or "no." at the end keep their period when the next caption starts with a digit.
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class CaptionTokenizer {

  /**
   * coco-caption's punctuation list, spelled as it spells it. Tokens are lower-cased before the
   * comparison, so the bracket escapes in capitals never match and {@code -lrb-} and friends stay.
   */
  private static final Set<String> PUNCTUATION =
      Set.of(
          "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-",
          "--", "...", ";");

  /** Creates a tokenizer; instances are interchangeable. */
  public CaptionTokenizer() {}

  /**
   * coco-caption's tokens for one caption: Penn Treebank tokens, lower-cased, without the tokens in
   * coco-caption's punctuation list.
   *
   * @param caption the caption, any text
   * @return the tokens in order, unmodifiable; empty if nothing but punctuation remains
   * @throws NullPointerException if {@code caption} is null
   */
  public List<String> tokenize(String caption) {
    return withoutPunctuation(ptbTokens(caption));
  }

  /**
   * {@link #tokenize} joined by single spaces: the string coco-caption scores.
   *
   * @param caption the caption, any text
   * @return the tokens separated by single spaces; empty if there are none
   * @throws NullPointerException if {@code caption} is null
   */
  public String tokenizeToString(String caption) {
    return String.join(" ", tokenize(caption));
  }

  /**
   * The Penn Treebank tokens of one caption, lower-cased, before punctuation is removed: what
   * {@code PTBTokenizer -preserveLines -lowerCase} prints for the caption as one line of its input
   * (followed by a line break). Line feeds in the caption are first replaced by spaces, as
   * coco-caption does; other line separators (CR, U+2028, ...) separate tokens.
   *
   * @param caption the caption, any text
   * @return the tokens in order, unmodifiable
   * @throws NullPointerException if {@code caption} is null
   */
  public List<String> ptbTokens(String caption) {
    Objects.requireNonNull(caption, "caption must not be null");
    List<String> tokens = new ArrayList<>();
    new PtbScanner(
            caption.replace('\n', ' ') + '\n',
            new PtbScanner.Sink() {
              @Override
              public void token(String text, int start, int end) {
                tokens.add(text.toLowerCase(Locale.ENGLISH));
              }

              @Override
              public void lineBreak(int start, int end) {}
            })
        .run();
    return Collections.unmodifiableList(tokens);
  }

  /**
   * coco-caption's tokens for a batch of captions tokenized together, as coco-caption tokenizes all
   * references (or all candidates) of an evaluation in one call. Each result equals {@link
   * #tokenize} of the same caption except where the tokenizer's look-ahead reaches into the next
   * caption or, for the last caption, meets the end of the input (see the class comment).
   *
   * @param captions the captions, in order; none may be null
   * @return one unmodifiable token list per caption, in the same order
   * @throws NullPointerException if {@code captions} or one of its elements is null
   */
  public List<List<String>> tokenizeAll(List<String> captions) {
    Objects.requireNonNull(captions, "captions must not be null");
    StringBuilder joined = new StringBuilder();
    int[] lineEnds = new int[captions.size()];
    for (int i = 0; i < captions.size(); i++) {
      String caption =
          Objects.requireNonNull(
              captions.get(i), "captions must not contain null (index " + i + ")");
      if (i > 0) {
        joined.append('\n');
      }
      joined.append(caption.replace('\n', ' '));
      lineEnds[i] = joined.length();
    }
    if (captions.isEmpty()) {
      return List.of();
    }
    List<List<String>> lines = new ArrayList<>(captions.size());
    for (int i = 0; i < captions.size(); i++) {
      lines.add(new ArrayList<>());
    }
    new PtbScanner(
            joined.toString(),
            new PtbScanner.Sink() {
              private int line;

              @Override
              public void token(String text, int start, int end) {
                lines.get(line).add(text.toLowerCase(Locale.ENGLISH));
                // A token can only swallow a caption boundary inside quoted markup attributes.
                while (line < lineEnds.length - 1 && end > lineEnds[line]) {
                  line++;
                }
              }

              @Override
              public void lineBreak(int start, int end) {
                // Only the breaks that join captions end one; breaks inside a caption do not.
                if (line < lineEnds.length - 1 && end > lineEnds[line]) {
                  line++;
                }
              }
            })
        .run();
    List<List<String>> result = new ArrayList<>(lines.size());
    for (List<String> line : lines) {
      result.add(withoutPunctuation(line));
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * coco-caption's post-processing of one output line: {@code line.rstrip().split(' ')} without the
   * punctuation tokens. Tokens never contain a space, so only the right strip can change a token,
   * and only a web address or markup token can end in whitespace at all.
   */
  private static List<String> withoutPunctuation(List<String> tokens) {
    int count = tokens.size();
    String last = null;
    while (count > 0) {
      last = stripTrailingWhitespace(tokens.get(count - 1));
      if (!last.isEmpty()) {
        break;
      }
      count--;
    }
    List<String> kept = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String token = i == count - 1 ? last : tokens.get(i);
      if (!PUNCTUATION.contains(token)) {
        kept.add(token);
      }
    }
    return Collections.unmodifiableList(kept);
  }

  /** Python 3's {@code str.rstrip()}: removes trailing characters Python calls whitespace. */
  private static String stripTrailingWhitespace(String token) {
    int end = token.length();
    while (end > 0 && isPythonWhitespace(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(0, end);
  }

  private static boolean isPythonWhitespace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001C' && c <= ' ')
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }
}
