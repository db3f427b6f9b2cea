package org.captionstudio.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.captionstudio.core.caption.CaptionResult;

/** Captions as files: CSV for people and spreadsheets, coco-caption results for evaluation. */
public final class CaptionExport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

  private CaptionExport() {}

  /**
   * coco-caption results for the captioned files. The image id is the number a file name ends in
   * (COCO's {@code COCO_val2014_000000391895.jpg} is 391895, as the evaluation server expects), or
   * the file name without its extension when it ends in none.
   */
  public static byte[] cocoResults(List<CaptionResult> results) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CaptionResult r : results) {
      if (r.ok()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image_id", imageId(r.file()));
        m.put("caption", r.caption());
        out.add(m);
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
  }

  public static Object imageId(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Matcher m = TRAILING_NUMBER.matcher(stem);
    if (m.find() && m.group(1).length() <= 18) {
      return Long.parseLong(m.group(1));
    }
    return stem;
  }

  /** One row per caption (rank 1 is the best); a failed file is one row with its error. */
  public static byte[] csv(List<CaptionResult> results) {
    StringBuilder s = new StringBuilder("file,rank,caption,alt_text,log_prob,warnings,error\r\n");
    for (CaptionResult r : results) {
      String warnings = String.join(" ", r.warnings());
      if (!r.ok()) {
        row(s, r.file().toString(), "", "", "", "", warnings, r.error());
      }
      for (int i = 0; i < r.nBest().size(); i++) {
        CaptionResult.Candidate c = r.nBest().get(i);
        row(
            s,
            r.file().toString(),
            String.valueOf(i + 1),
            c.text(),
            c.sentence(),
            String.format(Locale.ROOT, "%.4f", c.logProbability()),
            i == 0 ? warnings : "",
            "");
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder s, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        s.append(',');
      }
      String f = fields[i];
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        s.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        s.append(f);
      }
    }
    s.append("\r\n");
  }
}
