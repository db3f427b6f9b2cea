package org.captionstudio.core.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers of the subtitle files the app writes, for tests (the app's too): anything a player
 * could misread is an error naming the line.
 *
 * <ul>
 *   <li><b>SRT:</b> blocks separated by exactly one blank line; each a cue number counting from 1,
 *       a timing line {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} and one or more non-blank text lines,
 *       none holding {@code -->}; the file ends with one line end.
 *   <li><b>WebVTT:</b> {@code WEBVTT} alone on the first line, then blocks each after one blank
 *       line: an optional identifier, a timing line {@code [HH:]MM:SS.mmm --> [HH:]MM:SS.mmm}
 *       without settings, and non-blank text lines without {@code -->}, {@code <}, or an {@code &}
 *       other than {@code &amp; &lt; &gt;}.
 *   <li>Both: minutes and seconds below 60, cues in order, each longer than zero, none starting
 *       before the one before ends; no carriage returns, no byte-order mark.
 * </ul>
 */
public final class SubtitleParser {
  private static final Pattern SRT_TIMING =
      Pattern.compile(
          "(\\d{2,}):([0-5]\\d):([0-5]\\d),(\\d{3}) --> (\\d{2,}):([0-5]\\d):([0-5]\\d),(\\d{3})");
  private static final String VTT_TIME = "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
  private static final Pattern VTT_TIMING = Pattern.compile(VTT_TIME + " --> " + VTT_TIME);
  private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
  private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">");

  private SubtitleParser() {}

  /** The cues of an SRT file. */
  public static List<Cue> parseSrt(String file) {
    checkCharacters(file);
    List<Cue> cues = new ArrayList<>();
    if (file.isEmpty()) {
      return cues;
    }
    if (!file.endsWith("\n") || file.endsWith("\n\n")) {
      throw new IllegalArgumentException("an SRT file must end with exactly one line end");
    }
    String[] lines = file.substring(0, file.length() - 1).split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      int number = i + 1;
      if (!lines[i].equals(String.valueOf(cues.size() + 1))) {
        throw error(number, "expected cue number " + (cues.size() + 1), lines[i]);
      }
      i++;
      Matcher timing = i < lines.length ? SRT_TIMING.matcher(lines[i]) : null;
      if (timing == null || !timing.matches()) {
        throw error(
            i + 1, "expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'", i < lines.length ? lines[i] : "");
      }
      long start = millis(timing.group(1), timing.group(2), timing.group(3), timing.group(4));
      long end = millis(timing.group(5), timing.group(6), timing.group(7), timing.group(8));
      i++;
      List<String> text = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        text.add(textLine(i + 1, lines[i]));
        i++;
      }
      if (text.isEmpty()) {
        throw error(i + 1, "a cue needs at least one line of text", "");
      }
      add(cues, start, end, String.join("\n", text), number);
      if (i < lines.length) {
        i++; // the blank line between cues
        if (i >= lines.length || lines[i].isEmpty()) {
          throw error(i + 1, "cues are separated by exactly one blank line", "");
        }
      }
    }
    return cues;
  }

  /** The cues of a WebVTT file. */
  public static List<Cue> parseWebVtt(String file) {
    checkCharacters(file);
    if (!file.endsWith("\n")) {
      throw new IllegalArgumentException("a WebVTT file must end with a line end");
    }
    String[] lines = file.substring(0, file.length() - 1).split("\n", -1);
    if (!lines[0].equals("WEBVTT") && !lines[0].matches("WEBVTT[ \t][^\n]*")) {
      throw error(1, "a WebVTT file starts with 'WEBVTT'", lines[0]);
    }
    List<Cue> cues = new ArrayList<>();
    int i = 1;
    while (i < lines.length) {
      if (!lines[i].isEmpty()) {
        throw error(i + 1, "expected a blank line before the cue", lines[i]);
      }
      i++;
      if (i >= lines.length || lines[i].isEmpty()) {
        throw error(i + 1, "expected a cue after the blank line", "");
      }
      int number = i + 1;
      if (!lines[i].contains("-->")) {
        i++; // the cue identifier
      }
      Matcher timing = i < lines.length ? VTT_TIMING.matcher(lines[i]) : null;
      if (timing == null || !timing.matches()) {
        throw error(
            i + 1,
            "expected '[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm'",
            i < lines.length ? lines[i] : "");
      }
      long start = millis(timing.group(1), timing.group(2), timing.group(3), timing.group(4));
      long end = millis(timing.group(5), timing.group(6), timing.group(7), timing.group(8));
      i++;
      List<String> text = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        text.add(unescape(i + 1, textLine(i + 1, lines[i])));
        i++;
      }
      if (text.isEmpty()) {
        throw error(i + 1, "a cue needs at least one line of text", "");
      }
      add(cues, start, end, String.join("\n", text), number);
    }
    return cues;
  }

  /** The cues of the JSON export: an array of {@code {start, end, text}}, nothing else. */
  public static List<Cue> parseJson(String file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("the JSON export is an array of cues");
    }
    List<Cue> cues = new ArrayList<>();
    for (JsonNode node : root) {
      Iterator<String> names = node.fieldNames();
      List<String> fields = new ArrayList<>();
      names.forEachRemaining(fields::add);
      if (!fields.equals(List.of("start", "end", "text"))
          || !node.get("start").isNumber()
          || !node.get("end").isNumber()
          || !node.get("text").isTextual()) {
        throw new IllegalArgumentException(
            "cue " + (cues.size() + 1) + " is not {start, end, text}");
      }
      long start = Math.round(node.get("start").doubleValue() * 1000);
      long end = Math.round(node.get("end").doubleValue() * 1000);
      add(cues, start, end, node.get("text").textValue(), cues.size() + 1);
    }
    return cues;
  }

  private static void add(List<Cue> cues, long start, long end, String text, int line) {
    if (end <= start) {
      throw error(line, "the cue ends before it starts or has no length", start + " --> " + end);
    }
    if (!cues.isEmpty() && start < cues.get(cues.size() - 1).endMillis()) {
      throw error(line, "the cue starts before the previous one ends", String.valueOf(start));
    }
    cues.add(new Cue(start, end, text));
  }

  private static String textLine(int line, String text) {
    if (text.contains("-->")) {
      throw error(line, "cue text must not hold '-->'", text);
    }
    if (text.isBlank()) {
      throw error(line, "cue text lines must not be blank", text);
    }
    return text;
  }

  private static String unescape(int line, String text) {
    if (text.contains("<")) {
      throw error(line, "a raw '<' starts a tag in WebVTT", text);
    }
    StringBuilder out = new StringBuilder();
    Matcher entity = ENTITY.matcher(text);
    int from = 0;
    while (entity.find()) {
      String before = text.substring(from, entity.start());
      if (before.contains("&")) {
        throw error(line, "a raw '&' must be written '&amp;'", text);
      }
      out.append(before).append(ENTITIES.get(entity.group(1)));
      from = entity.end();
    }
    String rest = text.substring(from);
    if (rest.contains("&")) {
      throw error(line, "a raw '&' must be written '&amp;'", text);
    }
    return out.append(rest).toString();
  }

  private static long millis(String h, String m, String s, String ms) {
    long hours = h == null ? 0 : Long.parseLong(h);
    return ((hours * 60 + Long.parseLong(m)) * 60 + Long.parseLong(s)) * 1000 + Long.parseLong(ms);
  }

  private static void checkCharacters(String file) {
    if (file.startsWith("\uFEFF")) {
      throw new IllegalArgumentException("the file starts with a byte-order mark");
    }
    if (file.contains("\r")) {
      throw new IllegalArgumentException("the file holds carriage returns");
    }
  }

  private static IllegalArgumentException error(int line, String rule, String got) {
    return new IllegalArgumentException("line " + line + ": " + rule + ", got '" + got + "'");
  }
}
