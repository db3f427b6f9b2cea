package org.captionstudio.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  @Test
  void fixedWindowsCoverTheClipAndJoinASliverAtTheEnd() {
    assertEquals(
        List.of(new TimeRange(0, 3), new TimeRange(3, 6), new TimeRange(6, 10)),
        Segments.fixedWindows(10, 3));
    assertEquals(
        List.of(new TimeRange(0, 4), new TimeRange(4, 8), new TimeRange(8, 10)),
        Segments.fixedWindows(10, 4));
    assertEquals(List.of(new TimeRange(0, 5), new TimeRange(5, 10)), Segments.fixedWindows(10, 5));
    assertEquals(List.of(new TimeRange(0, 2)), Segments.fixedWindows(2, 5));
    assertThrows(IllegalArgumentException.class, () -> Segments.fixedWindows(10, 0));
  }

  @Test
  void cutsMakeShotsAndCutsTooCloseTogetherAreDropped() {
    assertEquals(
        List.of(new TimeRange(0, 2), new TimeRange(2, 5), new TimeRange(5, 10)),
        Segments.fromCuts(10, List.of(5.0, 2.0, 2.3, 9.9, 12.0, -1.0), 1.0));
    assertEquals(List.of(new TimeRange(0, 10)), Segments.fromCuts(10, List.of(), 1.0));
  }

  @Test
  void longSegmentsAreSplitIntoEqualParts() {
    assertEquals(
        List.of(
            new TimeRange(0, 2),
            new TimeRange(2, 5),
            new TimeRange(5, 7.5),
            new TimeRange(7.5, 10)),
        Segments.splitLongerThan(
            List.of(new TimeRange(0, 2), new TimeRange(2, 5), new TimeRange(5, 10)), 3));
  }

  @Test
  void identicalTouchingNeighboursAreMerged() {
    List<TimedCaption> merged =
        Segments.mergeIdenticalNeighbours(
            List.of(
                new TimedCaption(0, 2, "a circle moves"),
                new TimedCaption(2, 4, "A circle  moves "),
                new TimedCaption(4.0005, 6, "a circle moves"),
                new TimedCaption(6, 8, "a square grows"),
                new TimedCaption(9, 10, "a square grows"),
                new TimedCaption(10, 11, "a circle moves")));

    assertEquals(
        List.of(
            new TimedCaption(0, 6, "a circle moves"),
            new TimedCaption(6, 8, "a square grows"),
            new TimedCaption(9, 10, "a square grows"),
            new TimedCaption(10, 11, "a circle moves")),
        merged);
  }

  @Test
  void timestampsForMessagesAndFiles() {
    assertEquals("0:12", Timestamps.clock(12.9));
    assertEquals("1:02:03", Timestamps.clock(3723));
    assertEquals("0:01.250", Timestamps.clockMillis(1.25));
    assertEquals("123:00:00,001", Timestamps.srt(123L * 3_600_000 + 1));
    assertEquals("00:00:59.999", Timestamps.webVtt(59_999));
  }
}
