package org.captionstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.app.pipeline.VideoDescriber;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.video.SubtitleFormat;
import org.captionstudio.core.video.Subtitles;
import org.captionstudio.core.video.TimedCaption;
import org.captionstudio.core.video.Timestamps;
import org.captionstudio.vision.video.VideoSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code captionstudio describe}: describe a video, overall and per segment, as subtitles. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Describe a video (any file FFmpeg reads, or a folder of frame images in name order):",
      "one caption for the whole clip and one per segment with timestamps. Segments follow shot",
      "cuts, or fixed windows with --segment. Subtitles are written only when all went well."
    })
final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "VIDEO", description = "A video file or a folder of frames.")
  Path video;

  @Option(
      names = "--model",
      paramLabel = "FILE|default",
      description = "A video model, or default for the bundled one (default ${DEFAULT-VALUE}).")
  String model = DefaultModel.NAME;

  @Option(
      names = "--segment",
      paramLabel = "SECONDS",
      description = "Fixed windows of this length instead of shots (default: at shot cuts).")
  double segment;

  @Option(names = "--beam", description = "Beam width (default ${DEFAULT-VALUE}).")
  int beam = 3;

  @Option(names = "--srt", paramLabel = "OUT", description = "Write SubRip subtitles.")
  Path srt;

  @Option(names = "--vtt", paramLabel = "OUT", description = "Write WebVTT subtitles.")
  Path vtt;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (segment < 0 || Double.isNaN(segment) || Double.isInfinite(segment)) {
      throw new ParameterException(spec.commandLine(), "--segment must be a positive number");
    }
    BeamSearchConfig config;
    try {
      config = new BeamSearchConfig(beam, 30, 0.0, 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    VideoDescriber.Description d;
    try (LoadedModel loaded = LoadedModel.loadVideo(model)) {
      d =
          new VideoDescriber(loaded, new VideoSampler())
              .describe(
                  video,
                  segment,
                  config,
                  json
                      ? org.captionstudio.core.ProgressListener.NONE
                      : new TerminalProgress(err, "", 1),
                  Cancellation.none());
    }
    // Subtitles only once everything above succeeded; each written atomically.
    try {
      if (srt != null) {
        Subtitles.write(srt, SubtitleFormat.SRT, d.segments());
      }
      if (vtt != null) {
        Subtitles.write(vtt, SubtitleFormat.WEBVTT, d.segments());
      }
    } catch (IOException e) {
      throw new CaptioningException(
          "Could not write the subtitles (" + e.getMessage() + "); nothing was changed.", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("file", video.toString());
      j.put("duration", d.info().duration());
      j.put("description", d.overall());
      j.put("logProb", d.overallLogProbability());
      List<Map<String, Object>> segments = new ArrayList<>();
      for (TimedCaption c : d.segments()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("start", c.start());
        s.put("end", c.end());
        s.put("caption", c.text());
        segments.add(s);
      }
      j.put("segments", segments);
      j.put("warnings", d.warnings());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      out.printf(
          Locale.ROOT,
          "%s (%s): %s%n",
          video.getFileName(),
          Timestamps.clock(d.info().duration()),
          d.overall());
      for (TimedCaption c : d.segments()) {
        out.printf(
            Locale.ROOT,
            "  %s - %s  %s%n",
            Timestamps.clock(c.start()),
            Timestamps.clock(c.end()),
            c.text());
      }
      d.warnings().forEach(w -> out.println("  warning: " + w));
    }
    out.flush();
    return ExitStatus.OK;
  }
}
