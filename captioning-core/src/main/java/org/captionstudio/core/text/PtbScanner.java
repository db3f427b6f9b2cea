package org.captionstudio.core.text;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One pass of the coco-caption (Penn Treebank style) tokenizer over a text.
 *
 * <p>At every position the scanner asks each of its patterns how far it would reach and takes the
 * longest reach; when several reach equally far the pattern listed first wins. Some patterns look
 * ahead: their reach includes characters that only decide whether they apply and are left for the
 * next token. That is the whole contract, so the order of the {@code consider} calls in {@link
 * #step} is significant and every matcher must return its <em>longest</em> reach.
 *
 * <p>A scanner is used once, by one thread.
 */
final class PtbScanner {

  /** Receives the tokens of a pass in order, as the tokenizer writes them (not lower-cased). */
  interface Sink {
    /** A token whose text came from {@code [start, end)} of the input. */
    void token(String text, int start, int end);

    /** A line break token covering {@code [start, end)}. */
    void lineBreak(int start, int end);
  }

  // The patterns, in priority order. Where two reach equally far the smaller number wins.
  private static final int CPP = 1;
  private static final int SHARP_LANGUAGE = 2;
  private static final int CANNOT = 3;
  private static final int IT_WAS = 4;
  private static final int IT_IS = 5;
  private static final int ASSIMILATION = 6;
  private static final int MARKUP = 7;
  private static final int DASH_ENTITY = 8;
  private static final int AMP_ENTITY = 9;
  private static final int PUNCT_ENTITY = 10;
  private static final int WORD_BEFORE_CLITIC = 11;
  private static final int WORD_BEFORE_NT = 12;
  private static final int WORD = 13;
  private static final int APOSTROPHE_WORD = 14;
  private static final int Y_APOSTROPHE = 15;
  private static final int URL_WITH_SCHEME = 16;
  private static final int URL_LIKE = 17;
  private static final int EMAIL = 18;
  private static final int HANDLE = 19;
  private static final int CLITIC_BEFORE_NON_LETTER = 20;
  private static final int NT_BEFORE_NON_LETTER = 21;
  private static final int DATE = 22;
  private static final int NUMBER = 23;
  private static final int SCRIPT_DIGITS = 24;
  private static final int FRACTION = 25;
  private static final int VULGAR_FRACTION = 26;
  private static final int TREEBANK_SPECIAL = 27;
  private static final int SLASHED_WORDS = 28;
  private static final int DOLLAR = 29;
  private static final int CURRENCY = 30;
  private static final int ACRONYM_ENDING_SENTENCE = 31;
  private static final int ABBREVIATION_BEFORE_NUMBER = 32;
  private static final int COMPANY_BEFORE_LIMITED = 33;
  private static final int MID_SENTENCE_ABBREVIATION = 34;
  private static final int TITLE_ABBREVIATION = 35;
  private static final int TITLE_BEFORE_SPACE = 36;
  private static final int INITIALS_BEFORE_SPACE = 37;
  private static final int DECADE_BEFORE_SPACE = 38;
  private static final int FILE_NAME = 39;
  private static final int WORD_PERIOD_BEFORE_PUNCT = 40;
  private static final int PHONE = 41;
  private static final int OPENING_DOUBLE_QUOTE = 42;
  private static final int CLOSING_DOUBLE_QUOTE = 43;
  private static final int DELETE_CHAR = 44;
  private static final int LESS_THAN = 45;
  private static final int GREATER_THAN = 46;
  private static final int SMILEY = 47;
  private static final int ASIAN_SMILEY = 48;
  private static final int BRACKET = 49;
  private static final int HYPHENS = 50;
  private static final int ELLIPSIS = 51;
  private static final int MARK_RUN = 52;
  private static final int ASTERISKS = 53;
  private static final int MID_SENTENCE_PUNCT = 54;
  private static final int QUESTION_EXCLAMATION = 55;
  private static final int FULL_STOP = 56;
  private static final int EQUALS = 57;
  private static final int SLASH = 58;
  private static final int HYPHENATED_PERIOD_BEFORE_PUNCT = 59;
  private static final int HYPHENATED = 60;
  private static final int COMPOUND_PERIOD_BEFORE_PUNCT = 61;
  private static final int COMPOUND = 62;
  private static final int CAPITALS_AMP_PERIOD_BEFORE_PUNCT = 63;
  private static final int CAPITALS_AMP = 64;
  private static final int OPENING_SINGLE_QUOTE = 65;
  private static final int CLITIC = 66;
  private static final int NT = 67;
  private static final int QUOTES = 68;
  private static final int DOUBLE_ANGLE = 69;
  private static final int SYMBOL = 70;
  private static final int WHITESPACE = 71;
  private static final int LINE_BREAK = 72;
  private static final int NBSP_ENTITY = 73;
  private static final int UNKNOWN = 74;

  // How a mid-sentence abbreviation was matched; it decides what happens to its period.
  private static final int BEFORE_SENTENCE_START = 1;
  private static final int BEFORE_TWO_CHARS = 2;
  private static final int AT_END = 3;

  private final String s;
  private final char[] chars;
  private final int n;
  private final Sink sink;

  private int bestEnd;
  private int bestRule;

  // Where a look-ahead pattern's own text ends, set by its matcher.
  private int cliticWordSplit;
  private int ntWordSplit;
  private int acronymSplit;
  private int beforeNumberSplit;
  private int companySplit;
  private int abbreviationKind;
  private int abbreviationSplit;
  private int titleSplit;
  private int initialsSplit;
  private int decadeSplit;
  private int fileNameSplit;
  private int smileySplit;
  private int hyphenatedEnd;
  private int hyphenatedPeriodEnd;
  private int capitalsEnd;
  private int capitalsPeriodEnd;

  /** Scratch space for the markup matcher's end positions. */
  private int[] markupEnds = new int[4];

  private int markupEndCount;

  PtbScanner(String text, Sink sink) {
    this.s = text;
    this.chars = text.toCharArray();
    this.n = chars.length;
    this.sink = sink;
  }

  /** Tokenizes the whole text. */
  void run() {
    int p = 0;
    while (p < n) {
      p = step(p);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The main loop: longest reach wins, ties go to the earlier pattern.

  private void consider(int rule, int end) {
    if (end > bestEnd) {
      bestEnd = end;
      bestRule = rule;
    }
  }

  private int step(int p) {
    int c = chars[p];
    if (c == ' ') {
      // Nothing but whitespace starts with a space.
      int i = p + 1;
      while (isSpace(ch(i))) {
        i++;
      }
      return i;
    }
    if (isAsciiLetter(c)) {
      int plain = plainWord(p);
      if (plain > 0) {
        return plain;
      }
    }
    bestEnd = -1;
    bestRule = 0;
    int folded = fold(c);
    if (folded == 'c' || folded == 'f' || folded == 'g' || folded == 'l' || folded == 'w') {
      consider(CPP, (c == 'c' || c == 'C') && ch(p + 1) == '+' && ch(p + 2) == '+' ? p + 3 : -1);
      consider(SHARP_LANGUAGE, (folded == 'c' || folded == 'f') && ch(p + 1) == '#' ? p + 2 : -1);
      consider(CANNOT, lit(p, "cannot") ? p + 6 : -1);
      consider(ASSIMILATION, assimilation(p));
    } else if (c == '\'') {
      consider(IT_WAS, lit(p, "'twas") ? p + 5 : -1);
      consider(IT_IS, lit(p, "'tis") ? p + 4 : -1);
    }
    if (c == '<') {
      collectMarkupEnds(p);
      consider(MARKUP, maxMarkupEnd());
    }
    if (c == '&' || c == 0x96 || c == 0x97 || (c >= 0x2013 && c <= 0x2015)) {
      consider(DASH_ENTITY, dashEntity(p));
    }
    if (c == '&') {
      consider(AMP_ENTITY, lit(p, "&amp;") ? p + 5 : -1);
      consider(PUNCT_ENTITY, punctEntity(p));
    }
    int wordEnd = wordEnd(p);
    if (wordEnd > 0) {
      consider(WORD_BEFORE_CLITIC, wordBeforeClitic(wordEnd));
    }
    consider(WORD_BEFORE_NT, wordBeforeNt(p));
    consider(WORD, wordEnd);
    consider(APOSTROPHE_WORD, apostropheWord(p));
    consider(Y_APOSTROPHE, yApostrophe(p));
    if (folded == 'h') {
      consider(URL_WITH_SCHEME, urlWithScheme(p));
    }
    if (folded == 'w' || isHostChar(c)) {
      consider(URL_LIKE, urlLike(p));
    }
    if (isAsciiLetterOrDigit(c) || c == '<' || c == '&') {
      consider(EMAIL, email(p));
    }
    consider(HANDLE, handle(p));
    consider(CLITIC_BEFORE_NON_LETTER, beforeNonLetter(cliticEnd(p)));
    consider(NT_BEFORE_NON_LETTER, beforeNonLetter(ntEnd(p)));
    if (PtbCharTable.isDigit(c)) {
      consider(DATE, date(p));
    }
    consider(NUMBER, number(p));
    consider(SCRIPT_DIGITS, scriptDigits(p));
    if (PtbCharTable.isDigit(c)) {
      consider(FRACTION, fraction(p));
    }
    consider(
        VULGAR_FRACTION,
        c == 0xBC || c == 0xBD || c == 0xBE || (c >= 0x2153 && c <= 0x215E) ? p + 1 : -1);
    if (c == '-' || folded == 'c' || folded == 'p' || folded == 'a' || folded == 's') {
      consider(TREEBANK_SPECIAL, treebankSpecial(p));
    }
    consider(SLASHED_WORDS, slashedWords(p));
    consider(DOLLAR, dollar(p));
    consider(CURRENCY, isCurrency(c) ? p + 1 : -1);
    if (isAsciiLetter(folded)) {
      collectAcronymEnds(p);
      consider(ACRONYM_ENDING_SENTENCE, acronymEndingSentence(p));
      consider(ABBREVIATION_BEFORE_NUMBER, abbreviationBeforeNumber(p));
      consider(COMPANY_BEFORE_LIMITED, companyBeforeLimited(p));
      consider(MID_SENTENCE_ABBREVIATION, midSentenceAbbreviation(p));
      consider(TITLE_ABBREVIATION, titleAbbreviation(p));
      consider(TITLE_BEFORE_SPACE, titleBeforeSpace(p));
      consider(INITIALS_BEFORE_SPACE, initialsBeforeSpace(p));
    }
    consider(DECADE_BEFORE_SPACE, decadeBeforeSpace(p));
    consider(FILE_NAME, fileName(p));
    if (wordEnd > 0) {
      consider(
          WORD_PERIOD_BEFORE_PUNCT,
          ch(wordEnd) == '.' && isMidSentencePunct(ch(wordEnd + 1)) ? wordEnd + 2 : -1);
    }
    if (c == '(' || c == '+' || isAsciiDigit(c)) {
      consider(PHONE, phone(p));
    }
    int quote = c == '"' ? 1 : lit(p, "&quot;") ? 6 : 0;
    if (quote > 0) {
      int after = ch(p + quote);
      consider(
          OPENING_DOUBLE_QUOTE, isAsciiLetterOrDigit(after) || after == '$' ? p + quote + 1 : -1);
      consider(CLOSING_DOUBLE_QUOTE, p + quote);
    }
    consider(DELETE_CHAR, c == 0x7F ? p + 1 : -1);
    consider(LESS_THAN, c == '<' ? p + 1 : lit(p, "&lt;") ? p + 4 : -1);
    consider(GREATER_THAN, c == '>' ? p + 1 : lit(p, "&gt;") ? p + 4 : -1);
    if (c == '<' || c == '>' || c == ':' || c == ';' || c == '=') {
      consider(SMILEY, smiley(p));
    }
    if (c == '(' || c == '_' || c == '\'' || in(c, "-^x=~<>")) {
      consider(ASIAN_SMILEY, asianSmiley(p));
    }
    consider(
        BRACKET, c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' ? p + 1 : -1);
    consider(HYPHENS, run(p, '-'));
    consider(ELLIPSIS, ellipsis(p));
    consider(MARK_RUN, c == '@' || c == '#' || c == '_' ? run(p, c) : -1);
    consider(ASTERISKS, asterisks(p));
    consider(MID_SENTENCE_PUNCT, isMidSentencePunct(c) ? p + 1 : -1);
    consider(QUESTION_EXCLAMATION, questionExclamation(p));
    consider(FULL_STOP, isFullStop(c) ? p + 1 : -1);
    consider(EQUALS, c == '=' ? p + 1 : -1);
    consider(SLASH, c == '/' ? p + 1 : -1);
    if (isAsciiLetterOrDigit(c)) {
      hyphenated(p);
      consider(HYPHENATED_PERIOD_BEFORE_PUNCT, hyphenatedPeriodEnd);
      consider(HYPHENATED, hyphenatedEnd);
    }
    int compoundEnd = compound(p);
    if (compoundEnd > 0) {
      consider(
          COMPOUND_PERIOD_BEFORE_PUNCT,
          ch(compoundEnd) == '.' && isMidSentencePunct(ch(compoundEnd + 1)) ? compoundEnd + 2 : -1);
      consider(COMPOUND, compoundEnd);
    }
    if (isAsciiUpper(c)) {
      capitalsAmp(p);
      consider(CAPITALS_AMP_PERIOD_BEFORE_PUNCT, capitalsPeriodEnd);
      consider(CAPITALS_AMP, capitalsEnd);
    }
    consider(OPENING_SINGLE_QUOTE, openingSingleQuote(p));
    consider(CLITIC, cliticEnd(p));
    consider(NT, ntEnd(p));
    consider(QUOTES, quotes(p));
    consider(DOUBLE_ANGLE, (c == '<' || c == '>') && ch(p + 1) == c ? p + 2 : -1);
    consider(SYMBOL, isSymbol(c) ? p + 1 : -1);
    consider(WHITESPACE, whitespace(p));
    consider(LINE_BREAK, lineBreakLength(p) > 0 ? p + lineBreakLength(p) : -1);
    consider(NBSP_ENTITY, lit(p, "&nbsp;") ? p + 6 : -1);
    consider(UNKNOWN, c != '\n' ? p + 1 : -1);
    return emit(p);
  }

  /**
   * The common case, decided without trying every pattern: ASCII letters followed by a space or a
   * line feed are a word. A pattern that reaches further needs some other character before that
   * blank, and those that look at the blank (titles and initials before it) yield the same token.
   * Only "cannot" and the assimilations ("gonna", ...) are split. Returns -1 if this is not the
   * case.
   */
  private int plainWord(int p) {
    int i = p + 1;
    while (i < n && isAsciiLetter(chars[i])) {
      i++;
    }
    if (i >= n || (chars[i] != ' ' && chars[i] != '\n')) {
      return -1;
    }
    if ((i - p == 6 && lit(p, "cannot")) || (i - p == 5 && assimilation(p) > 0)) {
      return -1;
    }
    return token(p, i);
  }

  /** Emits the winning pattern's token(s) and returns where scanning resumes. */
  private int emit(int p) {
    int end = bestEnd;
    switch (bestRule) {
      case CANNOT:
      case ASSIMILATION:
        return token(p, p + 3);
      case IT_WAS:
      case IT_IS:
        return token(p, p + 2);
      case MARKUP:
        return token(text(p, end).replace(' ', '\u00A0'), p, end);
      case DASH_ENTITY:
        return token("--", p, end);
      case AMP_ENTITY:
        return token("&", p, end);
      case WORD_BEFORE_CLITIC:
        return token(withoutSoftHyphens(text(p, cliticWordSplit)), p, cliticWordSplit);
      case WORD_BEFORE_NT:
        return token(withoutSoftHyphens(text(p, ntWordSplit)), p, ntWordSplit);
      case WORD:
      case NUMBER:
      case HYPHENATED:
        return token(withoutSoftHyphens(text(p, end)), p, end);
      case Y_APOSTROPHE:
        return token(p, end - 1);
      case SMILEY:
        return token(bracketsEscaped(text(p, smileySplit)), p, smileySplit);
      case CLITIC_BEFORE_NON_LETTER:
      case NT_BEFORE_NON_LETTER:
        return token(latexQuotes(text(p, end - 1), false), p, end - 1);
      case FRACTION:
        return token(text(p, end).replace(' ', '\u00A0'), p, end);
      case VULGAR_FRACTION:
        return token(vulgarFraction(chars[p]), p, end);
      case TREEBANK_SPECIAL:
      case CAPITALS_AMP:
        return token(ampersandsDecoded(text(p, end)), p, end);
      case CURRENCY:
        return token(currency(chars[p]), p, end);
      case ACRONYM_ENDING_SENTENCE:
        if (acronymSplit - p == 2) {
          return token(p, p + 1);
        }
        token(text(p, acronymSplit), p, acronymSplit);
        return acronymSplit - 1;
      case ABBREVIATION_BEFORE_NUMBER:
        return token(p, beforeNumberSplit);
      case COMPANY_BEFORE_LIMITED:
        return token(p, companySplit);
      case MID_SENTENCE_ABBREVIATION:
        token(text(p, abbreviationSplit), p, abbreviationSplit);
        return abbreviationKind == BEFORE_TWO_CHARS ? abbreviationSplit : abbreviationSplit - 1;
      case TITLE_BEFORE_SPACE:
        return token(p, titleSplit);
      case INITIALS_BEFORE_SPACE:
        return token(p, initialsSplit);
      case DECADE_BEFORE_SPACE:
        return token(p, decadeSplit);
      case FILE_NAME:
        return token(p, fileNameSplit);
      case WORD_PERIOD_BEFORE_PUNCT:
      case HYPHENATED_PERIOD_BEFORE_PUNCT:
        return token(withoutSoftHyphens(text(p, end - 1)), p, end - 1);
      case COMPOUND_PERIOD_BEFORE_PUNCT:
        return token(p, end - 1);
      case CAPITALS_AMP_PERIOD_BEFORE_PUNCT:
        return token(ampersandsDecoded(text(p, end - 1)), p, end - 1);
      case PHONE:
      case ASIAN_SMILEY:
        return token(bracketsEscaped(text(p, end).replace(' ', '\u00A0')), p, end);
      case OPENING_DOUBLE_QUOTE:
        return token(latexQuotes(text(p, end - 1), true), p, end - 1);
      case CLOSING_DOUBLE_QUOTE:
        return token(latexQuotes(text(p, end), false), p, end);
      case LESS_THAN:
        return token("<", p, end);
      case GREATER_THAN:
        return token(">", p, end);
      case BRACKET:
        return token(bracket(chars[p]), p, end);
      case HYPHENS:
        return token(end - p >= 3 && end - p <= 4 ? "--" : text(p, end), p, end);
      case ELLIPSIS:
        return token("...", p, end);
      case OPENING_SINGLE_QUOTE:
        return token("`", p, p + 1);
      case CLITIC:
      case NT:
      case QUOTES:
        return token(latexQuotes(text(p, end), false), p, end);
      case LINE_BREAK:
        sink.lineBreak(p, end);
        return end;
      case DELETE_CHAR:
      case WHITESPACE:
      case NBSP_ENTITY:
      case UNKNOWN:
        return end;
      default:
        return token(p, end);
    }
  }

  private int token(int start, int end) {
    return token(text(start, end), start, end);
  }

  private int token(String text, int start, int end) {
    sink.token(text, start, end);
    return end;
  }

  private String text(int start, int end) {
    return s.substring(start, end);
  }

  // ---------------------------------------------------------------------------------------------
  // Character access and classes.

  private int ch(int i) {
    return i < n ? chars[i] : -1;
  }

  /**
   * Folds a character for case-insensitive comparison with the lower-case ASCII spelling of a
   * keyword. Besides ASCII capitals, four non-ASCII characters case-map onto ASCII letters and are
   * accepted by the original too.
   */
  private static int fold(int c) {
    if (c >= 'A' && c <= 'Z') {
      return c + ('a' - 'A');
    }
    switch (c) {
      case 0x130: // capital I with dot above
      case 0x131: // dotless i
        return 'i';
      case 0x17F: // long s
        return 's';
      case 0x212A: // Kelvin sign
        return 'k';
      default:
        return c;
    }
  }

  /** Whether {@code word} (lower-case ASCII, may contain punctuation) starts at {@code i}. */
  private boolean lit(int i, String word) {
    if (i + word.length() > n) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (fold(chars[i + k]) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiUpper(int c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return isAsciiLetter(c) || isAsciiDigit(c);
  }

  private static boolean isLetterOrDigit(int c) {
    return PtbCharTable.isLetter(c) || PtbCharTable.isDigit(c);
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
  }

  /** Length of the line break at {@code i}: 2 for CR LF, 1 for other breaks, 0 for none. */
  private int lineBreakLength(int i) {
    int c = ch(i);
    if (c == '\r') {
      return ch(i + 1) == '\n' ? 2 : 1;
    }
    return c == '\n' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029 ? 1 : 0;
  }

  /** Length of the blank at {@code i}: a space character or a line break. */
  private int blankLength(int i) {
    return isSpace(ch(i)) ? 1 : lineBreakLength(i);
  }

  private static boolean isMidSentencePunct(int c) {
    return c == ',' || c == ';' || c == ':' || c == 0x3001;
  }

  private static boolean isFullStop(int c) {
    return c == '.'
        || c == 0xA1
        || c == 0xBF
        || c == 0x37E
        || c == 0x589
        || c == 0x61F
        || c == 0x6D4
        || (c >= 0x700 && c <= 0x702)
        || c == 0x7FA
        || c == 0x3002;
  }

  private static boolean isCurrency(int c) {
    switch (c) {
      case 0x80:
      case 0xA2:
      case 0xA3:
      case 0xA4:
      case 0xA5:
      case 0x60B:
      case 0xE3F:
      case 0x20A0:
      case 0x20A4:
      case 0x20AC:
      case 0xFFE0:
      case 0xFFE1:
      case 0xFFE5:
      case 0xFFE6:
        return true;
      default:
        return false;
    }
  }

  /**
   * Stand-alone symbols: mathematical, technical and other signs that form one-character tokens.
   */
  private static boolean isSymbol(int c) {
    if (c < 0) {
      return false;
    }
    if (c < 0x80) {
      return c == '+' || c == '%' || c == '&' || c == '~' || c == '^' || c == '|' || c == '\\';
    }
    if (c <= 0xFF) {
      return c == 0xA6
          || c == 0xA7
          || c == 0xA8
          || c == 0xA9
          || c == 0xAC
          || c == 0xAE
          || c == 0xAF
          || (c >= 0xB0 && c <= 0xBA)
          || c == 0xD7
          || c == 0xF7;
    }
    return c == 0x387
        || c == 0x5BE
        || c == 0x5C0
        || c == 0x5C3
        || c == 0x5C6
        || c == 0x5F3
        || c == 0x5F4
        || (c >= 0x600 && c <= 0x603)
        || (c >= 0x606 && c <= 0x60A)
        || c == 0x60C
        || c == 0x614
        || c == 0x61B
        || c == 0x61E
        || c == 0x66A
        || c == 0x66D
        || (c >= 0x703 && c <= 0x70D)
        || (c >= 0x7F6 && c <= 0x7F8)
        || c == 0x964
        || c == 0x965
        || c == 0xE4F
        || c == 0x1FBD
        || c == 0x2016
        || c == 0x2017
        || (c >= 0x2020 && c <= 0x2023)
        || (c >= 0x2030 && c <= 0x2038)
        || c == 0x203B
        || (c >= 0x203E && c <= 0x2042)
        || c == 0x2044
        || (c >= 0x207A && c <= 0x207F)
        || (c >= 0x208A && c <= 0x208E)
        || (c >= 0x2100 && c <= 0x214F)
        || (c >= 0x2190 && c <= 0x21FF)
        || (c >= 0x2200 && c <= 0x2BFF)
        || c == 0x3012
        || c == 0x30FB
        || (c >= 0xFF01 && c <= 0xFF0F)
        || (c >= 0xFF1A && c <= 0xFF20)
        || (c >= 0xFF3B && c <= 0xFF40)
        || (c >= 0xFF5B && c <= 0xFF65);
  }

  /** Curly, angle and low quotation marks (one or two of them make a quote token). */
  private static boolean isQuoteMark(int c) {
    switch (c) {
      case '`':
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94:
      case 0xAB:
      case 0xBB:
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2039:
      case 0x203A:
        return true;
      default:
        return false;
    }
  }

  private int run(int p, int c) {
    if (ch(p) != c) {
      return -1;
    }
    int i = p + 1;
    while (ch(i) == c) {
      i++;
    }
    return i;
  }

  // ---------------------------------------------------------------------------------------------
  // Apostrophes, letters and words.

  /** An apostrophe proper: ASCII, right single quotation mark, or the entity; its length or 0. */
  private int apostropheLength(int i) {
    int c = ch(i);
    if (c == '\'' || c == 0x92 || c == 0x2019) {
      return 1;
    }
    return c == '&' && lit(i, "&apos;") ? 6 : 0;
  }

  /** An apostrophe or a character often typed for one inside a word (backtick, left quotes). */
  private int apostropheLikeLength(int i) {
    int c = ch(i);
    if (c == '`' || c == 0x91 || c == 0x2018 || c == 0x201B) {
      return 1;
    }
    return apostropheLength(i);
  }

  /** Length of the letter at {@code i}: 1, or the length of an accented-vowel entity, or 0. */
  private int letterLength(int i) {
    int c = ch(i);
    if (PtbCharTable.isWordChar(c)) {
      return 1;
    }
    if (c == '&' && "aeiouAEIOU".indexOf(ch(i + 1)) >= 0 && ch(i + 1) >= 0) {
      if (lit(i + 2, "acute;") || lit(i + 2, "grave;")) {
        return 8;
      }
      if (lit(i + 2, "uml;")) {
        return 6;
      }
    }
    return 0;
  }

  private int letterOrDigitLength(int i) {
    int m = letterLength(i);
    return m > 0 ? m : PtbCharTable.isDigit(ch(i)) ? 1 : 0;
  }

  /**
   * The longest word at {@code p}: a letter, then letters and digits, possibly joined to further
   * such runs by a single {@code . ! ?} (as in "u.s.a" or "yahoo!news"). -1 if none.
   */
  private int wordEnd(int p) {
    int m = letterLength(p);
    if (m == 0) {
      return -1;
    }
    int i = p + m;
    while (true) {
      while ((m = letterOrDigitLength(i)) > 0) {
        i += m;
      }
      int c = ch(i);
      if ((c == '.' || c == '!' || c == '?') && (m = letterLength(i + 1)) > 0) {
        i += 1 + m;
      } else {
        return i;
      }
    }
  }

  /** The end of a reduced auxiliary ('s 'm 'd 're 've 'll) at {@code i}, or -1. */
  private int cliticEnd(int i) {
    int a = apostropheLength(i);
    if (a == 0) {
      return -1;
    }
    int j = i + a;
    int c = ch(j);
    if (c == 's' || c == 'S' || c == 'm' || c == 'M' || c == 'd' || c == 'D') {
      return j + 1;
    }
    return lit(j, "re") || lit(j, "ve") || lit(j, "ll") ? j + 2 : -1;
  }

  /** The end of "n't" (with any apostrophe-like character) at {@code i}, or -1. */
  private int ntEnd(int i) {
    if (fold(ch(i)) != 'n') {
      return -1;
    }
    int a = apostropheLikeLength(i + 1);
    return a > 0 && fold(ch(i + 1 + a)) == 't' ? i + 2 + a : -1;
  }

  /** Extends a clitic's reach by the non-letter that must follow it. */
  private int beforeNonLetter(int end) {
    if (end < 0) {
      return -1;
    }
    int c = ch(end);
    return c >= 0 && !isAsciiLetter(c) ? end + 1 : -1;
  }

  private int wordBeforeClitic(int wordEnd) {
    int e = cliticEnd(wordEnd);
    cliticWordSplit = wordEnd;
    return e;
  }

  /** A word of ASCII letters whose final "n't" is split off: "don't" gives "do". */
  private int wordBeforeNt(int p) {
    int r = p;
    while (isAsciiLetter(ch(r)) || ch(r) == 0xAD) {
      r++;
    }
    int q = r - 1;
    if (q <= p || (ch(q) != 'n' && ch(q) != 'N')) {
      return -1;
    }
    int k = q - 1;
    while (k >= p && ch(k) == 0xAD) {
      k--;
    }
    if (k < p || !isAsciiLetter(ch(k)) || ch(k) == 'n' || ch(k) == 'N') {
      return -1;
    }
    ntWordSplit = q;
    return ntEnd(q);
  }

  private int assimilation(int p) {
    return lit(p, "gonna")
            || lit(p, "gotta")
            || lit(p, "lemme")
            || lit(p, "gimme")
            || lit(p, "wanna")
        ? p + 5
        : -1;
  }

  private static final String[] APOSTROPHE_STEMS = {"dunkin", "somethin", "ol"};

  private static final String[] APOSTROPHE_FIXED_WORDS = {
    "'twas", "nor'easter", "c'mon", "e'er", "s'mores", "ev'ry", "li'l", "nat'l"
  };

  /** Words with an inner or leading apostrophe that stay whole: o'clock, rock 'n' roll, '90s. */
  private int apostropheWord(int p) {
    int best = -1;
    int c = ch(p);
    int a = apostropheLength(p);
    if (a > 0) {
      int j = p + a;
      if (fold(ch(j)) == 'n') {
        best = Math.max(best, j + 1 + apostropheLength(j + 1));
      }
      if (lit(j, "em")) {
        best = Math.max(best, j + 2);
      }
      int d = ch(j);
      if (d >= '2' && d <= '9' && ch(j + 1) == '0' && fold(ch(j + 2)) == 's') {
        best = Math.max(best, j + 3);
      }
      if (lit(j, "til")) {
        best = Math.max(best, fold(ch(j + 3)) == 'l' ? j + 4 : j + 3);
      }
      if (lit(j, "cause")) {
        best = Math.max(best, j + 5);
      }
    }
    if ("lLdDjJ".indexOf(c) >= 0 && c >= 0) {
      int b = apostropheLength(p + 1);
      if (b > 0) {
        best = Math.max(best, p + 1 + b);
      }
    }
    for (String stem : APOSTROPHE_STEMS) {
      if (lit(p, stem)) {
        int b = apostropheLength(p + stem.length());
        if (b > 0) {
          best = Math.max(best, p + stem.length() + b);
        }
      }
    }
    if ((c >= 'A' && c <= 'H') || (c >= 'J' && c <= 'X') || c == 'Z' || c == 'n') {
      int b = apostropheLikeLength(p + 1);
      int j = p + 1 + b;
      if (b > 0 && PtbCharTable.isLetter(ch(j)) && PtbCharTable.isLetter(ch(j + 1))) {
        j += 2;
        while (PtbCharTable.isLetter(ch(j))) {
          j++;
        }
        best = Math.max(best, j);
      }
    }
    if (PtbCharTable.isLetter(c)) {
      int r = p + 1;
      while (PtbCharTable.isLetter(ch(r))) {
        r++;
      }
      int b = apostropheLikeLength(r);
      if (r - p >= 2 && "aeiouyAEIOUY".indexOf(ch(r - 1)) >= 0 && b > 0) {
        int v = ch(r + b);
        if ("aeiou".indexOf(v) >= 0 && v >= 0 || isAsciiUpper(v)) {
          int j = r + b + 1;
          while (PtbCharTable.isLetter(ch(j))) {
            j++;
          }
          best = Math.max(best, j);
        }
      }
    }
    if (lit(p, "cont'd")) {
      best = Math.max(best, ch(p + 6) == '.' ? p + 7 : p + 6);
    }
    for (String word : APOSTROPHE_FIXED_WORDS) {
      if (lit(p, word)) {
        best = Math.max(best, p + word.length());
      }
    }
    if (fold(c) == 'o') {
      int b = apostropheLikeLength(p + 1);
      if (b > 0 && fold(ch(p + 1 + b)) == 'o') {
        best = Math.max(best, p + 2 + b);
      }
    }
    return best;
  }

  /** "y'" before a letter, as in y'all. */
  private int yApostrophe(int p) {
    if (fold(ch(p)) != 'y') {
      return -1;
    }
    int a = apostropheLength(p + 1);
    return a > 0 && PtbCharTable.isLetter(ch(p + 1 + a)) ? p + 2 + a : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // URLs, e-mail addresses, handles.

  private static boolean isUrlChar(int c) {
    return c >= 0 && " \t\n\f\r\"<>|(){}".indexOf(c) < 0;
  }

  private static boolean isUrlFinalChar(int c) {
    return isUrlChar(c) && ".!?,-".indexOf(c) < 0;
  }

  private int urlWithScheme(int p) {
    if (!lit(p, "http")) {
      return -1;
    }
    int i = p + 4;
    if (fold(ch(i)) == 's') {
      i++;
    }
    if (ch(i) != ':' || ch(i + 1) != '/' || ch(i + 2) != '/') {
      return -1;
    }
    int start = i + 3;
    int r = start;
    while (isUrlChar(ch(r))) {
      r++;
    }
    for (int k = r - 1; k > start; k--) {
      if (isUrlFinalChar(ch(k))) {
        return k + 1;
      }
    }
    return -1;
  }

  private static boolean isWwwHostChar(int c) {
    return c >= 0 && " \t\n\f\r\"<>|.!?(){},".indexOf(c) < 0;
  }

  /** Host characters of a bare domain: no digits, capitals or ASCII punctuation ',' to '_'. */
  private static boolean isHostChar(int c) {
    return c >= 0 && (c < ',' || c > '_') && " \t\n\f\r\"`'<>|.!?(){}$".indexOf(c) < 0;
  }

  private static boolean isPathChar(int c) {
    return c >= 0 && " \t\n\f\r\"<>|()".indexOf(c) < 0;
  }

  private static boolean isPathFinalChar(int c) {
    return isPathChar(c) && ".!?{},-".indexOf(c) < 0;
  }

  /** Bare web addresses: www.host.tld or name.com/.net/.org/.edu, with an optional path. */
  private int urlLike(int p) {
    int best = -1;
    if (lit(p, "www.")) {
      int i = p + 4;
      while (true) {
        int j = i;
        while (isWwwHostChar(ch(j))) {
          j++;
        }
        if (j == i || ch(j) != '.') {
          break;
        }
        int letters = 0;
        while (letters < 4 && isAsciiLetter(ch(j + 1 + letters))) {
          letters++;
        }
        for (int len = 2; len <= letters; len++) {
          best = Math.max(best, withPath(j + 1 + len));
        }
        i = j + 1;
      }
    }
    int i = p;
    while (true) {
      int j = i;
      while (isHostChar(ch(j))) {
        j++;
      }
      if (j == i || ch(j) != '.') {
        break;
      }
      if (lit(j + 1, "com") || lit(j + 1, "net") || lit(j + 1, "org") || lit(j + 1, "edu")) {
        best = Math.max(best, withPath(j + 4));
      }
      i = j + 1;
    }
    return best;
  }

  private int withPath(int hostEnd) {
    if (ch(hostEnd) != '/') {
      return hostEnd;
    }
    int r = hostEnd + 1;
    while (isPathChar(ch(r))) {
      r++;
    }
    for (int k = r - 1; k >= hostEnd + 2; k--) {
      if (isPathFinalChar(ch(k))) {
        return k + 1;
      }
    }
    return hostEnd;
  }

  private static boolean isEmailChar(int c) {
    return c >= 0 && c != 0xA0 && " \t\n\f\r\"<>|(){}".indexOf(c) < 0;
  }

  private int email(int p) {
    int start = p;
    if (ch(p) == '<') {
      start = p + 1;
    } else if (lit(p, "&lt;")) {
      start = p + 4;
    }
    if (!isAsciiLetterOrDigit(ch(start))) {
      return -1;
    }
    int r = start + 1;
    while (isEmailChar(ch(r))) {
      r++;
    }
    int best = -1;
    for (int at = start + 1; at < r; at++) {
      if (ch(at) != '@') {
        continue;
      }
      int domain = at + 1;
      if (domain >= r || ch(domain) == '.') {
        continue;
      }
      int limit = r;
      for (int i = domain; i + 1 < r; i++) {
        if (ch(i) == '.' && ch(i + 1) == '.') {
          limit = i;
          break;
        }
      }
      int e = limit;
      while (e > domain && ch(e - 1) == '.') {
        e--;
      }
      if (e <= domain) {
        continue;
      }
      if (ch(e) == '>') {
        e++;
      } else if (lit(e, "&gt;")) {
        e += 4;
      }
      best = Math.max(best, e);
    }
    return best;
  }

  /** "@name" handles and "#word" tags. */
  private int handle(int p) {
    int c = ch(p);
    if (c == '@') {
      int d = ch(p + 1);
      if (!isAsciiLetter(d) && d != '_') {
        return -1;
      }
      int i = p + 2;
      while (isAsciiLetterOrDigit(ch(i)) || ch(i) == '_') {
        i++;
      }
      return i;
    }
    if (c == '#') {
      int m = letterLength(p + 1);
      if (m == 0) {
        return -1;
      }
      int i = p + 1 + m;
      while ((m = letterLength(i)) > 0) {
        i += m;
      }
      return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers, fractions, dates, money.

  private int digitRun(int i, int cap) {
    int k = 0;
    while (k < cap && PtbCharTable.isDigit(ch(i + k))) {
      k++;
    }
    return k;
  }

  /** d/d/dd style dates with one or two digit day and month and a two to four digit year. */
  private int date(int p) {
    int i = p;
    for (int part = 0; part < 2; part++) {
      int d = digitRun(i, 3);
      if (d < 1 || d > 2 || (ch(i + d) != '-' && ch(i + d) != '/')) {
        return -1;
      }
      i += d + 1;
    }
    int year = digitRun(i, 4);
    return year >= 2 ? i + year : -1;
  }

  private static boolean isNumberSeparator(int c) {
    return c == '.' || c == ':' || c == ',' || c == 0xAD || c == 0x66B || c == 0x66C;
  }

  /** Signed numbers with decimal points, thousands separators or clock colons: -1,000.5 12:30. */
  private int number(int p) {
    int i = p;
    if (ch(i) == '-' || ch(i) == '+') {
      i++;
    }
    boolean digits = false;
    while (PtbCharTable.isDigit(ch(i))) {
      i++;
      digits = true;
    }
    while (isNumberSeparator(ch(i)) && PtbCharTable.isDigit(ch(i + 1))) {
      i += 2;
      while (PtbCharTable.isDigit(ch(i))) {
        i++;
      }
      digits = true;
    }
    return digits ? i : -1;
  }

  private static boolean isSuperscriptDigit(int c) {
    return c == 0x2070 || c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2074 && c <= 0x2079);
  }

  private int scriptDigits(int p) {
    int i = p;
    int c = ch(i);
    if (c == 0x207A || c == 0x207B || c == 0x208A || c == 0x208B) {
      i++;
    }
    int j = i;
    if (isSuperscriptDigit(ch(j))) {
      while (isSuperscriptDigit(ch(j))) {
        j++;
      }
    } else {
      while (ch(j) >= 0x2080 && ch(j) <= 0x2089) {
        j++;
      }
    }
    return j > i ? j : -1;
  }

  /** Fractions such as 1/2, 3\/4, 3-1/2 and 3 1/2 (up to four digits per number). */
  private int fraction(int p) {
    int best = fractionProper(p);
    int whole = digitRun(p, 5);
    int sep = ch(p + whole);
    if (whole >= 1 && whole <= 4 && (sep == '-' || sep == ' ' || sep == 0xA0)) {
      best = Math.max(best, fractionProper(p + whole + 1));
    }
    return best;
  }

  private int fractionProper(int i) {
    int numerator = digitRun(i, 5);
    if (numerator < 1 || numerator > 4) {
      return -1;
    }
    int j = i + numerator;
    if (ch(j) == '/' || ch(j) == 0x2044) {
      j++;
    } else if (ch(j) == '\\' && ch(j + 1) == '/') {
      j += 2;
    } else {
      return -1;
    }
    int denominator = digitRun(j, 4);
    return denominator > 0 ? j + denominator : -1;
  }

  private static String vulgarFraction(char c) {
    switch (c) {
      case '\u00BC':
        return "1/4";
      case '\u00BD':
        return "1/2";
      case '\u00BE':
        return "3/4";
      case '\u2153':
        return "1/3";
      case '\u2154':
        return "2/3";
      default:
        return String.valueOf(c);
    }
  }

  /** US$, A$, $ and # (the pound sign of old treebanks). */
  private int dollar(int p) {
    int i = p;
    while (isAsciiUpper(ch(i))) {
      i++;
    }
    if (ch(i) == '$') {
      return i + 1;
    }
    return ch(p) == '#' ? p + 1 : -1;
  }

  private static String currency(char c) {
    switch (c) {
      case '\u00A2':
        return "cents";
      case '\u00A3':
        return "#";
      case '\u0080':
      case '\u00A4':
      case '\u20A0':
      case '\u20AC':
        return "$";
      default:
        return String.valueOf(c);
    }
  }

  /** Telephone numbers: (555) 123-4567, +44 20 1234 5678, 555.123.4567 and the like. */
  private int phone(int p) {
    long start = 1L;
    long plus = start | follow(start, p, "+");
    plus |= follow(plus & ~start, p, "+");
    long areaInBrackets = follow(digits(follow(start, p, "("), p, 2, 3), p, ")");
    areaInBrackets |= follow(areaInBrackets, p, " \u00A0");
    long grouped = plus | follow(digits(plus, p, 2, 4), p, "- \u00A0");
    grouped = follow(digits(grouped, p, 2, 4), p, "- \u00A0");
    long local = digits(areaInBrackets | grouped, p, 3, 4);
    local |= follow(local, p, "- \u00A0");
    local = digits(local, p, 3, 5);
    long dotted = start | follow(digits(plus, p, 2, 4), p, ".");
    dotted = follow(digits(dotted, p, 2, 4), p, ".");
    dotted = follow(digits(dotted, p, 3, 4), p, ".");
    dotted = digits(dotted, p, 3, 5);
    long ends = local | dotted;
    return ends == 0 ? -1 : p + 63 - Long.numberOfLeadingZeros(ends);
  }

  /**
   * Positions (as bits, relative to {@code base}) reachable from those in {@code from} by reading
   * {@code min} to {@code max} ASCII digits.
   */
  private long digits(long from, int base, int min, int max) {
    long to = 0;
    for (long rest = from; rest != 0; rest &= rest - 1) {
      int o = Long.numberOfTrailingZeros(rest);
      for (int k = 1; k <= max && o + k < 64 && isAsciiDigit(ch(base + o + k - 1)); k++) {
        if (k >= min) {
          to |= 1L << (o + k);
        }
      }
    }
    return to;
  }

  /** Positions reachable from those in {@code from} by reading one of {@code chars}. */
  private long follow(long from, int base, String chars) {
    long to = 0;
    for (long rest = from; rest != 0; rest &= rest - 1) {
      int o = Long.numberOfTrailingZeros(rest);
      int c = ch(base + o);
      if (o + 1 < 64 && c >= 0 && chars.indexOf(c) >= 0) {
        to |= 1L << (o + 1);
      }
    }
    return to;
  }

  // ---------------------------------------------------------------------------------------------
  // Entities, treebank specials, markup.

  private int dashEntity(int p) {
    int c = ch(p);
    if (c != '&') {
      return p + 1;
    }
    if (lit(p, "&md;")) {
      return p + 4;
    }
    return lit(p, "&mdash;") || lit(p, "&ndash;") ? p + 7 : -1;
  }

  private static final String[] PUNCT_ENTITIES = {"ht", "tl", "ur", "lr", "qc", "ql", "qr"};

  private int punctEntity(int p) {
    for (String name : PUNCT_ENTITIES) {
      if (lit(p + 1, name) && ch(p + 3) == ';') {
        return p + 4;
      }
    }
    if (lit(p + 1, "odq;") || lit(p + 1, "cdq;")) {
      return p + 5;
    }
    if (ch(p + 1) == '#') {
      int i = p + 2;
      while (isAsciiDigit(ch(i))) {
        i++;
      }
      if (i > p + 2 && ch(i) == ';') {
        return i + 1;
      }
    }
    return -1;
  }

  private static final String[] BRACKET_NAMES = {"rrb", "lrb", "rcb", "lcb", "rsb", "lsb"};

  /** Treebank escapes and a few fixed forms: -LRB-, C.D.s, pro-, anti-, S&P-500, Cap'n. */
  private int treebankSpecial(int p) {
    int best = -1;
    int c = ch(p);
    if (c == '-') {
      for (String name : BRACKET_NAMES) {
        if (lit(p + 1, name) && ch(p + 4) == '-') {
          best = p + 5;
        }
      }
    }
    if (lit(p, "c.d.s")) {
      best = Math.max(best, p + 5);
    }
    if (lit(p, "pro-")) {
      best = Math.max(best, p + 4);
    }
    if (lit(p, "anti-")) {
      best = Math.max(best, p + 5);
    }
    if (fold(c) == 's' && ch(p + 1) == '&') {
      for (int amp : new int[] {1, lit(p + 1, "&amp;") ? 5 : 0}) {
        if (amp > 0) {
          int j = p + 1 + amp;
          if (lit(j, "p-500")) {
            best = Math.max(best, j + 5);
          }
          if (lit(j, "ls")) {
            best = Math.max(best, j + 2);
          }
        }
      }
    }
    if (lit(p, "cap")) {
      int a = apostropheLength(p + 3);
      if (a > 0 && fold(ch(p + 3 + a)) == 'n') {
        best = Math.max(best, p + 4 + a);
      }
    }
    if (fold(c) == 'c') {
      int a = apostropheLength(p + 1);
      if (a > 0 && lit(p + 1 + a, "est")) {
        best = Math.max(best, p + 4 + a);
      }
    }
    return best;
  }

  /** Slash-joined ASCII words such as "red/white" or "and/or-like/type" (two or three parts). */
  private int slashedWords(int p) {
    int i = slashPart(p);
    if (i < 0) {
      return -1;
    }
    int best = -1;
    for (int parts = 0; parts < 2; parts++) {
      int j = i;
      if (ch(j) == '\\') {
        j++;
      }
      if (ch(j) != '/') {
        break;
      }
      int e = slashPart(j + 1);
      if (e < 0) {
        break;
      }
      i = e;
      best = e;
    }
    return best;
  }

  /** ASCII letters and digits, then up to two "-letters" suffixes. */
  private int slashPart(int i) {
    int j = i;
    while (isAsciiLetterOrDigit(ch(j))) {
      j++;
    }
    if (j == i) {
      return -1;
    }
    for (int k = 0; k < 2 && ch(j) == '-' && isAsciiLetter(ch(j + 1)); k++) {
      j += 2;
      while (isAsciiLetter(ch(j))) {
        j++;
      }
    }
    return j;
  }

  /** Collects every end of SGML-like markup at {@code p} ({@code <b>}, {@code </a>}, ...). */
  private void collectMarkupEnds(int p) {
    markupEndCount = 0;
    if (ch(p) != '<') {
      return;
    }
    int c = ch(p + 1);
    if ((c == '!' || c == '?') && (isAsciiLetter(ch(p + 2)) || ch(p + 2) == '-')) {
      for (int i = p + 3; i < n; i++) {
        int d = ch(i);
        if (d == '>') {
          addMarkupEnd(i + 1);
          break;
        }
        if (d == '\r' || d == '\n') {
          break;
        }
      }
    } else if (isAsciiLetter(c)) {
      markupAttributes(markupNameEnd(p + 1));
    } else if (c == '/' && isAsciiLetter(ch(p + 2))) {
      int i = markupNameEnd(p + 2);
      while (ch(i) == ' ') {
        i++;
      }
      if (ch(i) == '>') {
        addMarkupEnd(i + 1);
      }
    }
  }

  private int markupNameEnd(int i) {
    int j = i + 1;
    while (isAsciiLetterOrDigit(ch(j)) || "_:.-".indexOf(ch(j)) >= 0 && ch(j) >= 0) {
      j++;
    }
    return j;
  }

  /** From {@code i}, tries to close the tag, or reads one more attribute and recurses. */
  private void markupAttributes(int i) {
    int j = i;
    while (ch(j) == ' ') {
      j++;
    }
    int k = j;
    if (ch(k) == '/') {
      k++;
      while (ch(k) == ' ') {
        k++;
      }
    }
    if (ch(k) == '>') {
      addMarkupEnd(k + 1);
    }
    if (j == i || !isAsciiLetter(ch(j))) {
      return;
    }
    int nameEnd = markupNameEnd(j);
    markupAttributes(nameEnd);
    int v = nameEnd;
    while (ch(v) == ' ') {
      v++;
    }
    if (ch(v) != '=') {
      return;
    }
    v++;
    while (ch(v) == ' ') {
      v++;
    }
    int quote = ch(v);
    if (quote == '\'' || quote == '"') {
      int close = v + 1;
      while (close < n && chars[close] != quote) {
        close++;
      }
      if (close < n) {
        markupAttributes(close + 1);
      }
    }
  }

  private void addMarkupEnd(int end) {
    if (markupEndCount == markupEnds.length) {
      markupEnds = Arrays.copyOf(markupEnds, markupEndCount * 2);
    }
    markupEnds[markupEndCount++] = end;
  }

  private int maxMarkupEnd() {
    int best = -1;
    for (int k = 0; k < markupEndCount; k++) {
      best = Math.max(best, markupEnds[k]);
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // Abbreviations and acronyms.

  /**
   * The end of the chain of initials at {@code p} ("u", "u.s", "u.s.a"; each letter joined by a
   * period), or -1.
   */
  private int initialsEnd(int p) {
    if (!isAsciiLetter(ch(p))) {
      return -1;
    }
    int e = p + 1;
    while (ch(e) == '.' && isAsciiLetter(ch(e + 1))) {
      e += 2;
    }
    return e;
  }

  /** Compound acronyms that contain a hyphen, such as "non-U.S" and "U.S.-U.K". */
  private static final String[] HYPHENATED_ACRONYMS = {
    "canada-u.s",
    "sino-u.s",
    "korean-u.s",
    "eu-u.s",
    "japan-u.s",
    "non-u.s",
    "u.s.-u.k",
    "u.s.-u.s.s.r"
  };

  /**
   * Candidate ends of an acronym at {@code p}: the full chain of initials, the chain less its last
   * initial (the longest end that a period can follow inside a chain), and the hyphenated forms.
   * Unused slots hold -1.
   */
  private final int[] acronymEnds = new int[2 + HYPHENATED_ACRONYMS.length];

  private void collectAcronymEnds(int p) {
    int e = initialsEnd(p);
    acronymEnds[0] = e;
    acronymEnds[1] = e - p >= 3 ? e - 2 : -1;
    for (int k = 0; k < HYPHENATED_ACRONYMS.length; k++) {
      String form = HYPHENATED_ACRONYMS[k];
      acronymEnds[2 + k] = lit(p, form) ? p + form.length() : -1;
    }
  }

  /** Acronym followed by a period and a word that typically starts a sentence ("U.S. The"). */
  private int acronymEndingSentence(int p) {
    int best = -1;
    acronymSplit = -1;
    for (int e : acronymEnds) {
      if (e > 0 && ch(e) == '.') {
        int total = sentenceStarterAfter(e + 1);
        if (total > best || (total == best && total > 0 && e + 1 > acronymSplit)) {
          acronymSplit = e + 1;
          best = total;
        }
      }
    }
    return best;
  }

  private int sentenceStarterAfter(int q) {
    int i = q;
    int m;
    while ((m = blankLength(i)) > 0) {
      i += m;
    }
    if (i == q) {
      return -1;
    }
    int best = -1;
    int end = SENTENCE_STARTERS.longestMatch(this, i, FOLLOWED_BY_BLANK);
    if (end > 0) {
      best = end + blankLength(end);
    }
    if (ch(i) == '<') {
      collectMarkupEnds(i);
      for (int k = 0; k < markupEndCount; k++) {
        int b = blankLength(markupEnds[k]);
        if (b > 0) {
          best = Math.max(best, markupEnds[k] + b);
        }
      }
    }
    return best;
  }

  private int abbreviationBeforeNumber(int p) {
    int e = BEFORE_NUMBER.longestMatch(this, p, '.');
    if (e < 0) {
      return -1;
    }
    int q = e + 1;
    beforeNumberSplit = q;
    if (PtbCharTable.isDigit(ch(q))) {
      return q + 1;
    }
    int b = blankLength(q);
    return b > 0 && PtbCharTable.isDigit(ch(q + b)) ? q + b + 1 : -1;
  }

  private int companyBeforeLimited(int p) {
    int e = -1;
    if (lit(p, "pt") && "eyEY".indexOf(ch(p + 2)) >= 0 && ch(p + 2) >= 0) {
      e = p + 3;
    } else if (lit(p, "co")) {
      e = p + 2;
    }
    if (e < 0 || ch(e) != '.' || !isSpace(ch(e + 1)) || !(lit(e + 2, "ltd") || lit(e + 2, "lim"))) {
      return -1;
    }
    companySplit = e + 1;
    return e + 5;
  }

  /**
   * Abbreviations usually followed by more of the sentence (months, states, "Inc.", "etc."). If a
   * capital or a blank follows the blank after one, it probably ends the sentence too, and its
   * period is also given as a token of its own; likewise at the very end of the text.
   */
  private int midSentenceAbbreviation(int p) {
    int e = MID_SENTENCE.longestMatch(this, p, '.');
    if (e < 0) {
      return -1;
    }
    int q = e + 1;
    abbreviationSplit = q;
    int sentenceEnd = sentenceBreakAfter(q);
    if (sentenceEnd >= 0) {
      abbreviationKind = BEFORE_SENTENCE_START;
      return sentenceEnd;
    }
    if (q + 2 <= n) {
      abbreviationKind = BEFORE_TWO_CHARS;
      return q + 2;
    }
    abbreviationKind = AT_END;
    return q;
  }

  /** After a blank: another blank, a capital or markup. CR LF also counts as two blanks. */
  private int sentenceBreakAfter(int q) {
    int first = blankLength(q);
    if (first == 0) {
      return -1;
    }
    int best = first == 2 ? q + 2 : -1;
    int j = q + first;
    int b = blankLength(j);
    if (b > 0) {
      best = Math.max(best, j + b);
    }
    if (PtbCharTable.isUpper(ch(j))) {
      best = Math.max(best, j + 1);
    }
    if (ch(j) == '<') {
      collectMarkupEnds(j);
      best = Math.max(best, maxMarkupEnd());
    }
    return best;
  }

  /** Titles and other abbreviations usually followed by a name ("Dr.", "St.", "vs.", "u.s."). */
  private int titleAbbreviation(int p) {
    int best = TITLES.longestMatch(this, p, '.');
    best = best < 0 ? -1 : best + 1;
    for (int e : acronymEnds) {
      if (e > 0 && ch(e) == '.') {
        best = Math.max(best, e + 1);
      }
    }
    return best;
  }

  /** A title or acronym without its period, before a space: "Mr Smith", "St Louis". */
  private int titleBeforeSpace(int p) {
    int best = -1;
    int e = TITLES.longestMatch(this, p, FOLLOWED_BY_SPACE);
    if (e > 0) {
      best = e + 1;
      titleSplit = e;
    }
    for (int a : acronymEnds) {
      if (a > 0 && isSpace(ch(a)) && a + 1 > best) {
        best = a + 1;
        titleSplit = a;
      }
    }
    return best;
  }

  private int initialsBeforeSpace(int p) {
    int best = -1;
    for (int a : acronymEnds) {
      int b = a > 0 ? blankLength(a) : 0;
      if (b > 0 && a + b > best) {
        best = a + b;
        initialsSplit = a;
      }
    }
    return best;
  }

  /** '90 (a decade or year) before a blank. */
  private int decadeBeforeSpace(int p) {
    int a = apostropheLength(p);
    if (a == 0 || !isAsciiDigit(ch(p + a)) || !isAsciiDigit(ch(p + a + 1))) {
      return -1;
    }
    int e = p + a + 2;
    int b = blankLength(e);
    decadeSplit = e;
    return b > 0 ? e + b : -1;
  }

  private static final String[] FILE_EXTENSIONS = {
    "bat", "bmp", "c", "class", "cgi", "cpp", "dll", "doc", "docx", "exe", "gif", "gz", "h", "htm",
    "html", "jar", "java", "jpeg", "jpg", "mov", "mp3", "pdf", "php", "pl", "png", "ppt", "ps",
    "py", "sql", "tar", "txt", "wav", "x", "xml", "zip"
  };

  private int segmentEnd(int i) {
    int j = i;
    int m;
    while ((m = letterOrDigitLength(j)) > 0) {
      j += m;
    }
    return j;
  }

  private boolean isFileExtension(int start, int end) {
    for (String ext : FILE_EXTENSIONS) {
      if (ext.length() == end - start && lit(start, ext)) {
        return true;
      }
    }
    return false;
  }

  /** File names with a known extension, before a blank or one of {@code . ? ! ,}. */
  private int fileName(int p) {
    int i = segmentEnd(p);
    if (i == p) {
      return -1;
    }
    int best = -1;
    while (ch(i) == '.') {
      int j = segmentEnd(i + 1);
      if (j == i + 1) {
        break;
      }
      if (isFileExtension(i + 1, j)) {
        int b = blankLength(j);
        int c = ch(j);
        int total = b > 0 ? j + b : c >= 0 && ".?!,".indexOf(c) >= 0 ? j + 1 : -1;
        if (total > best) {
          best = total;
          fileNameSplit = j;
        }
      }
      i = j;
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // Punctuation, quotes, smileys.

  private int smiley(int p) {
    long from = 1L | follow(1L, p, "<>");
    from = follow(from, p, ":;=");
    from |= follow(from, p, "-o*'");
    long ends = follow(from, p, "()DPdpO\\{@|[]");
    for (int o = 63; o > 0; o--) {
      if ((ends & (1L << o)) != 0) {
        int c = ch(p + o);
        if (c >= 0 && !isAsciiLetterOrDigit(c)) {
          smileySplit = p + o;
          return p + o + 1;
        }
      }
    }
    return -1;
  }

  private static boolean in(int c, String chars) {
    return c >= 0 && chars.indexOf(c) >= 0;
  }

  private int asianSmiley(int p) {
    int best = -1;
    int c = ch(p);
    if (in(c, "^x=~<>") && ch(p + 1) == '.' && lit(p + 2, "[^x=~<>]")) {
      best = p + 10;
    }
    String eye = "-^x=~<>'";
    if (in(c, eye) && ch(p + 1) == '_' && in(ch(p + 2), eye)) {
      best = Math.max(best, p + 3);
    }
    if (c == '(') {
      if (in(ch(p + 1), eye)) {
        if (in(ch(p + 2), eye) && ch(p + 3) == ')') {
          best = Math.max(best, p + 4);
        }
        if (in(ch(p + 2), "_.") && in(ch(p + 3), eye) && ch(p + 4) == ')') {
          best = Math.max(best, p + 5);
        }
      }
      if (in(ch(p + 1), "^x=~<>'")
          && ch(p + 2) == '-'
          && in(ch(p + 3), "^x=~<>'`")
          && ch(p + 4) == ')') {
        best = Math.max(best, p + 5);
      }
    }
    return best;
  }

  private static String bracket(char c) {
    switch (c) {
      case '(':
        return "-LRB-";
      case ')':
        return "-RRB-";
      case '[':
        return "-LSB-";
      case ']':
        return "-RSB-";
      case '{':
        return "-LCB-";
      default:
        return "-RCB-";
    }
  }

  private static String bracketsEscaped(String text) {
    if (text.indexOf('(') < 0 && text.indexOf(')') < 0) {
      return text;
    }
    return text.replace("(", "-LRB-").replace(")", "-RRB-");
  }

  /** "..." to "....." or ". . ." (with spaces or no-break spaces), or a one-character ellipsis. */
  private int ellipsis(int p) {
    int c = ch(p);
    if (c == 0x85 || c == 0x2026) {
      return p + 1;
    }
    if (c != '.') {
      return -1;
    }
    int best = -1;
    int dots = 0;
    while (dots < 5 && ch(p + dots) == '.') {
      dots++;
    }
    if (dots >= 3) {
      best = p + dots;
    }
    int i = p;
    for (int k = 1; k <= 4 && ch(i) == '.' && (ch(i + 1) == ' ' || ch(i + 1) == 0xA0); k++) {
      i += 2;
      if (k >= 2 && ch(i) == '.') {
        best = Math.max(best, i + 1);
      }
    }
    return best;
  }

  private int asterisks(int p) {
    if (ch(p) == '*') {
      return run(p, '*');
    }
    int i = p;
    for (int k = 0; k < 3 && ch(i) == '\\' && ch(i + 1) == '*'; k++) {
      i += 2;
    }
    return i > p ? i : -1;
  }

  private int questionExclamation(int p) {
    int i = p;
    while (ch(i) == '?' || ch(i) == '!') {
      i++;
    }
    return i > p ? i : -1;
  }

  /** A straight apostrophe before a letter and a non-blank: an opening quote, written "`". */
  private int openingSingleQuote(int p) {
    if (ch(p) != '\'' || !isAsciiLetter(ch(p + 1))) {
      return -1;
    }
    int c = ch(p + 2);
    return c >= 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0xA0 ? p + 3 : -1;
  }

  private int quotes(int p) {
    int best = -1;
    int a = apostropheLength(p);
    if (a > 0) {
      best = p + a;
    }
    if (ch(p) == '\'' && ch(p + 1) == '\'') {
      best = Math.max(best, p + 2);
    }
    if (isQuoteMark(ch(p))) {
      best = Math.max(best, isQuoteMark(ch(p + 1)) ? p + 2 : p + 1);
    }
    return best;
  }

  private int whitespace(int p) {
    int c = ch(p);
    if (c == 0 || c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF) {
      return p + 1;
    }
    int i = p;
    while (isSpace(ch(i))) {
      i++;
    }
    return i > p ? i : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Hyphenated words and compounds.

  private static boolean isHyphenatedHeadChar(int c) {
    return isAsciiLetterOrDigit(c) || c == '.' || c == ',' || c == 0xAD;
  }

  private static boolean isHyphenatedPartChar(int c) {
    return isAsciiLetterOrDigit(c) || c == 0xAD;
  }

  /**
   * ASCII words joined by hyphens where the first part may contain periods and commas ("3.5-inch",
   * "1,000-piece") and later parts may be initials with a final period ("anti-U.S.-").
   */
  private void hyphenated(int p) {
    hyphenatedEnd = -1;
    hyphenatedPeriodEnd = -1;
    int i = p + 1;
    while (isHyphenatedHeadChar(ch(i))) {
      i++;
    }
    if (ch(i) != '-') {
      return;
    }
    hyphenStart = p;
    hyphensSeen = null;
    hyphenCount = 0;
    pushHyphen(i);
    while (hyphenCount > 0) {
      int dash = hyphenStack[--hyphenCount];
      int j = dash + 1;
      while (isHyphenatedPartChar(ch(j))) {
        j++;
      }
      if (j > dash + 1) {
        reachHyphenatedPart(j);
      }
      if (isAsciiLetter(ch(dash + 1))) {
        int e = dash + 2;
        while (ch(e) == '.' && isAsciiLetter(ch(e + 1))) {
          e += 2;
          if (ch(e) == '.') {
            reachHyphenatedPart(e + 1);
          }
        }
      }
      for (String form : HYPHENATED_ACRONYMS) {
        int e = dash + 1 + form.length();
        if (lit(dash + 1, form) && ch(e) == '.') {
          reachHyphenatedPart(e + 1);
        }
      }
    }
  }

  private int hyphenStart;
  private BitSet hyphensSeen;
  private int[] hyphenStack = new int[8];
  private int hyphenCount;

  private void reachHyphenatedPart(int e) {
    hyphenatedEnd = Math.max(hyphenatedEnd, e);
    if (ch(e) == '.' && isMidSentencePunct(ch(e + 1))) {
      hyphenatedPeriodEnd = Math.max(hyphenatedPeriodEnd, e + 2);
    }
    if (ch(e) == '-') {
      pushHyphen(e);
    }
  }

  private void pushHyphen(int dash) {
    if (hyphensSeen == null) {
      hyphensSeen = new BitSet();
    }
    if (hyphensSeen.get(dash - hyphenStart)) {
      return;
    }
    hyphensSeen.set(dash - hyphenStart);
    if (hyphenCount == hyphenStack.length) {
      hyphenStack = Arrays.copyOf(hyphenStack, hyphenCount * 2);
    }
    hyphenStack[hyphenCount++] = dash;
  }

  private static boolean isHyphen(int c) {
    return c == '-' || c == '_' || c == 0x58A || c == 0x2010 || c == 0x2011;
  }

  /** One part of a compound: letters and digits, optionally after d', o' or l' (o'clock). */
  private int compoundPart(int i) {
    int c = ch(i);
    if ("dDoOlL".indexOf(c) >= 0 && c >= 0) {
      int a = apostropheLikeLength(i + 1);
      if (a > 0 && isLetterOrDigit(ch(i + 1 + a)) && isLetterOrDigit(ch(i + 2 + a))) {
        int j = i + 3 + a;
        while (isLetterOrDigit(ch(j))) {
          j++;
        }
        return j;
      }
    }
    if (!isLetterOrDigit(c)) {
      return -1;
    }
    int j = i + 1;
    while (isLetterOrDigit(ch(j))) {
      j++;
    }
    return j;
  }

  /** Letters and digits of any script, joined by hyphens or underscores ("t-shirt", "4x4"). */
  private int compound(int p) {
    int e = compoundPart(p);
    if (e < 0) {
      return -1;
    }
    while (isHyphen(ch(e))) {
      int next = compoundPart(e + 1);
      if (next < 0) {
        break;
      }
      e = next;
    }
    return e;
  }

  /** Capital words joined by {@code &} or {@code +}: AT&T, R&D, S+P. */
  private void capitalsAmp(int p) {
    capitalsEnd = -1;
    capitalsPeriodEnd = -1;
    int i = p + 1;
    while (isAsciiUpper(ch(i))) {
      i++;
    }
    capitalsFrom(i, false);
  }

  private void capitalsFrom(int i, boolean joined) {
    if (joined) {
      capitalsEnd = Math.max(capitalsEnd, i);
      if (ch(i) == '.' && isMidSentencePunct(ch(i + 1))) {
        capitalsPeriodEnd = Math.max(capitalsPeriodEnd, i + 2);
      }
    }
    int c = ch(i);
    if (c == '+' || c == '&') {
      capitalsAfter(i + 1);
    }
    if (c == '&' && lit(i, "&amp;")) {
      capitalsAfter(i + 5);
    }
  }

  private void capitalsAfter(int j) {
    if (!isAsciiUpper(ch(j))) {
      return;
    }
    int e = j + 1;
    while (isAsciiUpper(ch(e))) {
      e++;
    }
    capitalsFrom(e, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Token text normalization.

  private static String withoutSoftHyphens(String text) {
    if (text.indexOf('\u00AD') < 0) {
      return text;
    }
    String out = text.replace("\u00AD", "");
    return out.isEmpty() ? "-" : out;
  }

  /** Decodes {@code &amp;} (any case) to {@code &}. */
  private static String ampersandsDecoded(String text) {
    int i = text.indexOf('&');
    if (i < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    for (; i >= 0; i = text.indexOf('&', i + 1)) {
      if (text.regionMatches(true, i, "&amp;", 0, 5)) {
        out.append(text, from, i).append('&');
        from = i + 5;
        i += 4;
      }
    }
    return out.append(text, from, text.length()).toString();
  }

  /**
   * LaTeX-style quotes: straight and curly quotes become {@code `} {@code ``} {@code '} {@code ''}.
   */
  static String latexQuotes(String text, boolean opening) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      int skip = 0;
      if (c == '\'') {
        replacement = opening ? "`" : "'";
      } else if (c == '"') {
        replacement = opening ? "``" : "''";
      } else if (c == '&' && text.startsWith("&apos;", i)) {
        replacement = opening ? "`" : "'";
        skip = 5;
      } else if (c == '&' && text.startsWith("&quot;", i)) {
        replacement = opening ? "``" : "''";
        skip = 5;
      } else if (c == '\u0091' || c == '\u2018' || c == '\u201B' || c == '\u2039') {
        replacement = "`";
      } else if (c == '\u0092' || c == '\u2019' || c == '\u203A') {
        replacement = "'";
      } else if (c == '\u0093' || c == '\u201C' || c == '\u00AB') {
        replacement = "``";
      } else if (c == '\u0094' || c == '\u201D' || c == '\u00BB') {
        replacement = "''";
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 4).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
          i += skip;
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Abbreviation lists.

  private static final int FOLLOWED_BY_SPACE = -2;
  private static final int FOLLOWED_BY_BLANK = -3;

  private static final Abbreviations MID_SENTENCE =
      new Abbreviations(
          // months and weekdays ("May" is a word, "Sat." and "Sun." are too risky)
          "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri",
          // US states; a leading '^' marks a letter that must match exactly (capital only)
          "ala ariz ^Az ^Ark calif colo conn ct dak ^Del fla ga ^Ill ind kan kans ky ^La ^Mass md",
          "mich minn ^Miss mo mont neb nev okla ^Ore ^Pa penn tenn ^Tex va vt ^Wash wis wisc wyo",
          // companies
          "inc co cos corp ltd plc rt bancorp bhd assn univ intl sys",
          "pt^y pt^e pt^ys pt^es ppt^y ppt^e ppt^ys ppt^es",
          // before numbers, after names, and the rest
          "tel est ext sq jr sr bros ed.d ph.d blvd rd esq etc al seq bldg");

  private static final Abbreviations TITLES =
      new Abbreviations(
          "mr mrs ms ^Miss dr drs prof profs sen sens rep reps atty attys lt col gen messrs gov",
          "govs adm rev maj sgt cpl pvt capt st ste ave pres lieut hon brig cmdr comdr pfc spc",
          "supt supts det mt ft adj adv asst assoc ens insp mlle mme msgr sfc",
          "vs alex wm jos cie a.k.a cf treas ph invt elec natl m^fg m^tg dept");

  private static final Abbreviations BEFORE_NUMBER =
      new Abbreviations("ca fig figs prop no nos art bldg pp op");

  private static final Abbreviations SENTENCE_STARTERS =
      new Abbreviations(
          "^About ^According ^Additionally ^After ^An ^A ^As ^At ^But ^Earlier ^He ^Her ^Here",
          "^However ^If ^In ^It ^Last ^Many ^More ^Mr. ^Ms. ^Now ^Once ^One ^Other ^Our ^She",
          "^Since ^So ^Some ^Such ^That ^The ^Their ^Then ^There ^These ^They ^This ^We ^When",
          "^While ^What ^Yet ^You");

  /**
   * A list of words matched case-insensitively, except letters marked with a preceding {@code ^},
   * which must match exactly.
   */
  private static final class Abbreviations {
    private final char[][] words;
    private final boolean[][] exact;

    /** For each folded ASCII first character, the indices of the words starting with it. */
    private final int[][] byFirstChar = new int[128][];

    private final int maxLength;

    Abbreviations(String... lines) {
      String[] all = String.join(" ", lines).trim().split(" +");
      words = new char[all.length][];
      exact = new boolean[all.length][];
      for (int w = 0; w < all.length; w++) {
        String spec = all[w];
        StringBuilder chars = new StringBuilder();
        boolean[] marks = new boolean[spec.length()];
        for (int i = 0; i < spec.length(); i++) {
          if (spec.charAt(i) == '^') {
            marks[chars.length()] = true;
          } else {
            chars.append(spec.charAt(i));
          }
        }
        words[w] = chars.toString().toCharArray();
        exact[w] = Arrays.copyOf(marks, words[w].length);
      }
      int longest = 0;
      for (char[] word : words) {
        longest = Math.max(longest, word.length);
      }
      maxLength = longest;
      for (int w = 0; w < words.length; w++) {
        int first = fold(words[w][0]);
        int[] bucket = byFirstChar[first];
        bucket = bucket == null ? new int[1] : Arrays.copyOf(bucket, bucket.length + 1);
        bucket[bucket.length - 1] = w;
        byFirstChar[first] = bucket;
      }
    }

    /**
     * The end of the longest listed word at {@code i} that is followed by the character {@code
     * next}, or by a space ({@link #FOLLOWED_BY_SPACE}) or a blank ({@link #FOLLOWED_BY_BLANK}); -1
     * if there is none.
     */
    int longestMatch(PtbScanner scanner, int i, int next) {
      int first = fold(scanner.ch(i));
      int[] candidates = first >= 0 && first < 128 ? byFirstChar[first] : null;
      if (candidates == null) {
        return -1;
      }
      // Every listed word is a run of letters, maybe with inner periods: the run of letters at i
      // must end where the word or its first period does, so it cannot be longer than the word.
      int run = i + 1;
      while (run - i <= maxLength && isAsciiLetter(fold(scanner.ch(run)))) {
        run++;
      }
      if (run - i > maxLength) {
        return -1;
      }
      int best = -1;
      for (int w : candidates) {
        char[] word = words[w];
        if (i + word.length > scanner.n) {
          continue;
        }
        boolean ok = true;
        for (int k = 0; k < word.length && ok; k++) {
          char c = scanner.chars[i + k];
          ok = exact[w][k] ? c == word[k] : fold(c) == word[k];
        }
        if (!ok) {
          continue;
        }
        int e = i + word.length;
        int after = scanner.ch(e);
        boolean followed =
            next == FOLLOWED_BY_SPACE
                ? isSpace(after)
                : next == FOLLOWED_BY_BLANK ? scanner.blankLength(e) > 0 : after == next;
        if (followed && e > best) {
          best = e;
        }
      }
      return best;
    }
  }
}
