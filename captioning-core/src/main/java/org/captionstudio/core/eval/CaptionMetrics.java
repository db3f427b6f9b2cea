package org.captionstudio.core.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores tokenized captions with BLEU-1..4, ROUGE-L and CIDEr-D exactly as coco-caption does.
 * Tokenize with {@link org.captionstudio.core.text.CaptionTokenizer} first, as coco-caption runs
 * its PTB tokenizer before scoring.
 */
public final class CaptionMetrics {
  private CaptionMetrics() {}

  /**
   * Scores the items; CIDEr-D's document frequencies come from exactly these items' references.
   *
   * @throws IllegalArgumentException when there are no items
   */
  public static EvaluationReport score(List<EvalItem> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("items must hold at least one image, got none");
    }
    NGrams.Words words = new NGrams.Words();
    List<int[]> hypotheses = new ArrayList<>(items.size());
    List<List<int[]>> references = new ArrayList<>(items.size());
    for (EvalItem item : items) {
      hypotheses.add(words.intern(item.hypothesis()));
      List<int[]> refs = new ArrayList<>(item.references().size());
      for (List<String> reference : item.references()) {
        refs.add(words.intern(reference));
      }
      references.add(refs);
    }

    double[][] bleu = Bleu.score(hypotheses, references);
    double[] rouge = RougeL.score(hypotheses, references);
    double[] cider = CiderD.score(hypotheses, references);

    List<ImageScores> perImage = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      perImage.add(new ImageScores(items.get(i).imageId(), scoresAt(bleu, rouge, cider, i + 1)));
    }
    return new EvaluationReport(items.size(), scoresAt(bleu, rouge, cider, 0), perImage);
  }

  private static MetricScores scoresAt(double[][] bleu, double[] rouge, double[] cider, int at) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.BLEU_1, bleu[0][at]);
    values.put(Metric.BLEU_2, bleu[1][at]);
    values.put(Metric.BLEU_3, bleu[2][at]);
    values.put(Metric.BLEU_4, bleu[3][at]);
    values.put(Metric.ROUGE_L, rouge[at]);
    values.put(Metric.CIDER_D, cider[at]);
    return new MetricScores(values);
  }
}
