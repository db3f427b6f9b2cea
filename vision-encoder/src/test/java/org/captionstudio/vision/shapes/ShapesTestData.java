package org.captionstudio.vision.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.captionstudio.core.ProgressListener;

/** Generates small ShapesWorld datasets for tests and reads their JSON back. */
final class ShapesTestData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShapesTestData() {}

  /** A 128 px dataset with 10% validation and 10% test. */
  static SynthSummary generate(Path dir, int images, int videos, long seed) throws IOException {
    return ShapesWorld.generate(
        new SynthConfig(images, videos, seed, 128, 0.1, 0.1), dir, ProgressListener.NONE);
  }

  /** FFmpeg prints every opened file at INFO level; tests only want errors. */
  static void quietFfmpeg() {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  static JsonNode annotations(Path dataset, String name) throws IOException {
    return json(dataset.resolve("annotations").resolve(name));
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }

  static int[] ints(JsonNode array) {
    return list(array).stream().mapToInt(JsonNode::asInt).toArray();
  }
}
