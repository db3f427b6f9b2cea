package org.captionstudio.core.eval;

/** The metrics, named as coco-caption names them in its results. */
public enum Metric {
  BLEU_1("Bleu_1"),
  BLEU_2("Bleu_2"),
  BLEU_3("Bleu_3"),
  BLEU_4("Bleu_4"),
  ROUGE_L("ROUGE_L"),
  CIDER_D("CIDEr");

  private final String cocoName;

  Metric(String cocoName) {
    this.cocoName = cocoName;
  }

  /** The key coco-caption uses, e.g. "Bleu_4" or "CIDEr" (coco-caption's CIDEr is CIDEr-D). */
  public String cocoName() {
    return cocoName;
  }
}
