package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.video.Cue;
import org.captionstudio.core.video.SubtitleParser;
import org.captionstudio.vision.shapes.CaptionStyle;
import org.captionstudio.vision.shapes.ShapesWorld;
import org.captionstudio.vision.shapes.SynthConfig;
import org.captionstudio.vision.testing.TestClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code describe} with the bundled video model on clips made here. */
class DescribeCommandTest {
  @TempDir static Path dir;
  static Path shapesClip;
  static Path cuts;

  @BeforeAll
  static void clips() throws Exception {
    ShapesWorld.generate(
        new SynthConfig(0, 2, 88, 128, 0, 1.0, CaptionStyle.CANONICAL),
        dir.resolve("sw"),
        ProgressListener.NONE);
    try (var list = Files.list(dir.resolve("sw/videos"))) {
      shapesClip = list.sorted().findFirst().orElseThrow();
    }
    // Six seconds at 25 fps with hard cuts at 2 s and 4 s.
    cuts =
        TestClips.write(
            dir.resolve("cuts.mp4"),
            TestClips.Format.MP4_H264,
            128,
            128,
            25,
            150,
            TestClips.scenes(50, 100));
  }

  @Test
  void aClipGetsADescriptionAndSegmentsCoveringIt() throws Exception {
    CliRun run = CliRun.of("describe", "--json", shapesClip.toString());
    assertEquals(ExitStatus.OK, run.status(), run.err());
    JsonNode j = new ObjectMapper().readTree(run.out());
    String description = j.get("description").asText();
    assertTrue(description.split(" ").length >= 3, description);
    JsonNode segments = j.get("segments");
    assertTrue(segments.size() >= 1, run.out());
    assertEquals(0.0, segments.get(0).get("start").asDouble(), 1e-9);
    assertEquals(
        j.get("duration").asDouble(),
        segments.get(segments.size() - 1).get("end").asDouble(),
        0.05);
    CliRun text = CliRun.of("describe", shapesClip.toString());
    assertEquals(ExitStatus.OK, text.status(), text.err());
    assertTrue(text.out().startsWith(shapesClip.getFileName() + " (0:0"), text.out());
  }

  @Test
  void segmentsFollowTheCutsAndTheSubtitlesAreValid() throws Exception {
    Path srt = dir.resolve("cuts.srt");
    Path vtt = dir.resolve("cuts.vtt");
    CliRun run =
        CliRun.of(
            "describe",
            "--json",
            "--srt",
            srt.toString(),
            "--vtt",
            vtt.toString(),
            cuts.toString());
    assertEquals(ExitStatus.OK, run.status(), run.err());
    List<Cue> fromSrt = SubtitleParser.parseSrt(Files.readString(srt));
    List<Cue> fromVtt = SubtitleParser.parseWebVtt(Files.readString(vtt));
    assertEquals(fromSrt, fromVtt);
    JsonNode segments = new ObjectMapper().readTree(run.out()).get("segments");
    assertEquals(segments.size(), fromSrt.size());
    for (int i = 0; i < fromSrt.size(); i++) {
      Cue cue = fromSrt.get(i);
      assertEquals(segments.get(i).get("caption").asText(), cue.text());
      // Each boundary is a cut (2 s, 4 s) or an end of the clip, within a sampling interval.
      for (long t : new long[] {cue.startMillis(), cue.endMillis()}) {
        boolean atCut = false;
        for (long expected : new long[] {0, 2000, 4000, 6000}) {
          atCut |= Math.abs(t - expected) <= 200;
        }
        assertTrue(atCut, "boundary at " + t + " ms: " + fromSrt);
      }
    }
    CliRun windows = CliRun.of("describe", "--json", "--segment", "1.5", cuts.toString());
    assertEquals(ExitStatus.OK, windows.status(), windows.err());
  }

  @Test
  void aFileWithoutVideoIsOneSentenceAndNoSubtitlesAreTouched() throws Exception {
    Path audio =
        TestClips.audioOnly(
            dir.resolve("tone.wav"),
            "wav",
            org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE);
    Path srt = Files.writeString(dir.resolve("keep.srt"), "an earlier file");
    Path vtt = dir.resolve("never.vtt");
    CliRun run =
        CliRun.of("describe", "--srt", srt.toString(), "--vtt", vtt.toString(), audio.toString());
    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("tone.wav"), run.err());
    assertArrayEquals("an earlier file".getBytes(), Files.readAllBytes(srt));
    assertFalse(Files.exists(vtt));
  }

  @Test
  void anImageModelIsRefusedInOneSentence() {
    Path model = Path.of("../assets/src/main/resources/org/captionstudio/assets/default-model.zip");
    CliRun run = CliRun.of("describe", "--model", model.toString(), shapesClip.toString());
    assertEquals(ExitStatus.BAD_INPUT, run.status());
    assertTrue(run.err().contains("describes images, not videos"), run.err());
  }
}
