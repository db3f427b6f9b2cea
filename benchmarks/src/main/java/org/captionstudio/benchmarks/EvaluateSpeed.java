package org.captionstudio.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.captionstudio.core.data.Caption;
import org.captionstudio.core.data.CocoCaptions;
import org.captionstudio.core.eval.CocoEvaluation;
import org.captionstudio.core.text.CaptionTokenizer;

/**
 * {@code evaluate-speed}: coco-caption scoring of 5,000 images with 5 references each, the size of
 * the COCO Karpathy test split, tokenization included. There is no in-process reference
 * implementation (coco-caption is Python); the target is under 5 s.
 */
public final class EvaluateSpeed implements Benchmark {
  static final int IMAGES = 5_000;
  static final int REFERENCES = 5;

  private static final String[] SUBJECTS = {
    "man", "woman", "dog", "cat", "child", "group of people", "bus", "train", "plate of food",
    "giraffe", "zebra", "surfer", "skateboarder", "pizza", "laptop", "bird", "horse", "elephant",
    "motorcycle", "kitchen", "teddy bear", "clock tower", "baseball player", "red car", "boat"
  };
  private static final String[] ADJECTIVES = {
    "young",
    "old",
    "large",
    "small",
    "white",
    "black",
    "brown",
    "red",
    "blue",
    "green",
    "yellow",
    "wooden",
    "tall",
    "little",
    "busy",
    "empty",
    "colorful",
    "furry"
  };
  private static final String[] VERBS = {
    "is sitting",
    "is standing",
    "is riding",
    "sits",
    "stands",
    "is walking",
    "is eating",
    "is holding",
    "looks",
    "is parked",
    "is laying",
    "is playing",
    "is flying",
    "rides",
    "runs"
  };
  private static final String[] PLACES = {
    "on a table", "in the water", "on the street", "next to a building", "in a field",
    "on a beach", "in front of a house", "under a tree", "on the grass", "at the park",
    "near the ocean", "in a kitchen", "on top of a hill", "by the road", "in the snow"
  };
  private static final String[] EXTRAS = {
    "",
    "",
    "",
    " with a frisbee",
    " while it's raining",
    " (in black and white)",
    "'s shadow",
    ", looking at the camera",
    " at 10:30 p.m.",
    " in the U.S.",
    " that costs $3.50",
    "..."
  };

  @Override
  public String name() {
    return "evaluate-speed";
  }

  @Override
  public String description() {
    return "coco-caption scoring (tokenize + BLEU-1..4, ROUGE-L, CIDEr-D) of "
        + IMAGES
        + " images x "
        + REFERENCES
        + " references";
  }

  @Override
  public Prepared prepare() {
    Random random = new Random(2015);
    Map<String, String> images = new LinkedHashMap<>();
    List<Caption> references = new ArrayList<>(IMAGES * REFERENCES);
    List<Caption> results = new ArrayList<>(IMAGES);
    for (int image = 0; image < IMAGES; image++) {
      String id = Integer.toString(100_000 + image);
      images.put(id, "COCO_val2014_" + id + ".jpg");
      String subject = pick(random, SUBJECTS);
      for (int r = 0; r < REFERENCES; r++) {
        references.add(new Caption(id, sentence(random, subject)));
      }
      results.add(
          new Caption(
              id, sentence(random, random.nextInt(4) == 0 ? pick(random, SUBJECTS) : subject)));
    }
    CocoCaptions annotations = new CocoCaptions(images, references, List.of());
    CocoEvaluation evaluation = new CocoEvaluation(new CaptionTokenizer());
    return Prepared.of(
        new Contestants(
            () -> evaluation.evaluate("captions.json", annotations, "results.json", results, null),
            Optional.empty()));
  }

  private static String sentence(Random random, String subject) {
    String text =
        (random.nextBoolean() ? "A " : "The ")
            + pick(random, ADJECTIVES)
            + " "
            + subject
            + " "
            + pick(random, VERBS)
            + " "
            + pick(random, PLACES)
            + pick(random, EXTRAS);
    return random.nextInt(3) == 0 ? text + "." : text;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
