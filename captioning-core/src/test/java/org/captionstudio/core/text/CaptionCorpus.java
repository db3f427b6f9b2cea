package org.captionstudio.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Test captions for comparing the tokenizer with CoreNLP: COCO-like sentences with every phenomenon
 * the tokenizer has rules for mixed in at random, random character soup, and a hand-written list of
 * nasty cases. Everything is generated from a seed, so runs are repeatable.
 */
final class CaptionCorpus {
  private CaptionCorpus() {}

  private static final String[] SUBJECTS = {
    "a man",
    "a woman",
    "two dogs",
    "a group of people",
    "a little girl",
    "an old man",
    "the cat",
    "three zebras",
    "a young boy",
    "a large brown bear",
    "people",
    "a plate of food",
    "a giraffe",
    "a baseball player",
    "a double decker bus",
    "a kitchen",
    "a skier",
    "a surfer",
    "an elephant",
    "several sheep",
    "a teddy bear",
    "a police officer",
    "a toilet",
    "a red fire hydrant",
    "a bowl of soup",
    "a tennis player",
    "an airplane",
    "a train",
    "a laptop",
    "the kids"
  };

  private static final String[] VERBS = {
    "is riding", "sitting on", "standing next to", "playing with", "holding", "walking down",
    "looking at", "eating", "flying over", "laying on", "is parked in front of", "are grazing in",
    "throwing", "cutting", "waiting for", "is covered with", "jumps over", "leaning against",
    "is filled with", "has", "are watching", "carrying", "swinging at", "is next to"
  };

  private static final String[] OBJECTS = {
    "a red bicycle", "the beach", "a large pizza", "a frisbee", "a table", "a busy city street",
    "an umbrella", "a kite", "a laptop computer", "a bowl of fruit", "a grassy field", "the snow",
    "a wave", "a train station", "a wooden bench", "a tall building", "a sandwich", "the ball",
    "a white plate", "the ocean", "a parking meter", "a stop sign", "a skateboard", "some bananas"
  };

  private static final String[] TAILS = {
    "",
    " in the park",
    " at night",
    " on a sunny day",
    " near the water",
    " with a dog",
    " in front of a house",
    " during the day",
    " in a room",
    " on the street",
    " by the lake"
  };

  /** Snippets for every phenomenon, inserted between words or glued to them. */
  private static final String[][] PHENOMENA = {
    // contractions, possessives, assimilations
    {
      "it's",
      "that's",
      "there's",
      "he's",
      "she's",
      "can't",
      "won't",
      "don't",
      "doesn't",
      "isn't",
      "aren't",
      "wasn't",
      "couldn't",
      "they're",
      "we're",
      "you're",
      "we'll",
      "I'll",
      "I've",
      "you've",
      "he'd",
      "I'd",
      "I'm",
      "ain't",
      "y'all",
      "o'clock",
      "rock 'n' roll",
      "'til",
      "ma'am",
      "dog's",
      "dogs'",
      "James's",
      "cannot",
      "gonna",
      "wanna",
      "gotta",
      "lemme",
      "gimme",
      "it\u2019s",
      "don\u2019t",
      "they\u2019re",
      "O'Neil",
      "d'Angelo",
      "Hawai'i",
      "'em",
      "'cause"
    },
    // quotes around a word
    {
      "\"hi\"", "'hi'", "\u201Chi\u201D", "\u2018hi\u2019", "``hi''", "\u00ABhi\u00BB", "\"hi",
          "hi\"",
      "'hi", "hi'", "\u201Ehi\u201C", "\u2039hi\u203A", "\"", "'", "''", "`"
    },
    // brackets
    {
      "(red)", "[red]", "{red}", "( red )", "dog(s)", "(", ")", "[", "]", "{", "}", "-LRB-", "-rsb-"
    },
    // abbreviations and initials
    {
      "U.S.",
      "u.s.",
      "U.S.A.",
      "St.",
      "st.",
      "Dr.",
      "Mr.",
      "Mrs.",
      "Ms.",
      "p.m.",
      "a.m.",
      "P.M.",
      "Mt.",
      "etc.",
      "vs.",
      "Jan.",
      "Sept.",
      "Calif.",
      "Inc.",
      "Co.",
      "Corp.",
      "Ltd.",
      "Jr.",
      "No.",
      "no.",
      "fig.",
      "e.g.",
      "i.e.",
      "a.k.a.",
      "Ave.",
      "Blvd.",
      "N.Y.",
      "D.C.",
      "U.K.",
      "Ph.D.",
      "A.",
      "B.",
      "I.",
      "x.",
      "Pty. Ltd",
      "Co. Ltd",
      "Mass.",
      "Ore.",
      "ore.",
      "Wash.",
      "Bros."
    },
    // numbers, dates, times, fractions, ordinals
    {
      "3.50",
      "1,000",
      "10,000",
      "10:30",
      "2",
      "12",
      "1990",
      "1/2",
      "3 1/2",
      "3/4",
      "50%",
      "100 %",
      "1st",
      "2nd",
      "3rd",
      "21st",
      "-5",
      "+3",
      "12/25/2020",
      "1990s",
      "0.5",
      ".5",
      "3.14159",
      "1-800-555-1234",
      "555-1234",
      "(555) 123-4567",
      "555.123.4567",
      "#1",
      "2x4",
      "24/7",
      "9/11",
      "1:00",
      "12:45pm",
      "5pm",
      "100m",
      "6'2\"",
      "5'10",
      "\u00BD",
      "\u00BE",
      "\u00B2",
      "3\u20444",
      "1\\/2",
      "'90s",
      "1\u00ADooo"
    },
    // money
    {
      "$3.50",
      "$5",
      "$ 5",
      "US$3",
      "\u00A35",
      "\u20AC10",
      "\u00A5100",
      "5\u00A2",
      "$1,000",
      "$.99",
      "C$20",
      "#5",
      "\u20A4",
      "\u0E3F"
    },
    // hyphens and slashes
    {
      "t-shirt",
      "black-and-white",
      "well-known",
      "x-ray",
      "3-year-old",
      "two-story",
      "e-mail",
      "non-U.S.",
      "pre-game",
      "self-portrait",
      "co-worker",
      "anti-war",
      "pro-choice",
      "-",
      "a - b",
      "red/white",
      "and/or",
      "w/",
      "w/o",
      "his/her",
      "50/50",
      "A/C",
      "on/off",
      "snow_board",
      "up\u2010to\u2010date",
      "3.5-inch",
      "1,000-piece"
    },
    // ellipses, runs, dashes and other punctuation
    {
      "...", ". . .", "\u2026", "....", "......", "..", ". .", "?!", "!!", "??", "!?", "?!?", "!!!",
      "--", "---", "\u2014", "\u2013", ":", ";", ",", ".", "!", "?", "&", "@", "#", "*", "**", "=",
      "+", "%", "~", "^", "|", "\\", "_", "<", ">", "<<", ">>", "\u00B0", "\u00D7", "\u2122"
    },
    // letters beyond ASCII
    {
      "caf\u00E9",
      "na\u00EFve",
      "Z\u00FCrich",
      "\u0395\u03BB\u03BB\u03AC\u03B4\u03B1",
      "\u041C\u043E\u0441\u043A\u0432\u0430",
      "S\u00E3o Paulo",
      "cr\u00E8me br\u00FBl\u00E9e",
      "pi\u00F1ata",
      "jalape\u00F1o",
      "\u00C5ngstr\u00F6m",
      "fa\u00E7ade",
      "r\u00E9sum\u00E9",
      "Stra\u00DFe",
      "\u0130stanbul",
      "\u65E5\u672C",
      "\uD83D\uDC4D",
      "\uD83D\uDE00",
      "\u2665",
      "\u00C9cole",
      "e\u0301t\u00E9",
      "\u05E9\u05DC\u05D5\u05DD",
      "\u0928\u092E\u0938\u094D\u0924\u0947"
    },
    // emoticons, addresses, markup and entities
    {
      ":)",
      ":-)",
      ";)",
      ":D",
      ":(",
      ":P",
      ":p",
      "=)",
      ":o)",
      "^_^",
      "-_-",
      "(^_^)",
      "<3",
      ":/",
      "www.example.com",
      "http://example.com/path",
      "https://t.co/xyz",
      "google.com",
      "example.org/page",
      "a@b.com",
      "john.doe@mail.example.edu",
      "@john",
      "#sunset",
      "photo.jpg",
      "image.png",
      "index.html",
      "<b>",
      "</b>",
      "<br/>",
      "<a href='x'>",
      "<!-- note -->",
      "&amp;",
      "&lt;",
      "&gt;",
      "&quot;",
      "&nbsp;",
      "&eacute;",
      "&mdash;",
      "&#39;",
      "&apos;",
      "C++",
      "c#"
    }
  };

  private static final String[] ENDINGS = {
    ".", ".", ".", "", "", " .", "!", "?", "...", " ...", ".\"", "'.", ").", ".)", "!!", ". ", " ",
    ",", ";", ":", "?!"
  };

  private static final String[] GAPS = {
    " ", " ", " ", " ", " ", " ", "  ", "\t", "\u00A0", "\u2009", "\u3000", "\n", " \n "
  };

  /** {@code count} COCO-like captions with random insertions, casing, punctuation and spacing. */
  static List<String> generated(long seed, int count) {
    Random random = new Random(seed);
    List<String> captions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      captions.add(generate(random));
    }
    return captions;
  }

  private static String generate(Random random) {
    List<String> words = new ArrayList<>();
    String sentence =
        pick(random, SUBJECTS)
            + " "
            + pick(random, VERBS)
            + " "
            + pick(random, OBJECTS)
            + pick(random, TAILS);
    for (String word : sentence.split(" ")) {
      words.add(word);
    }
    int insertions = random.nextInt(4);
    for (int k = 0; k < insertions; k++) {
      String snippet = pick(random, PHENOMENA[random.nextInt(PHENOMENA.length)]);
      int at = random.nextInt(words.size() + 1);
      if (random.nextInt(4) == 0 && at > 0) {
        // glue to the previous word
        words.set(at - 1, words.get(at - 1) + snippet);
      } else {
        words.add(at, snippet);
      }
    }
    if (random.nextInt(5) == 0) {
      int at = random.nextInt(words.size());
      words.set(at, words.get(at) + pick(random, new String[] {",", ".", ";", ":", "!", "?"}));
    }
    StringBuilder caption = new StringBuilder();
    if (random.nextInt(10) == 0) {
      caption.append(pick(random, GAPS));
    }
    for (int k = 0; k < words.size(); k++) {
      if (k > 0) {
        caption.append(random.nextInt(6) == 0 ? pick(random, GAPS) : " ");
      }
      caption.append(words.get(k));
    }
    caption.append(pick(random, ENDINGS));
    if (random.nextInt(10) == 0) {
      caption.append(pick(random, GAPS));
    }
    return recase(random, caption.toString());
  }

  private static String recase(Random random, String caption) {
    switch (random.nextInt(6)) {
      case 0:
        return caption.toLowerCase(Locale.ROOT);
      case 1:
        return caption.toUpperCase(Locale.ROOT);
      case 2:
        {
          StringBuilder out = new StringBuilder(caption);
          for (int i = 0; i < out.length(); i++) {
            if (random.nextBoolean()) {
              out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
          }
          return out.toString();
        }
      case 3:
        {
          StringBuilder out = new StringBuilder(caption);
          boolean start = true;
          for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (start && Character.isLetter(c)) {
              out.setCharAt(i, Character.toUpperCase(c));
            }
            start = c == ' ';
          }
          return out.toString();
        }
      default:
        return caption.isEmpty()
            ? caption
            : Character.toUpperCase(caption.charAt(0)) + caption.substring(1);
    }
  }

  /** Characters that take part in some tokenizer rule, for random strings. */
  private static final String SOUP =
      "aAeEnNtTsSdDlLoOyYcCpPmMiIuUwWxXhHgGkKrRbBqQfFvVjJzZ"
          + "0123456789"
          + "'`\u2019\u2018\u201C\u201D\u00AB\u00BB\"&;.-_/\\:,!? \t\r\n$#@<>()[]{}*=+%^~|"
          + "\u00A0\u00AD\u00E9\u00C9\u2026\u2013\u2014\u2028\u00BD\u00A3\u20AC\u00A2\u0131\u017F";

  /** Random strings over characters that matter to the tokenizer. */
  static List<String> soup(long seed, int count, int maxLength) {
    Random random = new Random(seed);
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = 1 + random.nextInt(maxLength);
      StringBuilder s = new StringBuilder(length);
      for (int k = 0; k < length; k++) {
        s.append(SOUP.charAt(random.nextInt(SOUP.length())));
      }
      strings.add(s.toString());
    }
    return strings;
  }

  /** Random concatenations of phenomenon snippets, mostly without spaces, in random case. */
  static List<String> collisions(long seed, int count) {
    Random random = new Random(seed);
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pieces = 1 + random.nextInt(5);
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < pieces; k++) {
        if (k > 0 && random.nextInt(3) == 0) {
          s.append(pick(random, GAPS));
        }
        s.append(pick(random, PHENOMENA[random.nextInt(PHENOMENA.length)]));
      }
      strings.add(recase(random, s.toString()));
    }
    return strings;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Hand-written cases at the edges of the tokenizer's rules. */
  static final List<String> EDGE_CASES =
      List.of(
          // empty and blank
          "",
          " ",
          "\t",
          "\u00A0\u00A0",
          "\n",
          "\r",
          "\r\n",
          "\u2028",
          "\u000B",
          "\u000C",
          "\u0085",
          "\u200B",
          "\uFEFFa dog",
          "\u0000a\u0000",
          "a\u007Fb",
          // clitics at the end, before letters, in capitals, with other apostrophes
          "it's",
          "they're",
          "we've",
          "she'll",
          "I'd",
          "I'M",
          "THEY'RE",
          "it'sa",
          "'s",
          "'re",
          "'S'",
          "n't",
          "don't",
          "dont",
          "don'",
          "do n't",
          "don`t",
          "don\u2018t",
          "don\u201Bt",
          "don&apos;t",
          "it&apos;s",
          "it&APOS;s",
          "can't've",
          "won't've",
          "y'know",
          "Y'all",
          "ol' days",
          "somethin'",
          "rock'n'roll",
          "'twas",
          "'Tis",
          "'tisn't",
          "'til",
          "'till",
          "'90s",
          "'90",
          "'90 ",
          "\u201990 ",
          "the 90's",
          "cont'd.",
          "nor'easter",
          "c'mon",
          "li'l",
          "O'o",
          "l'amour",
          "d'Artagnan",
          "j'adore",
          "Cap'n",
          "c'est",
          // quotes
          "\"",
          "\"\"",
          "''",
          "'''",
          "``",
          "```",
          "\"a\"",
          "\"1\"",
          "\"$5\"",
          "\" a \"",
          "&quot;a&quot;",
          "'a'",
          "'a' b",
          "'ab",
          "'a b",
          "\u201C\u201D",
          "\u2018\u2018",
          "\u201A\u201E",
          "\u2039\u203A",
          // brackets and smileys
          "()",
          "(a)",
          ":)",
          ":)a",
          ":(",
          ":-)",
          ">:)",
          ":o)",
          ":O",
          "=]",
          ":{",
          ":@",
          ";-P",
          "^_^",
          "(^_^)",
          "(^^)",
          "(-.-)",
          "(^-^)",
          "^.[^x=~<>]",
          "x_x",
          "<3",
          // abbreviations at every position
          "etc.",
          "etc. A",
          "etc.  a",
          "etc.\r\nA",
          "etc. <b>",
          "etc.,",
          "etc.x",
          "Calif. is",
          "Calif. Is",
          "Ark.",
          "ark.",
          "Ill. man",
          "ill. man",
          "PTY. LTD",
          "Pty. Ltd",
          "Co. Ltd",
          "co. limited",
          "fig. 3",
          "fig.3",
          "no. 5",
          "No.\u00A05",
          "pp. 12",
          "U.S. The",
          "U.S. the",
          "U.S.  About",
          "U.S. Mr. Smith",
          "I. The",
          "A. The",
          "U.S.\nThe",
          "U.S.-U.K. talks",
          "non-U.S. firms",
          "Ph.D. student",
          "Ed.D.",
          "a.k.a.",
          "a.k.a",
          "Mr Smith",
          "Mr\u00A0Smith",
          "St Louis",
          "u.s",
          "u.s ",
          "u.s\n",
          "\u017Fq. ft",
          "\u212Aan. x",
          "\u0131nc. x",
          // numbers and money
          "1.",
          "1.,",
          "1.a",
          "1.2.3",
          "1,2,3",
          "1:2:3",
          "-1",
          "+-1",
          "--1",
          "1-",
          "1/2/3",
          "1/2/34",
          "12/31/1999",
          "1-2-99",
          "12345/6",
          "1234/5678",
          "1 2/3",
          "1\u00A02/3",
          "1-2/3",
          "\u00B9\u00B2\u00B3",
          "\u207B\u00B2",
          "\u2080\u2081",
          "$",
          "US$",
          "us$",
          "USD$5",
          "\u00A2",
          "5\u00A3",
          "\u0080",
          "(555)123-4567",
          "(555) 123 4567",
          "+1 555 123 4567",
          "++44 20 7946 0958",
          "555-123-4567",
          "12.345.6789",
          "+44.20.7946.0958",
          // hyphens, slashes, ampersands
          "-",
          "--",
          "---",
          "----",
          "-----",
          "a-",
          "-a",
          "a--b",
          "a---b",
          "t-shirt.,",
          "x-ray.;",
          "3.5-inch.,",
          "U.S.-led",
          "anti-U.S.-",
          "co-op",
          "pro-",
          "anti-",
          "pro-life",
          "a/b/c/d",
          "a-b/c-d-e",
          "a\\/b",
          "AT&T",
          "AT&T.,",
          "AT&amp;T",
          "AT&AMP;T",
          "S&P-500",
          "S&amp;P-500",
          "S&Ls",
          "R&D.",
          "A+B",
          "c++",
          "C#",
          "f#",
          // dots
          ".",
          "..",
          "...",
          "....",
          ".....",
          "......",
          ". .",
          ". . .",
          ". . . .",
          ". . . . .",
          ".\u00A0.\u00A0.",
          "a.b",
          "a.b.",
          "a.b.c",
          "end.",
          "end.,",
          "end..",
          "yahoo!news",
          "what?no",
          // addresses and markup
          "http://x",
          "http://x.",
          "http://example.com/a(b)",
          "https://example.com/path?q=1&r=2.",
          "www.example.co.uk/x.",
          "www.a.b",
          "example.com",
          "Example.com",
          "ex1ample.com",
          "a.b.edu/~x/y.",
          "john@example.com.",
          "<john@example.com>",
          "&lt;john@example.com&gt;",
          "a@b",
          "a@@b",
          "@",
          "@@",
          "@_x",
          "#",
          "##",
          "#1",
          "#a",
          "file.JPG",
          "file.jpg.",
          "a.b.c.txt,",
          "1.mp3 ",
          "<b>bold</b>",
          "<a href=\"x y\">",
          "<a b = 'c' d>",
          "<br />",
          "<!DOCTYPE html>",
          "<?xml version='1.0'?>",
          "</a >",
          "< a>",
          "<<",
          ">>",
          "<>",
          "&amp;",
          "&AMP;",
          "&lt;",
          "&gt;",
          "&nbsp;",
          "&NBSP;",
          "&mdash;",
          "&MD;",
          "&ndash;",
          "&#39;",
          "&#x27;",
          "&HT;",
          "&eacute;",
          "caf&eacute;",
          "&Eacute;cole",
          "&auml;",
          // beyond ASCII
          "\u00C9COLE",
          "\u0130STANBUL",
          "\u03A3\u039F\u03A6\u0399\u0391",
          "\u00DF",
          "\uD83D\uDE00",
          "a\uD83D\uDE00b",
          "\uD800",
          "\uDC00a",
          "\u4E2D\u6587",
          "\u3002",
          "\u3001",
          "\uFF01",
          "\u0301",
          "a\u0301",
          "\u00AD",
          "a\u00ADb",
          "\u00ADa",
          "\u2010",
          "a\u2011b",
          "\u2153",
          "\u215E",
          "\u2044",
          "\u20AC5",
          "\u00A55",
          "\uFFE5",
          // long and repetitive
          "a".repeat(300),
          "-".repeat(50),
          ".".repeat(50),
          "a.".repeat(40),
          "a-".repeat(40) + "b",
          "A&".repeat(30) + "B",
          "'".repeat(20),
          "!?".repeat(20));
}
