package org.captionstudio.vision.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.eval.CaptionMetrics;
import org.captionstudio.core.eval.EvalItem;
import org.captionstudio.core.eval.Metric;
import org.captionstudio.core.eval.MetricScores;
import org.captionstudio.core.text.CaptionTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two caption styles of ShapesWorld images, on datasets generated and read back from disk. */
class ShapesCaptionStyleTest {
  private static final int IMAGES = 300;
  private static final SynthConfig VARIED = new SynthConfig(IMAGES, 0, 42, 128, 0.1, 0.1);
  private static final SynthConfig CANONICAL = VARIED.withCaptions(CaptionStyle.CANONICAL);

  @TempDir static Path shared;
  private static Path variedDir;
  private static Path canonicalDir;
  private static ShapesGroundTruth varied;
  private static ShapesGroundTruth canonical;
  private final ShapesCaptionChecker checker = new ShapesCaptionChecker();

  @BeforeAll
  static void generate() throws IOException, DatasetException {
    variedDir = shared.resolve("varied");
    canonicalDir = shared.resolve("canonical");
    ShapesWorld.generate(VARIED, variedDir, ProgressListener.NONE);
    SynthSummary summary = ShapesWorld.generate(CANONICAL, canonicalDir, ProgressListener.NONE);
    assertEquals(CaptionStyle.CANONICAL, summary.captionStyle());
    assertEquals(5 * IMAGES, summary.captions());
    varied = ShapesGroundTruth.read(groundTruthFile(variedDir));
    canonical = ShapesGroundTruth.read(groundTruthFile(canonicalDir));
  }

  @Test
  void everyCanonicalCaptionIsTrueAndLinkedAsTheCheckerReadsIt() {
    assertEquals(5 * IMAGES, canonical.captions().size());
    List<String> wrong = new ArrayList<>();
    for (AnnotatedCaption caption : canonical.captions()) {
      Scene scene = canonical.images().get(Integer.parseInt(caption.itemId()));
      CheckResult result = checker.check(caption.text(), scene);
      if (!result.correct() || !result.links().equals(caption.links())) {
        wrong.add(
            caption.itemId()
                + ": "
                + caption.text()
                + " "
                + result.reasons()
                + " links "
                + caption.links()
                + ", checker "
                + result.links());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void allFiveCaptionsOfAnImageListEveryObjectLeftToRightAndDifferOnlyInFraming() {
    Map<String, List<AnnotatedCaption>> byImage = byImage(canonical);
    assertEquals(IMAGES, byImage.size());
    int severalObjects = 0;
    int sharedDescription = 0;
    for (Map.Entry<String, List<AnnotatedCaption>> image : byImage.entrySet()) {
      Scene scene = canonical.images().get(Integer.parseInt(image.getKey()));
      String expected = expectedList(scene);
      List<String> texts = image.getValue().stream().map(AnnotatedCaption::text).toList();
      assertEquals(5, new HashSet<>(texts).size(), "five different framings: " + texts);
      for (AnnotatedCaption caption : image.getValue()) {
        assertEquals(expected, withoutFraming(caption.text()), caption.text());
        List<Integer> named =
            caption.links().stream().flatMap(link -> link.objects().stream()).sorted().toList();
        List<Integer> all = scene.objects().stream().map(ShapeObject::id).sorted().toList();
        assertEquals(all, named, "every object named exactly once: " + caption.text());
      }
      severalObjects += scene.objects().size() > 1 ? 1 : 0;
      sharedDescription += expected.matches(".*\\b(two|three|four) .*") ? 1 : 0;
    }
    assertTrue(severalObjects > IMAGES / 2, "scenes with several objects: " + severalObjects);
    assertTrue(sharedDescription > 0, "no scene had two objects of the same description");
  }

  @Test
  void theSameSeedGivesTheSameDatasetAndOnlyTheCaptionsDependOnTheStyle(@TempDir Path dir)
      throws IOException {
    SynthConfig small = CANONICAL.withCounts(40, 0);
    ShapesWorld.generate(small, dir.resolve("a"), ProgressListener.NONE);
    ShapesWorld.generate(small, dir.resolve("b"), ProgressListener.NONE);
    ShapesWorld.generate(
        small.withCaptions(CaptionStyle.VARIED), dir.resolve("varied"), ProgressListener.NONE);
    List<Path> files = filesUnder(dir.resolve("a"));
    assertEquals(40 + 5, files.size());
    assertEquals(files, filesUnder(dir.resolve("b")));
    for (Path file : files) {
      assertEquals(
          -1,
          Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)),
          file + " differs between two runs with the same config");
      boolean image = file.toString().endsWith(".png");
      boolean sameAsVaried =
          Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("varied").resolve(file)) == -1;
      assertEquals(image, sameAsVaried, file + ": only the annotation files depend on the style");
    }
  }

  @Test
  void variedCaptionsAreByteForByteThoseOfDatasetsMadeBeforeThereWereStyles() throws Exception {
    // Digests of seed 42 (300 images, 128 px, 10% + 10%) as generated before caption styles.
    assertEquals(
        Map.of(
            "captions_train.json",
            "f66c9ce157d813950dcd6700deda07c862dc56be3f0f3892af757b7c89d0769d",
            "captions_val.json",
            "40ec1d5c2622b4a5a1b26690a70fa5052acac20453070a54321fc788d2283be4",
            "captions_test.json",
            "7c2a0707fd8254689b601de7c8fd3671023becc788a67f4a924400bd54c23645",
            "groundtruth.json captions and links",
            "5644bfdb34bbbf28bd74cb1e15bd3185574a824bf1cc4ac0f6389f7d07979001"),
        Map.of(
            "captions_train.json",
            sha256(Files.readAllBytes(annotation(variedDir, "captions_train.json"))),
            "captions_val.json",
            sha256(Files.readAllBytes(annotation(variedDir, "captions_val.json"))),
            "captions_test.json",
            sha256(Files.readAllBytes(annotation(variedDir, "captions_test.json"))),
            "groundtruth.json captions and links",
            sha256(captionsAndLinks(varied))));
    assertEquals(CaptionStyle.VARIED, SynthConfig.defaults().captions());
  }

  @Test
  void theAnnotationFilesSayWhichStyleTheyHold() throws IOException {
    for (String file : List.of("captions_train.json", "groundtruth.json")) {
      assertEquals(
          "canonical",
          ShapesTestData.json(annotation(canonicalDir, file)).get("info").path("captions").asText(),
          file);
      assertFalse(
          ShapesTestData.json(annotation(variedDir, file)).get("info").has("captions"),
          file + ": varied datasets keep their old bytes, so no field means varied");
    }
  }

  /**
   * Leave-one-out agreement of the references: each image's first caption scored against its other
   * four. This is about what a captioner that says exactly what the references say can reach.
   */
  @Test
  void canonicalReferencesAgreeWithEachOtherAndVariedOnesDoNot() {
    MetricScores canonicalScores = leaveOneOut(canonical, 200);
    MetricScores variedScores = leaveOneOut(varied, 200);
    System.out.printf(
        Locale.ROOT,
        "Leave-one-out reference agreement over 200 images:"
            + " canonical CIDEr-D %.3f BLEU-4 %.3f, varied CIDEr-D %.3f BLEU-4 %.3f%n",
        canonicalScores.get(Metric.CIDER_D),
        canonicalScores.get(Metric.BLEU_4),
        variedScores.get(Metric.CIDER_D),
        variedScores.get(Metric.BLEU_4));
    assertTrue(
        canonicalScores.get(Metric.CIDER_D) >= 4.0,
        "canonical CIDEr-D " + canonicalScores.get(Metric.CIDER_D));
    assertTrue(
        variedScores.get(Metric.CIDER_D) < 2.0,
        "varied CIDEr-D " + variedScores.get(Metric.CIDER_D));
  }

  @Test
  void aStyleIsChosenByItsIdAndAnUnknownOneNamesTheChoices() {
    assertEquals(CaptionStyle.CANONICAL, CaptionStyle.ofId("canonical"));
    assertEquals(CaptionStyle.VARIED, CaptionStyle.ofId("Varied"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CaptionStyle.ofId("terse"));
    assertEquals("caption style must be one of varied, canonical, got 'terse'", e.getMessage());
    assertEquals(
        CaptionStyle.VARIED, new SynthConfig(1, 0, 1, 64, 0, 0).captions(), "the old constructor");
    assertNotEquals(VARIED, CANONICAL);
  }

  /** "a small red circle and two large blue squares": written here from the scene alone. */
  private static String expectedList(Scene scene) {
    Map<String, List<ShapeObject>> groups = new LinkedHashMap<>();
    scene.objects().stream()
        .sorted(
            Comparator.<ShapeObject>comparingDouble(o -> o.bounds().getCenterX())
                .thenComparingDouble(o -> o.bounds().getCenterY()))
        .forEach(
            o ->
                groups
                    .computeIfAbsent(
                        o.size().id() + " " + o.colour().id() + " " + o.shape().id(),
                        k -> new ArrayList<>())
                    .add(o));
    List<String> phrases = new ArrayList<>();
    for (List<ShapeObject> group : groups.values()) {
      ShapeObject first = group.get(0);
      String adjectives = first.size().id() + " " + first.colour().id();
      phrases.add(
          group.size() == 1
              ? "a " + adjectives + " " + first.shape().word()
              : List.of("two", "three", "four").get(group.size() - 2)
                  + " "
                  + adjectives
                  + " "
                  + first.shape().plural());
    }
    return String.join(" and ", phrases);
  }

  /** The caption without its opening ("there are", "an image of", …) and ending ("in the …"). */
  private static String withoutFraming(String caption) {
    List<String> words = ShapesCaptionChecker.tokens(caption);
    List<List<String>> openings = new ArrayList<>(ShapesVocabulary.PICTURE_OF);
    openings.add(ShapesVocabulary.THERE_IS);
    openings.add(ShapesVocabulary.THERE_ARE);
    for (List<String> opening : openings) {
      if (words.size() > opening.size() && words.subList(0, opening.size()).equals(opening)) {
        words = words.subList(opening.size(), words.size());
        break;
      }
    }
    for (List<String> ending : ShapesVocabulary.IN_PICTURE) {
      int from = words.size() - ending.size();
      if (from > 0 && words.subList(from, words.size()).equals(ending)) {
        words = words.subList(0, from);
        break;
      }
    }
    return String.join(" ", words);
  }

  private static MetricScores leaveOneOut(ShapesGroundTruth truth, int images) {
    CaptionTokenizer tokenizer = new CaptionTokenizer();
    List<EvalItem> items = new ArrayList<>();
    for (Map.Entry<String, List<AnnotatedCaption>> image :
        byImage(truth).entrySet().stream().limit(images).toList()) {
      List<List<String>> tokens =
          tokenizer.tokenizeAll(image.getValue().stream().map(AnnotatedCaption::text).toList());
      items.add(new EvalItem(image.getKey(), tokens.get(0), tokens.subList(1, tokens.size())));
    }
    assertEquals(images, items.size());
    return CaptionMetrics.score(items).corpus();
  }

  /** Captions by image, in file order, each image's captions by id. */
  private static Map<String, List<AnnotatedCaption>> byImage(ShapesGroundTruth truth) {
    return truth.captions().stream()
        .sorted(Comparator.comparingInt(AnnotatedCaption::id))
        .collect(
            Collectors.groupingBy(
                AnnotatedCaption::itemId, LinkedHashMap::new, Collectors.toList()));
  }

  private static byte[] captionsAndLinks(ShapesGroundTruth truth) {
    StringBuilder text = new StringBuilder();
    for (AnnotatedCaption c : truth.captions()) {
      text.append(c.id())
          .append('\t')
          .append(c.itemId())
          .append('\t')
          .append(c.text())
          .append('\t')
          .append(c.links())
          .append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    StringBuilder hex = new StringBuilder();
    for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
      hex.append(String.format(Locale.ROOT, "%02x", b));
    }
    return hex.toString();
  }

  private static Path groundTruthFile(Path dataset) {
    return annotation(dataset, "groundtruth.json");
  }

  private static Path annotation(Path dataset, String name) {
    return dataset.resolve("annotations").resolve(name);
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("annotations", "images")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
