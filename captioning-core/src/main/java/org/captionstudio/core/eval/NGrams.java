package org.captionstudio.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word n-gram counting shared by BLEU and CIDEr-D. Words are interned to ints first so that an
 * n-gram is a small value object rather than a list of strings.
 */
final class NGrams {
  /** The highest order every metric here uses. */
  static final int MAX_ORDER = 4;

  private NGrams() {}

  /** An n-gram of order 1..4 over interned word ids. */
  record NGram(int order, int w0, int w1, int w2, int w3) {}

  /** Interns words to dense ids for one evaluation. */
  static final class Words {
    private final Map<String, Integer> ids = new HashMap<>();

    int[] intern(List<String> tokens) {
      int[] out = new int[tokens.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ids.computeIfAbsent(tokens.get(i), word -> ids.size());
      }
      return out;
    }
  }

  /** Counts every n-gram of order 1..maxOrder in {@code words}. */
  static Map<NGram, Integer> count(int[] words, int maxOrder) {
    Map<NGram, Integer> counts = new HashMap<>();
    for (int order = 1; order <= maxOrder; order++) {
      for (int i = 0; i + order <= words.length; i++) {
        counts.merge(of(words, i, order), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static NGram of(int[] words, int start, int order) {
    return new NGram(
        order,
        words[start],
        order > 1 ? words[start + 1] : -1,
        order > 2 ? words[start + 2] : -1,
        order > 3 ? words[start + 3] : -1);
  }
}
