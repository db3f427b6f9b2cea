package org.captionstudio.vision.shapes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.DatasetException;

/**
 * A ShapesWorld {@code groundtruth.json} read back: the scene of every image, the clip behind every
 * video, and every caption with its word-to-object links. This is what {@link ShapesCaptionChecker}
 * needs to judge generated captions.
 *
 * @param images image id → scene, in file order
 * @param captions image captions, in file order
 * @param clips video id → clip, in file order
 * @param sentences clip captions, in file order
 */
public record ShapesGroundTruth(
    Map<Integer, Scene> images,
    List<AnnotatedCaption> captions,
    Map<String, Clip> clips,
    List<AnnotatedCaption> sentences) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ShapesGroundTruth {
    images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    captions = List.copyOf(captions);
    clips = Collections.unmodifiableMap(new LinkedHashMap<>(clips));
    sentences = List.copyOf(sentences);
  }

  /**
   * Reads a {@code groundtruth.json}.
   *
   * @throws DatasetException one sentence naming the file and what is wrong with it
   */
  public static ShapesGroundTruth read(Path file) throws DatasetException {
    String name = String.valueOf(file.getFileName());
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (NoSuchFileException e) {
      throw new DatasetException(name + " does not exist (" + file + ").", e);
    } catch (JsonProcessingException e) {
      throw new DatasetException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DatasetException(name + " cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DatasetException(name + " is not a ShapesWorld ground truth file.");
    }
    try {
      Map<Integer, Scene> images = new LinkedHashMap<>();
      for (JsonNode image : array(root, "images")) {
        int width = integer(image, "width");
        int height = integer(image, "height");
        List<ShapeObject> objects = new ArrayList<>();
        for (JsonNode object : array(image, "objects")) {
          objects.add(object(object));
        }
        images.put(integer(image, "id"), new Scene(width, height, objects));
      }
      Map<String, Clip> clips = new LinkedHashMap<>();
      for (JsonNode video : array(root, "videos")) {
        List<ShapeObject> objects = new ArrayList<>();
        for (JsonNode object : array(video, "objects")) {
          objects.add(object(object));
        }
        clips.put(
            text(video, "video_id"),
            new Clip(
                integer(video, "width"),
                integer(video, "height"),
                integer(video, "fps"),
                integer(video, "frames"),
                objects,
                action(field(video, "action"))));
      }
      return new ShapesGroundTruth(
          images,
          captions(root, "captions", "id", "image_id"),
          clips,
          captions(root, "sentences", "sen_id", "video_id"));
    } catch (IllegalArgumentException e) {
      throw new DatasetException(
          name + " is not a usable ShapesWorld ground truth: " + e.getMessage(), e);
    }
  }

  private static List<AnnotatedCaption> captions(
      JsonNode root, String field, String idField, String itemField) {
    List<AnnotatedCaption> captions = new ArrayList<>();
    for (JsonNode caption : array(root, field)) {
      List<WordLink> links = new ArrayList<>();
      for (JsonNode link : array(caption, "links")) {
        links.add(new WordLink(integers(link, "words"), integers(link, "objects")));
      }
      captions.add(
          new AnnotatedCaption(
              integer(caption, idField),
              field(caption, itemField).asText(),
              text(caption, "caption"),
              links));
    }
    return captions;
  }

  private static ShapeObject object(JsonNode node) {
    JsonNode position = field(node, "position");
    if (!position.isArray()
        || position.size() != 2
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw new IllegalArgumentException("\"position\" must be [x, y] in " + brief(node));
    }
    return new ShapeObject(
        integer(node, "id"),
        Shape.ofId(text(node, "shape")),
        Colour.ofId(text(node, "colour")),
        SizeClass.ofId(text(node, "size")),
        position.get(0).asDouble(),
        position.get(1).asDouble(),
        number(node, "radius"),
        number(node, "rotation"));
  }

  private static ClipAction action(JsonNode node) {
    int object = integer(node, "object");
    double start = number(node, "start");
    double end = number(node, "end");
    String type = text(node, "type");
    for (ClipAction.Kind kind : ClipAction.Kind.values()) {
      if (kind.id().equals(type)) {
        return switch (kind) {
          case MOVE ->
              new ClipAction.Move(
                  object,
                  start,
                  end,
                  Direction.ofId(text(node, "direction")),
                  number(node, "distance"));
          case GROW, SHRINK ->
              new ClipAction.Resize(
                  object, start, end, number(node, "scale"), SizeClass.ofId(text(node, "to_size")));
          case ROTATE -> new ClipAction.Rotate(object, start, end, number(node, "degrees"));
          case RECOLOUR ->
              new ClipAction.Recolour(object, start, Colour.ofId(text(node, "to_colour")));
          case APPEAR -> new ClipAction.Appear(object, start);
          case DISAPPEAR -> new ClipAction.Disappear(object, start);
        };
      }
    }
    throw new IllegalArgumentException("unknown action type '" + type + "'");
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("\"" + name + "\" is missing in " + brief(node));
    }
    return value;
  }

  private static Iterable<JsonNode> array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an array in " + brief(node));
    }
    return value;
  }

  private static int integer(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an integer in " + brief(node));
    }
    return value.intValue();
  }

  private static double number(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isNumber()) {
      throw new IllegalArgumentException("\"" + name + "\" must be a number in " + brief(node));
    }
    return value.doubleValue();
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + name + "\" must be a string in " + brief(node));
    }
    return value.textValue();
  }

  private static List<Integer> integers(JsonNode node, String name) {
    List<Integer> values = new ArrayList<>();
    for (JsonNode value : array(node, name)) {
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        throw new IllegalArgumentException("\"" + name + "\" must hold integers in " + brief(node));
      }
      values.add(value.intValue());
    }
    return values;
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
