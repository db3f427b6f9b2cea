package org.captionstudio.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubtitlesTest {

  static Stream<List<TimedCaption>> captionLists() {
    return Stream.of(
        List.of(),
        List.of(new TimedCaption(0, 2.5, "a red circle moves to the left")),
        List.of(
            new TimedCaption(0, 4, "a square grows"),
            new TimedCaption(4, 7.25, "a square shrinks"),
            new TimedCaption(9, 10, "a triangle appears")),
        // past an hour, and past 99 hours
        List.of(
            new TimedCaption(3599.5, 3725.5, "the hour turns"),
            new TimedCaption(360_000, 360_001.001, "a hundred hours in")),
        // text that would end or fake a cue if written as it is
        List.of(
            new TimedCaption(1, 2, "an arrow --> points right"),
            new TimedCaption(2, 3, "a longer arrow ---> and -->>"),
            new TimedCaption(3, 4, "1\n00:00:01,000 --> 00:00:02,000\nnot a cue"),
            new TimedCaption(4, 5, "two lines\n\n\n   with a blank between  \r\n"),
            new TimedCaption(5, 6, "<b>bold</b> & &amp; \"quoted\""),
            new TimedCaption(6, 7, "WEBVTT"),
            new TimedCaption(7, 8, "NOTE this is text, not a comment"),
            new TimedCaption(8, 9, "ünïcödé 字幕 ✓")));
  }

  @ParameterizedTest
  @MethodSource("captionLists")
  void srtParsesBackToTheSameCues(List<TimedCaption> captions) {
    assertEquals(Subtitles.cues(captions), SubtitleParser.parseSrt(Subtitles.srt(captions)));
  }

  @ParameterizedTest
  @MethodSource("captionLists")
  void webVttParsesBackToTheSameCues(List<TimedCaption> captions) {
    assertEquals(Subtitles.cues(captions), SubtitleParser.parseWebVtt(Subtitles.webVtt(captions)));
  }

  @ParameterizedTest
  @MethodSource("captionLists")
  void jsonParsesBackToTheSameCues(List<TimedCaption> captions) {
    assertEquals(Subtitles.cues(captions), SubtitleParser.parseJson(Subtitles.json(captions)));
  }

  @Test
  void srtLooksAsPlayersExpect() {
    String srt =
        Subtitles.srt(
            List.of(
                new TimedCaption(0, 2.5, "a circle moves"),
                new TimedCaption(3725.5, 3727, "a square grows")));

    assertEquals(
        "1\n00:00:00,000 --> 00:00:02,500\na circle moves\n\n"
            + "2\n01:02:05,500 --> 01:02:07,000\na square grows\n",
        srt);
  }

  @Test
  void webVttLooksAsPlayersExpect() {
    String vtt = Subtitles.webVtt(List.of(new TimedCaption(61.25, 62, "a <red> & blue circle")));

    assertEquals(
        "WEBVTT\n\n1\n00:01:01.250 --> 00:01:02.000\na &lt;red&gt; &amp; blue circle\n", vtt);
  }

  @Test
  void cueTextHoldsNoArrowAndNoBlankLine() {
    assertEquals("a -> b", Subtitles.cueText("a --> b"));
    assertEquals("->", Subtitles.cueText("--->"));
    assertEquals("->>", Subtitles.cueText("---->>"));
    assertEquals("one\ntwo", Subtitles.cueText("  one \n\n \t\ntwo  "));
  }

  @Test
  void millisecondsAreRoundedToTheNearest() {
    List<Cue> cues =
        Subtitles.cues(
            List.of(
                new TimedCaption(1.0004, 1.0006, "rounds down, then up"),
                new TimedCaption(59.9996, 3599.99951, "carries into the minute and the hour")));

    assertEquals(1000, cues.get(0).startMillis());
    assertEquals(1001, cues.get(0).endMillis());
    assertEquals(60_000, cues.get(1).startMillis());
    assertEquals(3_600_000, cues.get(1).endMillis());
    assertTrue(
        Subtitles.srt(List.of(new TimedCaption(59.9996, 3599.99951, "x")))
            .contains("00:01:00,000 --> 01:00:00,000"));
  }

  @Test
  void captionsShorterThanAMillisecondAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Subtitles.srt(List.of(new TimedCaption(1.0001, 1.0004, "blink"))));
    assertTrue(e.getMessage().contains("shorter than a millisecond"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TimedCaption(2, 2, "zero"));
    assertThrows(IllegalArgumentException.class, () -> new TimeRange(3, 1));
  }

  @Test
  void overlappingOrUnorderedCaptionsAreRefusedButTouchingOnesAreFine() {
    List<TimedCaption> overlapping =
        List.of(new TimedCaption(0, 2, "first"), new TimedCaption(1.5, 3, "second"));
    List<TimedCaption> unordered =
        List.of(new TimedCaption(2, 3, "later"), new TimedCaption(0, 1, "earlier"));
    List<TimedCaption> touching =
        List.of(new TimedCaption(0, 2, "first"), new TimedCaption(2, 3, "second"));

    for (SubtitleFormat format : SubtitleFormat.values()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Subtitles.format(format, overlapping));
      assertTrue(e.getMessage().contains("caption 2"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Subtitles.format(format, unordered));
    }
    assertEquals(2, SubtitleParser.parseSrt(Subtitles.srt(touching)).size());
  }

  @Test
  void blankCaptionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TimedCaption(0, 1, " \n\t "));
  }

  @Test
  void writingReplacesTheFileWholeAndRefusalLeavesItAlone(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("clip.srt");
    List<TimedCaption> captions = List.of(new TimedCaption(0, 1.5, "a star turns"));

    Subtitles.write(file, SubtitleFormat.SRT, captions);
    assertEquals(Subtitles.srt(captions), Files.readString(file, StandardCharsets.UTF_8));

    List<TimedCaption> overlapping =
        List.of(new TimedCaption(0, 2, "first"), new TimedCaption(1, 3, "second"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Subtitles.write(file, SubtitleFormat.SRT, overlapping));
    assertEquals(Subtitles.srt(captions), Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theStrictParsersRejectWhatPlayersWouldMisread() {
    String good = "1\n00:00:00,000 --> 00:00:01,000\nhello\n";
    SubtitleParser.parseSrt(good);
    for (String bad :
        List.of(
            "1\n00:00:00.000 --> 00:00:01,000\nhello\n", // dot in SRT
            "2\n00:00:00,000 --> 00:00:01,000\nhello\n", // numbering not from 1
            "1\n0:00:00,000 --> 00:00:01,000\nhello\n", // one-digit hours
            "1\n00:00:61,000 --> 00:01:01,000\nhello\n", // 61 seconds
            "1\n00:00:01,000 --> 00:00:01,000\nhello\n", // zero length
            "1\n00:00:00,000 --> 00:00:01,000\n\nhello\n", // blank line inside a cue
            "1\n00:00:00,000 --> 00:00:01,000\n", // no text
            "1\n00:00:00,000 --> 00:00:01,000\nhello", // no final line end
            "1\r\n00:00:00,000 --> 00:00:01,000\r\nhello\r\n")) { // carriage returns
      assertThrows(IllegalArgumentException.class, () -> SubtitleParser.parseSrt(bad), bad);
    }
    SubtitleParser.parseWebVtt("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n");
    for (String bad :
        List.of(
            "1\n00:00:00.000 --> 00:00:01.000\nhello\n", // no header
            "WEBVTT\n1\n00:00:00.000 --> 00:00:01.000\nhello\n", // no blank line
            "WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nhello\n", // comma in WebVTT
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na <b> tag\n", // raw <
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nfish & chips\n", // raw &
            "WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nb\n\n00:00:01.000 --> 00:00:04.000\na\n")) {
      assertThrows(IllegalArgumentException.class, () -> SubtitleParser.parseWebVtt(bad), bad);
    }
    assertFalse(SubtitleParser.parseJson("[]").iterator().hasNext());
    assertThrows(
        IllegalArgumentException.class,
        () -> SubtitleParser.parseJson("[{\"start\":0,\"end\":1}]"));
  }
}
