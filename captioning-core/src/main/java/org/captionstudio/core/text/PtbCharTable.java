package org.captionstudio.core.text;

/**
 * The character classes of the coco-caption tokenizer, frozen at the Unicode version its scanner
 * was built with (Unicode 6.x), so that results do not drift with the Unicode tables of the JVM.
 *
 * <p>The tables were obtained by probing that tokenizer one character at a time; the oracle tests
 * check every character of the Basic Multilingual Plane against it again. Characters outside the
 * BMP arrive as surrogate halves, which belong to no class, exactly as in the original.
 */
final class PtbCharTable {
  private PtbCharTable() {}

  /** Letters: Unicode 6.x letters (general categories Lu, Ll, Lt, Lm, Lo). */
  private static final String LETTERS =
      "0041-005A 0061-007A 00AA 00B5 00BA 00C0-00D6 00D8-00F6 00F8-02C1 02C6-02D1 "
          + "02E0-02E4 02EC 02EE 0370-0374 0376-0377 037A-037D 0386 0388-038A 038C 038E-03A1 "
          + "03A3-03F5 03F7-0481 048A-0527 0531-0556 0559 0561-0587 05D0-05EA 05F0-05F2 "
          + "0620-064A 066E-066F 0671-06D3 06D5 06E5-06E6 06EE-06EF 06FA-06FC 06FF 0710 "
          + "0712-072F 074D-07A5 07B1 07CA-07EA 07F4-07F5 07FA 0800-0815 081A 0824 0828 "
          + "0840-0858 08A0 08A2-08AC 0904-0939 093D 0950 0958-0961 0971-0977 0979-097F "
          + "0985-098C 098F-0990 0993-09A8 09AA-09B0 09B2 09B6-09B9 09BD 09CE 09DC-09DD "
          + "09DF-09E1 09F0-09F1 0A05-0A0A 0A0F-0A10 0A13-0A28 0A2A-0A30 0A32-0A33 0A35-0A36 "
          + "0A38-0A39 0A59-0A5C 0A5E 0A72-0A74 0A85-0A8D 0A8F-0A91 0A93-0AA8 0AAA-0AB0 "
          + "0AB2-0AB3 0AB5-0AB9 0ABD 0AD0 0AE0-0AE1 0B05-0B0C 0B0F-0B10 0B13-0B28 0B2A-0B30 "
          + "0B32-0B33 0B35-0B39 0B3D 0B5C-0B5D 0B5F-0B61 0B71 0B83 0B85-0B8A 0B8E-0B90 "
          + "0B92-0B95 0B99-0B9A 0B9C 0B9E-0B9F 0BA3-0BA4 0BA8-0BAA 0BAE-0BB9 0BD0 0C05-0C0C "
          + "0C0E-0C10 0C12-0C28 0C2A-0C33 0C35-0C39 0C3D 0C58-0C59 0C60-0C61 0C85-0C8C "
          + "0C8E-0C90 0C92-0CA8 0CAA-0CB3 0CB5-0CB9 0CBD 0CDE 0CE0-0CE1 0CF1-0CF2 0D05-0D0C "
          + "0D0E-0D10 0D12-0D3A 0D3D 0D4E 0D60-0D61 0D7A-0D7F 0D85-0D96 0D9A-0DB1 0DB3-0DBB "
          + "0DBD 0DC0-0DC6 0E01-0E30 0E32-0E33 0E40-0E46 0E81-0E82 0E84 0E87-0E88 0E8A 0E8D "
          + "0E94-0E97 0E99-0E9F 0EA1-0EA3 0EA5 0EA7 0EAA-0EAB 0EAD-0EB0 0EB2-0EB3 0EBD "
          + "0EC0-0EC4 0EC6 0EDC-0EDF 0F00 0F40-0F47 0F49-0F6C 0F88-0F8C 1000-102A 103F "
          + "1050-1055 105A-105D 1061 1065-1066 106E-1070 1075-1081 108E 10A0-10C5 10C7 10CD "
          + "10D0-10FA 10FC-1248 124A-124D 1250-1256 1258 125A-125D 1260-1288 128A-128D "
          + "1290-12B0 12B2-12B5 12B8-12BE 12C0 12C2-12C5 12C8-12D6 12D8-1310 1312-1315 "
          + "1318-135A 1380-138F 13A0-13F4 1401-166C 166F-167F 1681-169A 16A0-16EA 1700-170C "
          + "170E-1711 1720-1731 1740-1751 1760-176C 176E-1770 1780-17B3 17D7 17DC 1820-1877 "
          + "1880-18A8 18AA 18B0-18F5 1900-191C 1950-196D 1970-1974 1980-19AB 19C1-19C7 "
          + "1A00-1A16 1A20-1A54 1AA7 1B05-1B33 1B45-1B4B 1B83-1BA0 1BAE-1BAF 1BBA-1BE5 "
          + "1C00-1C23 1C4D-1C4F 1C5A-1C7D 1CE9-1CEC 1CEE-1CF1 1CF5-1CF6 1D00-1DBF 1E00-1F15 "
          + "1F18-1F1D 1F20-1F45 1F48-1F4D 1F50-1F57 1F59 1F5B 1F5D 1F5F-1F7D 1F80-1FB4 "
          + "1FB6-1FBC 1FBE 1FC2-1FC4 1FC6-1FCC 1FD0-1FD3 1FD6-1FDB 1FE0-1FEC 1FF2-1FF4 "
          + "1FF6-1FFC 2071 207F 2090-209C 2102 2107 210A-2113 2115 2119-211D 2124 2126 2128 "
          + "212A-212D 212F-2139 213C-213F 2145-2149 214E 2183-2184 2C00-2C2E 2C30-2C5E "
          + "2C60-2CE4 2CEB-2CEE 2CF2-2CF3 2D00-2D25 2D27 2D2D 2D30-2D67 2D6F 2D80-2D96 "
          + "2DA0-2DA6 2DA8-2DAE 2DB0-2DB6 2DB8-2DBE 2DC0-2DC6 2DC8-2DCE 2DD0-2DD6 2DD8-2DDE "
          + "2E2F 3005-3006 3031-3035 303B-303C 3041-3096 309D-309F 30A1-30FA 30FC-30FF "
          + "3105-312D 3131-318E 31A0-31BA 31F0-31FF 3400-4DB5 4E00-9FCC A000-A48C A4D0-A4FD "
          + "A500-A60C A610-A61F A62A-A62B A640-A66E A67F-A697 A6A0-A6E5 A717-A71F A722-A788 "
          + "A78B-A78E A790-A793 A7A0-A7AA A7F8-A801 A803-A805 A807-A80A A80C-A822 A840-A873 "
          + "A882-A8B3 A8F2-A8F7 A8FB A90A-A925 A930-A946 A960-A97C A984-A9B2 A9CF AA00-AA28 "
          + "AA40-AA42 AA44-AA4B AA60-AA76 AA7A AA80-AAAF AAB1 AAB5-AAB6 AAB9-AABD AAC0 AAC2 "
          + "AADB-AADD AAE0-AAEA AAF2-AAF4 AB01-AB06 AB09-AB0E AB11-AB16 AB20-AB26 AB28-AB2E "
          + "ABC0-ABE2 AC00-D7A3 D7B0-D7C6 D7CB-D7FB F900-FA6D FA70-FAD9 FB00-FB06 FB13-FB17 "
          + "FB1D FB1F-FB28 FB2A-FB36 FB38-FB3C FB3E FB40-FB41 FB43-FB44 FB46-FBB1 FBD3-FD3D "
          + "FD50-FD8F FD92-FDC7 FDF0-FDFB FE70-FE74 FE76-FEFC FF21-FF3A FF41-FF5A FF66-FFBE "
          + "FFC2-FFC7 FFCA-FFCF FFD2-FFD7 FFDA-FFDC ";

  /**
   * Characters that are not letters but still continue (or start) a word: the soft hyphen, spacing
   * modifier letters, combining marks and the vowel signs of several Indic and Southeast Asian
   * scripts.
   */
  private static final String WORD_EXTRAS =
      "00AD 02C2-02C5 02D2-02DF 02E5-02EB 02ED 02EF-036F 0375 0378-0379 0384-0385 03F6 "
          + "0483-0487 055A-055F 0591-05BD 05BF 05C1-05C2 05C4-05C5 05C7 0615-061A 064B-065E "
          + "0670 06D6-06E4 06E7-06ED 06FD-06FE 070F 0711 0730-074C 07A6-07B0 07EB-07F3 "
          + "0900-0903 093C 093E-094E 0951-0955 0962-0963 0981-0983 09BC 09BE-09C4 09C7-09C8 "
          + "09CB-09CD 09D7 09E2-09E3 0A01-0A03 0A3C 0A3E-0A4F 0A81-0A83 0ABC 0ABE-0ACF 0B82 "
          + "0BBE-0BC2 0BC6-0BC8 0BCA-0BCD 0C01-0C03 0C3E-0C56 0D3E-0D44 0D46-0D48 0E31 "
          + "0E34-0E3A 0E47-0E4E 0EB1 0EB4-0EBC 0EC8-0ECD ";

  /** Decimal digits (general category Nd) of Unicode 6.x. */
  private static final String DIGITS =
      "0030-0039 0660-0669 06F0-06F9 07C0-07C9 0966-096F 09E6-09EF 0A66-0A6F 0AE6-0AEF "
          + "0B66-0B6F 0BE6-0BEF 0C66-0C6F 0CE6-0CEF 0D66-0D6F 0E50-0E59 0ED0-0ED9 0F20-0F29 "
          + "1040-1049 1090-1099 17E0-17E9 1810-1819 1946-194F 19D0-19D9 1A80-1A89 1A90-1A99 "
          + "1B50-1B59 1BB0-1BB9 1C40-1C49 1C50-1C59 A620-A629 A8D0-A8D9 A900-A909 A9D0-A9D9 "
          + "AA50-AA59 ABF0-ABF9 FF10-FF19 ";

  /** Uppercase characters that are not letters: Roman numerals and circled capitals. */
  private static final String UPPER_NON_LETTERS = "2160-216F 24B6-24CF";

  /** Letters that Java calls uppercase but that were plain letters in Unicode 6.x (Cherokee). */
  private static final String UPPER_EXCEPTIONS = "13A0-13F4";

  private static final byte LETTER = 1;
  private static final byte WORD_CHAR = 2;
  private static final byte DIGIT = 4;
  private static final byte UPPER = 8;

  private static final byte[] FLAGS = build();

  private static byte[] build() {
    byte[] flags = new byte[Character.MAX_VALUE + 1];
    mark(flags, LETTERS, (byte) (LETTER | WORD_CHAR));
    mark(flags, WORD_EXTRAS, WORD_CHAR);
    mark(flags, DIGITS, DIGIT);
    mark(flags, UPPER_NON_LETTERS, UPPER);
    byte[] exceptions = new byte[flags.length];
    mark(exceptions, UPPER_EXCEPTIONS, UPPER);
    for (int c = 0; c < flags.length; c++) {
      if ((flags[c] & LETTER) != 0 && Character.isUpperCase((char) c) && exceptions[c] == 0) {
        flags[c] |= UPPER;
      }
    }
    return flags;
  }

  private static void mark(byte[] flags, String ranges, byte flag) {
    for (String range : ranges.trim().split(" +")) {
      int dash = range.indexOf('-');
      int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
      int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1), 16);
      for (int c = first; c <= last; c++) {
        flags[c] |= flag;
      }
    }
  }

  /** A letter in the Unicode sense; {@code c} may be -1 (end of text). */
  static boolean isLetter(int c) {
    return c >= 0 && (FLAGS[c] & LETTER) != 0;
  }

  /** A character that may make up a word: a letter or one of the word extras. */
  static boolean isWordChar(int c) {
    return c >= 0 && (FLAGS[c] & WORD_CHAR) != 0;
  }

  /** A decimal digit of any script. */
  static boolean isDigit(int c) {
    return c >= 0 && (FLAGS[c] & DIGIT) != 0;
  }

  /** An uppercase character, used where a capital suggests that a new sentence begins. */
  static boolean isUpper(int c) {
    return c >= 0 && (FLAGS[c] & UPPER) != 0;
  }
}
