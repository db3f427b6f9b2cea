package org.captionstudio.vision.shapes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the annotation files: COCO captions per split, MSR-VTT videos, and ShapesWorld's ground
 * truth. Field order and number formatting are fixed, so the same dataset gives the same bytes.
 */
final class AnnotationWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String CONTRIBUTOR = "Caption Studio ShapesWorld generator";
  static final int FORMAT_VERSION = 1;

  private AnnotationWriter() {}

  /** One object's mask, as written. */
  record MaskRecord(int shapeArea, int visibleArea, int[] rle) {}

  /** One generated image. */
  record ImageItem(
      int id,
      SplitCounts.Split split,
      String fileName,
      Backdrops.Kind background,
      Scene scene,
      List<MaskRecord> masks,
      List<LinkedCaption> captions) {

    /** The COCO annotation id of caption {@code k}: unique over all splits. */
    int captionId(int k) {
      return (id - 1) * ImageCaptioner.CAPTIONS + k + 1;
    }
  }

  /** One generated clip. */
  record ClipItem(
      int index,
      SplitCounts.Split split,
      Backdrops.Kind background,
      Clip clip,
      List<LinkedCaption> captions) {
    String videoId() {
      return "video" + index;
    }

    String fileName() {
      return videoId() + ".mp4";
    }

    /** The MSR-VTT sentence id of caption {@code k}. */
    int sentenceId(int k) {
      return index * ImageCaptioner.CAPTIONS + k;
    }
  }

  /** {@code captions_<split>.json}: COCO captions format. */
  static void coco(Path file, SplitCounts.Split split, List<ImageItem> items, SynthConfig config)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.writeStartObject();
      writeInfo(json, "ShapesWorld captions, " + split.coco() + " split", config);
      json.writeArrayFieldStart("licenses");
      json.writeEndArray();
      json.writeArrayFieldStart("images");
      for (ImageItem item : items) {
        json.writeStartObject();
        json.writeNumberField("id", item.id());
        json.writeStringField("file_name", item.fileName());
        json.writeNumberField("width", item.scene().width());
        json.writeNumberField("height", item.scene().height());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("annotations");
      for (ImageItem item : items) {
        for (int k = 0; k < item.captions().size(); k++) {
          json.writeStartObject();
          json.writeNumberField("id", item.captionId(k));
          json.writeNumberField("image_id", item.id());
          json.writeStringField("caption", item.captions().get(k).text());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** {@code videos.json}: MSR-VTT format. */
  static void msrVtt(Path file, List<ClipItem> clips, SynthConfig config) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.writeStartObject();
      writeInfo(json, "ShapesWorld video clips", config);
      json.writeArrayFieldStart("videos");
      for (ClipItem item : clips) {
        json.writeStartObject();
        // One category for all: MSR-VTT models may embed it, and the action must not leak.
        json.writeNumberField("category", 0);
        json.writeStringField("url", "");
        json.writeStringField("video_id", item.videoId());
        json.writeNumberField("start time", 0.0);
        json.writeNumberField("end time", item.clip().duration());
        json.writeStringField("split", item.split().msrVtt());
        json.writeNumberField("id", item.index());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("sentences");
      for (ClipItem item : clips) {
        for (int k = 0; k < item.captions().size(); k++) {
          json.writeStartObject();
          json.writeStringField("caption", item.captions().get(k).text());
          json.writeStringField("video_id", item.videoId());
          json.writeNumberField("sen_id", item.sentenceId(k));
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** {@code groundtruth.json}: see the package documentation for its schema. */
  static void groundTruth(
      Path file, List<ImageItem> images, List<ClipItem> clips, SynthConfig config)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeObjectFieldStart("info");
      json.writeStringField("description", "ShapesWorld ground truth");
      json.writeNumberField("version", FORMAT_VERSION);
      json.writeNumberField("seed", config.seed());
      json.writeNumberField("size", config.size());
      writeCaptionStyle(json, config);
      json.writeNumberField("relation_margin", Relation.MARGIN * config.size());
      json.writeNumberField("next_to_gap", Relation.NEAR_GAP * config.size());
      json.writeNumberField("min_visible_fraction", ShapesWorld.MIN_VISIBLE_FRACTION);
      json.writeStringField(
          "bbox", "[x, y, width, height] in pixels of the whole outline, occluded parts included");
      json.writeStringField(
          "mask",
          "visible pixels (pixel centre inside the outline, not covered by a later object) as"
              + " COCO uncompressed RLE: counts alternate unset/set runs, starting with unset,"
              + " over pixels in column-major order");
      json.writeStringField(
          "words",
          "positions in the caption lower-cased, with . , ! ? ; : as spaces, split on"
              + " whitespace; for ShapesWorld captions the i-th space-separated word");
      json.writeEndObject();

      json.writeArrayFieldStart("images");
      for (ImageItem item : images) {
        json.writeStartObject();
        json.writeNumberField("id", item.id());
        json.writeStringField("file_name", item.fileName());
        json.writeStringField("split", item.split().coco());
        json.writeNumberField("width", item.scene().width());
        json.writeNumberField("height", item.scene().height());
        json.writeStringField("background", item.background().id());
        json.writeArrayFieldStart("objects");
        for (int i = 0; i < item.scene().objects().size(); i++) {
          ShapeObject object = item.scene().objects().get(i);
          json.writeStartObject();
          writeObjectFields(json, object);
          MaskRecord mask = item.masks().get(i);
          json.writeNumberField("shape_area", mask.shapeArea());
          json.writeNumberField("area", mask.visibleArea());
          json.writeObjectFieldStart("mask");
          json.writeFieldName("size");
          json.writeArray(new int[] {item.scene().height(), item.scene().width()}, 0, 2);
          json.writeFieldName("counts");
          json.writeArray(mask.rle(), 0, mask.rle().length);
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        writeRelations(json, item.scene());
        json.writeEndObject();
      }
      json.writeEndArray();

      json.writeArrayFieldStart("captions");
      for (ImageItem item : images) {
        for (int k = 0; k < item.captions().size(); k++) {
          json.writeStartObject();
          json.writeNumberField("id", item.captionId(k));
          json.writeNumberField("image_id", item.id());
          writeCaption(json, item.captions().get(k));
          json.writeEndObject();
        }
      }
      json.writeEndArray();

      json.writeArrayFieldStart("videos");
      for (ClipItem item : clips) {
        Clip clip = item.clip();
        json.writeStartObject();
        json.writeStringField("video_id", item.videoId());
        json.writeStringField("file_name", item.fileName());
        json.writeStringField("split", item.split().msrVtt());
        json.writeNumberField("width", clip.width());
        json.writeNumberField("height", clip.height());
        json.writeNumberField("fps", clip.fps());
        json.writeNumberField("frames", clip.frames());
        json.writeStringField("background", item.background().id());
        json.writeArrayFieldStart("objects");
        for (ShapeObject object : clip.objects()) {
          json.writeStartObject();
          writeObjectFields(json, object);
          json.writeEndObject();
        }
        json.writeEndArray();
        writeAction(json, clip.action());
        json.writeEndObject();
      }
      json.writeEndArray();

      json.writeArrayFieldStart("sentences");
      for (ClipItem item : clips) {
        for (int k = 0; k < item.captions().size(); k++) {
          json.writeStartObject();
          json.writeNumberField("sen_id", item.sentenceId(k));
          json.writeStringField("video_id", item.videoId());
          writeCaption(json, item.captions().get(k));
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** The "info" object of the COCO and MSR-VTT files. */
  private static void writeInfo(JsonGenerator json, String description, SynthConfig config)
      throws IOException {
    json.writeObjectFieldStart("info");
    json.writeStringField("description", description);
    json.writeStringField("version", Integer.toString(FORMAT_VERSION));
    json.writeStringField("contributor", CONTRIBUTOR);
    json.writeNumberField("seed", config.seed());
    writeCaptionStyle(json, config);
    json.writeEndObject();
  }

  /**
   * {@code "captions": "canonical"} for canonical captions. Varied captions write nothing, so that
   * a varied dataset keeps the bytes it had before there were caption styles: no field means
   * varied.
   */
  private static void writeCaptionStyle(JsonGenerator json, SynthConfig config) throws IOException {
    if (config.captions() != CaptionStyle.VARIED) {
      json.writeStringField("captions", config.captions().id());
    }
  }

  private static void writeObjectFields(JsonGenerator json, ShapeObject object) throws IOException {
    json.writeNumberField("id", object.id());
    json.writeStringField("shape", object.shape().id());
    json.writeStringField("colour", object.colour().id());
    json.writeStringField("size", object.size().id());
    json.writeFieldName("position");
    json.writeArray(new double[] {object.x(), object.y()}, 0, 2);
    json.writeNumberField("radius", object.radius());
    json.writeNumberField("rotation", object.rotation());
    Rectangle2D box = object.bounds();
    json.writeFieldName("bbox");
    json.writeArray(
        new double[] {
          SceneSampler.round(box.getX()),
          SceneSampler.round(box.getY()),
          SceneSampler.round(box.getWidth()),
          SceneSampler.round(box.getHeight())
        },
        0,
        4);
  }

  private static void writeRelations(JsonGenerator json, Scene scene) throws IOException {
    json.writeArrayFieldStart("relations");
    for (ShapeObject a : scene.objects()) {
      for (ShapeObject b : scene.objects()) {
        if (a == b) {
          continue;
        }
        for (Relation relation : Relation.values()) {
          if (scene.holds(relation, a, b)) {
            json.writeStartObject();
            json.writeNumberField("subject", a.id());
            json.writeStringField("relation", relation.id());
            json.writeNumberField("object", b.id());
            json.writeEndObject();
          }
        }
      }
    }
    json.writeEndArray();
  }

  private static void writeAction(JsonGenerator json, ClipAction action) throws IOException {
    json.writeObjectFieldStart("action");
    json.writeStringField("type", action.kind().id());
    json.writeNumberField("object", action.objectId());
    json.writeNumberField("start", action.start());
    json.writeNumberField("end", action.end());
    if (action instanceof ClipAction.Move move) {
      json.writeStringField("direction", move.direction().id());
      json.writeNumberField("distance", move.distance());
    } else if (action instanceof ClipAction.Resize resize) {
      json.writeNumberField("scale", resize.scale());
      json.writeStringField("to_size", resize.toSize().id());
    } else if (action instanceof ClipAction.Rotate rotate) {
      json.writeNumberField("degrees", rotate.degrees());
    } else if (action instanceof ClipAction.Recolour recolour) {
      json.writeStringField("to_colour", recolour.to().id());
    }
    json.writeEndObject();
  }

  private static void writeCaption(JsonGenerator json, LinkedCaption caption) throws IOException {
    json.writeStringField("caption", caption.text());
    json.writeArrayFieldStart("links");
    for (WordLink link : caption.links()) {
      json.writeStartObject();
      json.writeFieldName("words");
      json.writeArray(
          link.words().stream().mapToInt(Integer::intValue).toArray(), 0, link.words().size());
      json.writeFieldName("objects");
      json.writeArray(
          link.objects().stream().mapToInt(Integer::intValue).toArray(), 0, link.objects().size());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
