package org.captionstudio.core.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.captionstudio.core.io.AtomicFile;

/**
 * Timed captions as SRT, WebVTT or JSON, in UTF-8 with {@code \n} line ends.
 *
 * <p>Every format carries the same {@link #cues}: times rounded to the millisecond, text with blank
 * lines and surrounding spaces dropped and {@code -->} (which would end a cue's text in SRT and
 * WebVTT) shortened to {@code ->}. WebVTT text is escaped ({@code &amp; &lt; &gt;}). Captions must
 * come in order, each at least a millisecond long, none overlapping the one before; anything else
 * is refused rather than written as a file players would misread.
 */
public final class Subtitles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Subtitles() {}

  /**
   * The cues the files hold for these captions.
   *
   * @throws IllegalArgumentException when a caption is shorter than a millisecond once rounded, or
   *     starts before the one before it ends
   */
  public static List<Cue> cues(List<TimedCaption> captions) {
    List<Cue> cues = new ArrayList<>();
    long previousEnd = 0;
    for (int i = 0; i < captions.size(); i++) {
      TimedCaption caption = captions.get(i);
      long start = Timestamps.millis(caption.start());
      long end = Timestamps.millis(caption.end());
      if (end <= start) {
        throw new IllegalArgumentException(
            "caption "
                + (i + 1)
                + " ("
                + caption.range()
                + ") is shorter than a millisecond, which subtitles cannot show");
      }
      if (start < previousEnd) {
        throw new IllegalArgumentException(
            "caption "
                + (i + 1)
                + " ("
                + caption.range()
                + ") starts before caption "
                + i
                + " ends; subtitle cues must come in order without overlapping");
      }
      cues.add(new Cue(start, end, cueText(caption.text())));
      previousEnd = end;
    }
    return cues;
  }

  /**
   * A caption's text as a cue holds it: each line stripped, blank lines dropped, {@code -->}
   * shortened to {@code ->} until none is left.
   */
  public static String cueText(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      String stripped = line.strip();
      while (stripped.contains("-->")) {
        stripped = stripped.replace("-->", "->");
      }
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a cue needs some text, got '" + text + "'");
    }
    return String.join("\n", lines);
  }

  /** SubRip: cues numbered from 1, blank-line separated. No captions give an empty file. */
  public static String srt(List<TimedCaption> captions) {
    StringBuilder out = new StringBuilder();
    List<Cue> cues = cues(captions);
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      if (i > 0) {
        out.append('\n');
      }
      out.append(i + 1).append('\n');
      out.append(Timestamps.srt(cue.startMillis()))
          .append(" --> ")
          .append(Timestamps.srt(cue.endMillis()))
          .append('\n');
      out.append(cue.text()).append('\n');
    }
    return out.toString();
  }

  /** WebVTT: the header, then cues with numeric identifiers and escaped text. */
  public static String webVtt(List<TimedCaption> captions) {
    StringBuilder out = new StringBuilder("WEBVTT\n");
    List<Cue> cues = cues(captions);
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      out.append('\n').append(i + 1).append('\n');
      out.append(Timestamps.webVtt(cue.startMillis()))
          .append(" --> ")
          .append(Timestamps.webVtt(cue.endMillis()))
          .append('\n');
      out.append(escapeHtml(cue.text())).append('\n');
    }
    return out.toString();
  }

  /** A JSON array of {@code {"start": s, "end": s, "text": …}}, seconds to the millisecond. */
  public static String json(List<TimedCaption> captions) {
    ArrayNode array = JSON.createArrayNode();
    for (Cue cue : cues(captions)) {
      ObjectNode node = array.addObject();
      node.put("start", cue.startMillis() / 1000.0);
      node.put("end", cue.endMillis() / 1000.0);
      node.put("text", cue.text());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("JSON of plain numbers and strings cannot fail", e);
    }
  }

  /** The captions in {@code format}. */
  public static String format(SubtitleFormat format, List<TimedCaption> captions) {
    return switch (format) {
      case SRT -> srt(captions);
      case WEBVTT -> webVtt(captions);
      case JSON -> json(captions);
    };
  }

  /**
   * Writes the captions to {@code file} atomically: the file is replaced whole or left as it was.
   * The captions are checked before anything is written.
   */
  public static void write(Path file, SubtitleFormat format, List<TimedCaption> captions)
      throws IOException {
    byte[] bytes = format(format, captions).getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(file, out -> out.write(bytes));
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
