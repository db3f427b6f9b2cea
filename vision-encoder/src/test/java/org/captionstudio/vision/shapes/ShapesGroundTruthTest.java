package org.captionstudio.vision.shapes;

import static org.captionstudio.vision.shapes.ShapesTestData.ints;
import static org.captionstudio.vision.shapes.ShapesTestData.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.captionstudio.core.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks a generated dataset against its own groundtruth.json, read back from disk. */
class ShapesGroundTruthTest {
  private static final int IMAGES = 300;
  private static final int CLIPS = 20;
  private static final Set<String> GENERIC = Set.of("shape", "object", "shapes", "objects");

  @TempDir static Path shared;
  private static Path dataset;
  private static ShapesGroundTruth truth;
  private static JsonNode json;
  private final ShapesCaptionChecker checker = new ShapesCaptionChecker();

  @BeforeAll
  static void generate() throws IOException, DatasetException {
    ShapesTestData.quietFfmpeg();
    dataset = shared.resolve("shapes");
    ShapesTestData.generate(dataset, IMAGES, CLIPS, 11);
    Path file = dataset.resolve("annotations").resolve("groundtruth.json");
    truth = ShapesGroundTruth.read(file);
    json = ShapesTestData.json(file);
  }

  @Test
  void everyImageCaptionIsTrueOfItsImage() {
    assertEquals(IMAGES, truth.images().size());
    assertEquals(5 * IMAGES, truth.captions().size());
    List<String> wrong = new ArrayList<>();
    for (AnnotatedCaption caption : truth.captions()) {
      Scene scene = truth.images().get(Integer.parseInt(caption.itemId()));
      CheckResult result = checker.check(caption.text(), scene);
      if (!result.correct()) {
        wrong.add(caption.itemId() + ": " + caption.text() + " " + result.reasons());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyClipCaptionIsTrueOfItsClip() {
    assertEquals(CLIPS, truth.clips().size());
    assertEquals(5 * CLIPS, truth.sentences().size());
    List<String> wrong = new ArrayList<>();
    for (AnnotatedCaption caption : truth.sentences()) {
      CheckResult result = checker.check(caption.text(), truth.clips().get(caption.itemId()));
      if (!result.correct()) {
        wrong.add(caption.itemId() + ": " + caption.text() + " " + result.reasons());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theGeneratorsLinksAreTheCheckersLinks() {
    for (AnnotatedCaption caption : truth.captions()) {
      Scene scene = truth.images().get(Integer.parseInt(caption.itemId()));
      assertEquals(caption.links(), checker.check(caption.text(), scene).links(), caption.text());
    }
    for (AnnotatedCaption caption : truth.sentences()) {
      Clip clip = truth.clips().get(caption.itemId());
      assertEquals(caption.links(), checker.check(caption.text(), clip).links(), caption.text());
    }
  }

  @Test
  void linkedWordsNameTheShapeColourAndSizeOfTheirObjects() {
    Map<Integer, JsonNode> images = new HashMap<>();
    for (JsonNode image : list(json.get("images"))) {
      images.put(image.get("id").intValue(), image);
    }
    int checkedNouns = 0;
    for (JsonNode caption : list(json.get("captions"))) {
      String[] words = caption.get("caption").textValue().split(" ");
      JsonNode image = images.get(caption.get("image_id").intValue());
      for (JsonNode link : list(caption.get("links"))) {
        int[] positions = ints(link.get("words"));
        for (int objectId : ints(link.get("objects"))) {
          JsonNode object = image.get("objects").get(objectId);
          assertEquals(objectId, object.get("id").intValue());
          for (int position : positions) {
            String word = words[position];
            if (Shape.ofWord(word).isPresent()) {
              assertEquals(
                  object.get("shape").textValue(),
                  Shape.ofWord(word).get().id(),
                  caption.toString());
              checkedNouns++;
            } else if (Colour.ofWord(word).isPresent()) {
              assertEquals(
                  object.get("colour").textValue(),
                  Colour.ofWord(word).get().id(),
                  caption.toString());
            } else if (SizeClass.ofWord(word).isPresent()) {
              assertEquals(
                  object.get("size").textValue(),
                  SizeClass.ofWord(word).get().id(),
                  caption.toString());
            } else {
              assertTrue(
                  GENERIC.contains(word)
                      || ShapesVocabulary.number(word) == ints(link.get("objects")).length,
                  word + " in " + caption);
            }
          }
        }
      }
    }
    assertTrue(checkedNouns > IMAGES, "only " + checkedNouns + " shape words checked");

    for (JsonNode video : list(json.get("videos"))) {
      for (JsonNode sentence : list(json.get("sentences"))) {
        if (!sentence.get("video_id").equals(video.get("video_id"))) {
          continue;
        }
        String[] words = sentence.get("caption").textValue().split(" ");
        for (JsonNode link : list(sentence.get("links"))) {
          JsonNode object = video.get("objects").get(ints(link.get("objects"))[0]);
          int[] positions = ints(link.get("words"));
          String noun = words[positions[positions.length - 1]];
          if (Shape.ofWord(noun).isPresent()) {
            assertEquals(
                object.get("shape").textValue(),
                Shape.ofWord(noun).get().id(),
                sentence.toString());
          } else {
            assertTrue(
                GENERIC.contains(noun) || Colour.ofWord(noun).isPresent(), sentence.toString());
          }
        }
      }
    }
  }

  @Test
  void relationsInTheGroundTruthAreTheBoxCentresApartByTheMargin() {
    double margin = json.get("info").get("relation_margin").doubleValue();
    double gap = json.get("info").get("next_to_gap").doubleValue();
    assertEquals(0.15 * 128, margin, 1e-9);
    int directions = 0;
    for (JsonNode image : list(json.get("images"))) {
      List<JsonNode> objects = list(image.get("objects"));
      Set<String> listed = new java.util.HashSet<>();
      for (JsonNode relation : list(image.get("relations"))) {
        listed.add(
            relation.get("subject").intValue()
                + " "
                + relation.get("relation").textValue()
                + " "
                + relation.get("object").intValue());
      }
      for (JsonNode a : objects) {
        for (JsonNode b : objects) {
          if (a == b) {
            continue;
          }
          double[] boxA = box(a);
          double[] boxB = box(b);
          double dx = boxB[0] + boxB[2] / 2 - (boxA[0] + boxA[2] / 2);
          double dy = boxB[1] + boxB[3] / 2 - (boxA[1] + boxA[3] / 2);
          String pair = a.get("id").intValue() + " %s " + b.get("id").intValue();
          // 0.01: boxes are written rounded to hundredths
          assertHolds(listed, String.format(pair, "left_of"), dx, margin);
          assertHolds(listed, String.format(pair, "right_of"), -dx, margin);
          assertHolds(listed, String.format(pair, "above"), dy, margin);
          assertHolds(listed, String.format(pair, "below"), -dy, margin);
          double gapX =
              Math.max(
                  0, Math.max(boxA[0], boxB[0]) - Math.min(boxA[0] + boxA[2], boxB[0] + boxB[2]));
          double gapY =
              Math.max(
                  0, Math.max(boxA[1], boxB[1]) - Math.min(boxA[1] + boxA[3], boxB[1] + boxB[3]));
          assertHolds(listed, String.format(pair, "next_to"), -Math.hypot(gapX, gapY), -gap);
          if (listed.contains(String.format(pair, "left_of"))) {
            directions++;
          }
        }
      }
    }
    assertTrue(directions > IMAGES / 2, "only " + directions + " left_of relations");
  }

  private static void assertHolds(Set<String> listed, String fact, double offset, double margin) {
    if (offset >= margin + 0.01) {
      assertTrue(listed.contains(fact), fact + " holds but is not listed");
    } else if (offset < margin - 0.01) {
      assertTrue(!listed.contains(fact), fact + " is listed but does not hold");
    }
  }

  @Test
  void directionsInCaptionsAreClearlyTrueOfTheLinkedBoxes() {
    Map<Integer, JsonNode> images = new HashMap<>();
    for (JsonNode image : list(json.get("images"))) {
      images.put(image.get("id").intValue(), image);
    }
    double margin = json.get("info").get("relation_margin").doubleValue();
    int checked = 0;
    for (JsonNode caption : list(json.get("captions"))) {
      List<String> words = List.of(caption.get("caption").textValue().split(" "));
      String direction =
          words.contains("left")
              ? "left"
              : words.contains("right")
                  ? "right"
                  : words.contains("above")
                      ? "above"
                      : words.contains("below")
                              || words.contains("under")
                              || words.contains("beneath")
                          ? "below"
                          : null;
      if (direction == null) {
        continue;
      }
      List<JsonNode> links = list(caption.get("links"));
      assertEquals(2, links.size(), caption.toString());
      JsonNode image = images.get(caption.get("image_id").intValue());
      double[] subject = box(image.get("objects").get(ints(links.get(0).get("objects"))[0]));
      double[] object = box(image.get("objects").get(ints(links.get(1).get("objects"))[0]));
      double dx = object[0] + object[2] / 2 - (subject[0] + subject[2] / 2);
      double dy = object[1] + object[3] / 2 - (subject[1] + subject[3] / 2);
      double along =
          switch (direction) {
            case "left" -> dx;
            case "right" -> -dx;
            case "above" -> dy;
            default -> -dy;
          };
      double across = direction.equals("left") || direction.equals("right") ? dy : dx;
      assertTrue(along >= margin - 0.01, caption + ": only " + along + " px");
      assertTrue(along >= Math.abs(across) - 0.02, caption + ": not the main direction");
      checked++;
    }
    assertTrue(checked > IMAGES / 3, "only " + checked + " direction captions");
  }

  @Test
  void everyObjectKeepsMostOfItsMaskVisibleInsideItsBox() {
    double minVisible = json.get("info").get("min_visible_fraction").doubleValue();
    int occluded = 0;
    for (JsonNode image : list(json.get("images"))) {
      for (JsonNode object : list(image.get("objects"))) {
        int[] size = ints(object.get("mask").get("size"));
        boolean[] mask = Masks.decode(ints(object.get("mask").get("counts")), size[1], size[0]);
        assertEquals(object.get("area").intValue(), Masks.count(mask));
        double visible = object.get("area").doubleValue() / object.get("shape_area").doubleValue();
        assertTrue(visible >= minVisible, image.get("id") + ": only " + visible + " visible");
        if (visible < 0.95) {
          occluded++;
        }
        double[] box = box(object);
        for (int p = 0; p < mask.length; p++) {
          if (mask[p]) {
            int x = p % size[1];
            int y = p / size[1];
            assertTrue(
                x + 0.5 >= box[0]
                    && x + 0.5 <= box[0] + box[2]
                    && y + 0.5 >= box[1]
                    && y + 0.5 <= box[1] + box[3],
                "mask pixel outside the box in image " + image.get("id"));
          }
        }
      }
    }
    assertTrue(occluded > 10, "only " + occluded + " objects partly hidden: occlusion is too rare");
  }

  @Test
  void everyObjectShowsItsColourWhereItsMaskSays() throws IOException {
    for (JsonNode image : list(json.get("images"))) {
      BufferedImage png =
          ImageIO.read(
              dataset.resolve("images").resolve(image.get("file_name").textValue()).toFile());
      for (JsonNode object : list(image.get("objects"))) {
        boolean[] mask = Masks.decode(ints(object.get("mask").get("counts")), 128, 128);
        double[] mean = meanInside(png, mask, true);
        assertEquals(
            object.get("colour").textValue(),
            Colour.nearest(mean[0], mean[1], mean[2]).id(),
            "image " + image.get("id") + " object " + object.get("id"));
      }
    }
  }

  @Test
  void everyClipShowsItsObjectsAsTheGroundTruthSaysAtTheStartAndTheEnd() throws IOException {
    int checkedAbsent = 0;
    for (Map.Entry<String, Clip> entry : truth.clips().entrySet()) {
      Clip clip = entry.getValue();
      Path file = dataset.resolve("videos").resolve(entry.getKey() + ".mp4");
      List<BufferedImage> frames = new ArrayList<>();
      try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
          Java2DFrameConverter converter = new Java2DFrameConverter()) {
        grabber.start();
        Frame frame;
        while ((frame = grabber.grabImage()) != null) {
          BufferedImage copy = new BufferedImage(128, 128, BufferedImage.TYPE_3BYTE_BGR);
          copy.getGraphics().drawImage(converter.convert(frame), 0, 0, null);
          frames.add(copy);
        }
        grabber.stop();
      }
      assertEquals(clip.frames(), frames.size(), entry.getKey());
      for (int index : new int[] {0, clip.frames() - 1}) {
        Scene scene = clip.frame(index);
        for (ShapeObject object : clip.objects()) {
          var shown = scene.object(object.id());
          ShapeObject where = shown.orElse(clip.last().object(object.id()).orElse(object));
          boolean[] core = Masks.full(where.resized(where.radius() * 0.6, where.size()), 128, 128);
          double[] mean = meanInside(frames.get(index), core, false);
          String at = entry.getKey() + " frame " + index + " object " + object.id();
          if (shown.isPresent()) {
            assertEquals(shown.get().colour(), Colour.nearest(mean[0], mean[1], mean[2]), at);
          } else {
            Colour colour = where.colour();
            double distance =
                Math.sqrt(
                    Math.pow(mean[0] - colour.red(), 2)
                        + Math.pow(mean[1] - colour.green(), 2)
                        + Math.pow(mean[2] - colour.blue(), 2));
            assertTrue(distance > 60, at + " should be absent");
            checkedAbsent++;
          }
        }
      }
    }
    assertTrue(checkedAbsent > 0, "no appearing or disappearing object was checked");
  }

  /**
   * Mean RGB over the mask's pixels; with {@code interior}, only those whose 4 neighbours are in.
   */
  private static double[] meanInside(BufferedImage image, boolean[] mask, boolean interior) {
    int width = image.getWidth();
    double[] sum = new double[3];
    int n = 0;
    for (int p = 0; p < mask.length; p++) {
      int x = p % width;
      int y = p / width;
      if (!mask[p]
          || interior
              && (x == 0
                  || y == 0
                  || x == width - 1
                  || y == mask.length / width - 1
                  || !mask[p - 1]
                  || !mask[p + 1]
                  || !mask[p - width]
                  || !mask[p + width])) {
        continue;
      }
      int rgb = image.getRGB(x, y);
      sum[0] += (rgb >> 16) & 0xFF;
      sum[1] += (rgb >> 8) & 0xFF;
      sum[2] += rgb & 0xFF;
      n++;
    }
    assertTrue(n >= 10, "only " + n + " pixels to average");
    return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
  }

  private static double[] box(JsonNode object) {
    JsonNode box = object.get("bbox");
    return new double[] {
      box.get(0).doubleValue(),
      box.get(1).doubleValue(),
      box.get(2).doubleValue(),
      box.get(3).doubleValue()
    };
  }
}
