package org.captionstudio.core.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * coco-caption's tokenization done the way coco-caption does it: CoreNLP 3.4.1's {@code
 * PTBTokenizer} as its command line runs it with {@code -preserveLines -lowerCase}, followed by
 * coco-caption's Python post-processing. Test scope only (CoreNLP is GPL).
 */
final class CoreNlpOracle {
  private CoreNlpOracle() {}

  private static final Set<String> PUNCTUATIONS =
      Set.of(
          "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-",
          "--", "...", ";");

  /** A token as the command line prints it, and the input characters it came from. */
  private record Token(String word, int begin, int end, boolean lineBreak) {}

  private static List<Token> run(String text) {
    PTBTokenizer<CoreLabel> tokenizer =
        new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), "tokenizeNLs");
    List<Token> tokens = new ArrayList<>();
    while (tokenizer.hasNext()) {
      CoreLabel label = tokenizer.next();
      String word = label.word();
      tokens.add(
          new Token(
              word.toLowerCase(Locale.ENGLISH),
              label.beginPosition(),
              label.endPosition(),
              PTBTokenizer.getNewlineToken().equals(word)));
    }
    return tokens;
  }

  /** The tokens printed for one caption given as one line of input (line feed included). */
  static List<String> ptbTokens(String caption) {
    List<String> words = new ArrayList<>();
    for (Token token : run(caption.replace('\n', ' ') + "\n")) {
      if (!token.lineBreak()) {
        words.add(token.word());
      }
    }
    return words;
  }

  /**
   * coco-caption's tokens for a batch: the captions joined by line feeds in one run, the output cut
   * into lines at the line breaks that join captions, and each line post-processed like Python's
   * {@code ' '.join(w for w in line.rstrip().split(' ') if w not in PUNCTUATIONS)}. For captions
   * without line separators of their own this is exactly coco-caption's line split.
   */
  static List<List<String>> tokenizeAll(List<String> captions) {
    StringBuilder joined = new StringBuilder();
    int[] joints = new int[Math.max(0, captions.size() - 1)];
    for (int i = 0; i < captions.size(); i++) {
      if (i > 0) {
        joints[i - 1] = joined.length();
        joined.append('\n');
      }
      joined.append(captions.get(i).replace('\n', ' '));
    }
    List<StringBuilder> lines = new ArrayList<>();
    for (int i = 0; i < captions.size(); i++) {
      lines.add(new StringBuilder());
    }
    int line = 0;
    for (Token token : run(joined.toString())) {
      boolean coversJoint = line < joints.length && token.end() > joints[line];
      if (token.lineBreak()) {
        if (coversJoint) {
          line++;
        }
        continue;
      }
      StringBuilder out = lines.get(line);
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(token.word());
      while (line < joints.length && token.end() > joints[line]) {
        line++;
      }
    }
    List<List<String>> result = new ArrayList<>();
    for (StringBuilder out : lines) {
      result.add(pythonPostProcessing(out.toString()));
    }
    return result;
  }

  /** {@code [w for w in line.rstrip().split(' ') if w not in PUNCTUATIONS]}, Python 3 style. */
  static List<String> pythonPostProcessing(String line) {
    int end = line.length();
    while (end > 0 && isPythonSpace(line.charAt(end - 1))) {
      end--;
    }
    List<String> kept = new ArrayList<>();
    String stripped = line.substring(0, end);
    int from = 0;
    while (true) {
      int space = stripped.indexOf(' ', from);
      String word = space < 0 ? stripped.substring(from) : stripped.substring(from, space);
      if (!PUNCTUATIONS.contains(word)) {
        kept.add(word);
      }
      if (space < 0) {
        break;
      }
      from = space + 1;
    }
    // Python keeps the empty string that splitting an empty line gives; coco-caption then joins
    // the list back into a string, where it vanishes. Compare lists without it.
    if (kept.size() == 1 && kept.get(0).isEmpty()) {
      kept.clear();
    }
    return kept;
  }

  /** Python 3's {@code str.isspace()} for one character. */
  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
