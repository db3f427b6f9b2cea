package org.captionstudio.core.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.data.Caption;
import org.captionstudio.core.data.CaptionResults;
import org.captionstudio.core.data.CocoCaptions;
import org.captionstudio.core.data.Problem;
import org.captionstudio.core.text.CaptionTokenizer;

/**
 * What coco-caption's {@code COCOEvalCap.evaluate()} does, in process: only the images present in
 * the results are scored, in the order the annotation file lists them; references and results are
 * each tokenized in one batch with the coco-caption tokenizer; then BLEU, ROUGE-L and CIDEr-D. Two
 * further measures are added: vocabulary usage and, given the training captions, novelty.
 */
public final class CocoEvaluation {
  private final CaptionTokenizer tokenizer;

  /**
   * The outcome of an evaluation.
   *
   * @param report the coco-caption scores, corpus and per image
   * @param vocabularyUsage distinct words in the generated captions
   * @param novelty the share of generated captions that do not appear verbatim (after tokenization)
   *     among the training captions; empty without training captions
   * @param skippedAnnotations annotations that could not be used, one sentence each
   */
  public record Outcome(
      EvaluationReport report,
      int vocabularyUsage,
      OptionalDouble novelty,
      List<String> skippedAnnotations) {
    public Outcome {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(novelty, "novelty");
      skippedAnnotations = List.copyOf(skippedAnnotations);
    }

    /** The share of generated captions copied verbatim from the training captions. */
    public OptionalDouble trainingCopies() {
      return novelty.isPresent() ? OptionalDouble.of(1 - novelty.getAsDouble()) : novelty;
    }
  }

  public CocoEvaluation(CaptionTokenizer tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  /**
   * Scores a results file against a COCO captions file.
   *
   * @param trainAnnotations the training captions for novelty, or null
   * @throws DatasetException when a file is unusable or a result names an image the annotations do
   *     not have
   */
  public Outcome evaluate(Path annotations, Path results, Path trainAnnotations)
      throws DatasetException {
    CocoCaptions references = CocoCaptions.read(annotations);
    List<Caption> generated = CaptionResults.read(results);
    List<Caption> training =
        trainAnnotations == null ? null : CocoCaptions.read(trainAnnotations).captions();
    return evaluate(
        String.valueOf(annotations.getFileName()),
        references,
        String.valueOf(results.getFileName()),
        generated,
        training);
  }

  /**
   * Scores generated captions against references.
   *
   * @param training the training captions for novelty, or null
   */
  public Outcome evaluate(
      String annotationsName,
      CocoCaptions references,
      String resultsName,
      List<Caption> generated,
      List<Caption> training)
      throws DatasetException {
    if (generated.isEmpty()) {
      throw new DatasetException(resultsName + " holds no results, so there is nothing to score.");
    }
    Map<String, List<String>> referencesByImage = new LinkedHashMap<>();
    for (String id : references.images().keySet()) {
      referencesByImage.put(id, new ArrayList<>());
    }
    for (Caption caption : references.captions()) {
      referencesByImage
          .computeIfAbsent(caption.imageId(), id -> new ArrayList<>())
          .add(caption.text());
    }
    Map<String, String> resultByImage = new LinkedHashMap<>();
    for (Caption result : generated) {
      List<String> refs = referencesByImage.get(result.imageId());
      if (refs == null || refs.isEmpty()) {
        throw new DatasetException(
            resultsName
                + " has a caption for image "
                + result.imageId()
                + ", which "
                + annotationsName
                + " does not caption; results must come from the annotated images.");
      }
      resultByImage.put(result.imageId(), result.text());
    }

    // coco-caption scores the images in the annotation file's order and tokenizes all references
    // in one run and all results in another; line ends can matter to the tokenizer, so do the same.
    List<String> imageIds = new ArrayList<>();
    List<String> referenceBatch = new ArrayList<>();
    List<String> resultBatch = new ArrayList<>();
    for (Map.Entry<String, List<String>> image : referencesByImage.entrySet()) {
      String result = resultByImage.get(image.getKey());
      if (result != null) {
        imageIds.add(image.getKey());
        referenceBatch.addAll(image.getValue());
        resultBatch.add(result);
      }
    }
    List<List<String>> referenceTokens = tokenizer.tokenizeAll(referenceBatch);
    List<List<String>> resultTokens = tokenizer.tokenizeAll(resultBatch);

    List<EvalItem> items = new ArrayList<>(imageIds.size());
    Set<String> words = new HashSet<>();
    List<String> hypotheses = new ArrayList<>(imageIds.size());
    int next = 0;
    for (int i = 0; i < imageIds.size(); i++) {
      int count = referencesByImage.get(imageIds.get(i)).size();
      List<String> hypothesis = resultTokens.get(i);
      words.addAll(hypothesis);
      hypotheses.add(String.join(" ", hypothesis));
      items.add(
          new EvalItem(imageIds.get(i), hypothesis, referenceTokens.subList(next, next + count)));
      next += count;
    }

    EvaluationReport report = CaptionMetrics.score(items);
    OptionalDouble novelty = OptionalDouble.empty();
    if (training != null) {
      Set<String> seen = new HashSet<>(training.size() * 2);
      for (List<String> caption :
          tokenizer.tokenizeAll(training.stream().map(Caption::text).toList())) {
        seen.add(String.join(" ", caption));
      }
      long novel = hypotheses.stream().filter(h -> !seen.contains(h)).count();
      novelty = OptionalDouble.of(novel / (double) hypotheses.size());
    }
    return new Outcome(
        report,
        words.size(),
        novelty,
        references.skipped().stream().map(Problem::message).toList());
  }
}
