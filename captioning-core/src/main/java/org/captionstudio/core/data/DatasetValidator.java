package org.captionstudio.core.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a dataset before anything is trained on it: media files that are missing, unreadable or
 * outside the media folder, plus what the reader skipped, split counts and caption statistics. Only
 * "nothing usable" is fatal; everything else is skipped and reported.
 */
public final class DatasetValidator {
  private final Function<String, List<String>> tokenizer;

  /**
   * @param tokenizer tokenizes a caption for the length and vocabulary statistics (the coco-caption
   *     tokenizer, so the numbers match what evaluation sees)
   */
  public DatasetValidator(Function<String, List<String>> tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  /** The outcome: the report and the items that passed. */
  public record Result(ValidationReport report, Dataset usable) {}

  /**
   * Validates {@code dataset}; with a {@code mediaRoot}, every item's file must lie inside it and
   * be readable.
   */
  public Result validate(Dataset dataset, Path mediaRoot) {
    List<Problem> problems = new ArrayList<>(dataset.problems());
    List<DatasetItem> usable = new ArrayList<>(dataset.items().size());
    Path root = mediaRoot == null ? null : mediaRoot.toAbsolutePath().normalize();
    for (DatasetItem item : dataset.items()) {
      Problem problem = mediaProblem(dataset.source(), item, root);
      if (problem == null) {
        usable.add(item);
      } else {
        problems.add(problem);
      }
    }

    Map<Problem.Kind, Integer> counts = new EnumMap<>(Problem.Kind.class);
    for (Problem problem : problems) {
      counts.merge(problem.kind(), 1, Integer::sum);
    }
    Dataset kept =
        new Dataset(dataset.format(), dataset.source(), usable, problems, dataset.splitFromFile());

    List<Integer> lengths = new ArrayList<>();
    Map<String, Integer> wordCounts = new HashMap<>();
    for (DatasetItem item : usable) {
      for (String caption : item.captions()) {
        List<String> tokens = tokenizer.apply(caption);
        lengths.add(tokens.size());
        for (String token : tokens) {
          wordCounts.merge(token, 1, Integer::sum);
        }
      }
    }
    ValidationReport report =
        new ValidationReport(
            dataset.format(),
            dataset.source(),
            root != null,
            usable.size(),
            kept.captionCount(),
            kept.splitCounts(),
            dataset.splitFromFile(),
            counts,
            problems,
            lengthStats(lengths),
            vocabularyStats(wordCounts));
    return new Result(report, kept);
  }

  private static Problem mediaProblem(String source, DatasetItem item, Path root) {
    String where = source + ": " + item.id() + " (" + item.mediaPath() + ")";
    Path relative;
    try {
      relative = Path.of(item.mediaPath());
    } catch (InvalidPathException e) {
      return new Problem(Problem.Kind.PATH_ESCAPES, where + " is not a valid file path.");
    }
    Path normalized = relative.normalize();
    if (relative.isAbsolute() || normalized.startsWith("..") || item.mediaPath().startsWith("/")) {
      return new Problem(Problem.Kind.PATH_ESCAPES, where + " points outside the media folder.");
    }
    if (root == null) {
      return null;
    }
    Path file = root.resolve(normalized);
    if (!file.startsWith(root)) {
      return new Problem(Problem.Kind.PATH_ESCAPES, where + " points outside the media folder.");
    }
    if (!Files.exists(file)) {
      return new Problem(Problem.Kind.MISSING_MEDIA, where + " is missing.");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return new Problem(Problem.Kind.UNREADABLE_MEDIA, where + " cannot be read.");
    }
    try {
      if (Files.size(file) == 0) {
        return new Problem(Problem.Kind.UNREADABLE_MEDIA, where + " is an empty file.");
      }
    } catch (java.io.IOException e) {
      return new Problem(Problem.Kind.UNREADABLE_MEDIA, where + " cannot be read.");
    }
    return null;
  }

  private static ValidationReport.LengthStats lengthStats(List<Integer> lengths) {
    if (lengths.isEmpty()) {
      return new ValidationReport.LengthStats(0, 0, 0, 0, 0);
    }
    int[] sorted = lengths.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new ValidationReport.LengthStats(
        sorted[0],
        mean,
        sorted[sorted.length / 2],
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)],
        sorted[sorted.length - 1]);
  }

  private static ValidationReport.VocabularyStats vocabularyStats(Map<String, Integer> wordCounts) {
    long tokens = 0;
    long covered = 0;
    int frequent = 0;
    for (int count : wordCounts.values()) {
      tokens += count;
      if (count >= 5) {
        frequent++;
        covered += count;
      }
    }
    return new ValidationReport.VocabularyStats(
        tokens, wordCounts.size(), frequent, tokens == 0 ? 0 : covered / (double) tokens);
  }
}
