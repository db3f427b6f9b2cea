package org.captionstudio.app.pipeline;

import java.util.Locale;
import org.captionstudio.core.bundle.ModelBundle;

/** A model's card as text: what `info --model` prints and the window shows. */
public final class ModelCard {
  private ModelCard() {}

  /**
   * @param file how the model is named (its path, or "default")
   */
  public static String text(String file, ModelBundle bundle) {
    ModelBundle.Manifest m = bundle.manifest();
    StringBuilder out = new StringBuilder();
    var e = m.encoder();
    var d = m.decoder();
    row(
        out,
        "Model",
        file + " (format " + m.format() + " v" + m.version() + ", " + m.created() + ")");
    row(
        out,
        "Encoder",
        e.id()
            + (e.embedded() ? " (inside the bundle)" : " (zoo weights)")
            + ", "
            + e.inputSize()
            + " px → "
            + e.gridHeight()
            + "×"
            + e.gridWidth()
            + "×"
            + e.featureDim()
            + (e.description().isEmpty() ? "" : "; " + e.description()));
    row(
        out,
        "Decoder",
        String.format(
            Locale.ROOT,
            "%d-layer %s, E %d, N %d, A %d, dropout %.2f, λ %.2f; %,d parameters",
            d.layers(),
            d.cell(),
            d.embeddingSize(),
            d.hiddenSize(),
            d.attentionSize(),
            d.dropout(),
            d.attentionRegularization(),
            org.captionstudio.core.model.DecoderParameters.totalLength(d)));
    java.util.List<String> words = bundle.vocabulary().tokens();
    row(
        out,
        "Vocabulary",
        words.size()
            + " words (min count "
            + bundle.vocabulary().minCount()
            + "): "
            + String.join(" ", words.subList(4, Math.min(words.size(), 16)))
            + (words.size() > 16 ? " …" : ""));
    var domain = m.domain();
    row(
        out,
        "Warnings",
        domain == null
            ? "none (this bundle predates domain profiles)"
            : String.format(
                Locale.ROOT,
                "out of domain above feature distance %.2f (from %,d training images);"
                    + " unsure below %.3f log-probability per word",
                domain.distanceLimit(),
                domain.images(),
                domain.confidenceLimit()));
    new java.util.TreeMap<>(m.provenance()).forEach((k, v) -> row(out, "  " + k, v));
    new java.util.TreeMap<>(m.metrics())
        .forEach((k, v) -> row(out, "  " + k, String.format(Locale.ROOT, "%.4f", v)));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-14s %s%n", label, value));
  }
}
