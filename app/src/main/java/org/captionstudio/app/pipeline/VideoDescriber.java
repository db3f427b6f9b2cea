package org.captionstudio.app.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ModelLoadException;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.decode.BeamSearch;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.Hypothesis;
import org.captionstudio.core.video.Segments;
import org.captionstudio.core.video.TimeRange;
import org.captionstudio.core.video.TimedCaption;
import org.captionstudio.vision.encoder.FeatureExtraction;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.video.SampledClip;
import org.captionstudio.vision.video.SampledSegment;
import org.captionstudio.vision.video.ShotBoundaries;
import org.captionstudio.vision.video.ShotOptions;
import org.captionstudio.vision.video.VideoInfo;
import org.captionstudio.vision.video.VideoSampler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Describes a video with a video model (S2VT): one caption for the whole clip and one per segment
 * (shots found from frame differences, or fixed windows), identical neighbours merged, with
 * timestamps.
 */
public final class VideoDescriber {
  /** Shots longer than this are split into equal parts, so captions keep up with long takes. */
  static final double LONGEST_SEGMENT_SECONDS = 20;

  private final LoadedModel model;
  private final VideoSampler sampler;

  /**
   * @throws ModelLoadException when the model describes images, not videos
   */
  public VideoDescriber(LoadedModel model, VideoSampler sampler) throws ModelLoadException {
    if (!model.describesVideo()) {
      throw new ModelLoadException(
          model.source()
              + " describes images, not videos; give a video model (one `train` wrote from a"
              + " video dataset).");
    }
    this.model = model;
    this.sampler = sampler;
  }

  /**
   * What a video shows.
   *
   * @param info the clip's size, rate and duration
   * @param overall the description of the whole clip
   * @param overallLogProbability its log-probability
   * @param segments the timed captions, identical neighbours merged
   * @param warnings damage found while decoding, in plain sentences
   * @param framesEncoded how many frames went through the CNN (the clip's and every segment's)
   */
  public record Description(
      VideoInfo info,
      String overall,
      double overallLogProbability,
      List<TimedCaption> segments,
      List<String> warnings,
      int framesEncoded) {
    public Description {
      segments = List.copyOf(segments);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Describes {@code video}.
   *
   * @param segmentSeconds fixed windows of this length; 0 for segments at shot cuts
   */
  public Description describe(
      Path video,
      double segmentSeconds,
      BeamSearchConfig beam,
      ProgressListener progress,
      Cancellation cancel)
      throws CaptioningException {
    int frames = model.bundle().manifest().encoder().gridWidth();
    Set<String> warnings = new LinkedHashSet<>();
    progress.progress("Reading the video", 0, 3);
    SampledClip whole = sampler.sampleUniform(video, frames, cancel);
    warnings.addAll(whole.warnings());
    List<TimeRange> ranges;
    if (segmentSeconds > 0) {
      ranges = Segments.fixedWindows(whole.info().duration(), segmentSeconds);
    } else {
      ShotBoundaries shots = sampler.detectShots(video, ShotOptions.defaults(), cancel);
      warnings.addAll(shots.warnings());
      ranges = shots.segments(LONGEST_SEGMENT_SECONDS);
    }
    progress.progress("Finding the segments", 1, 3);
    SampledClip parts = sampler.sampleSegments(video, ranges, frames, cancel);
    warnings.addAll(parts.warnings());
    List<List<DecodedImage>> clips = new ArrayList<>();
    clips.add(
        FeatureExtraction.exactly(whole.frames().stream().map(f -> f.image()).toList(), frames));
    List<TimeRange> kept = new ArrayList<>();
    for (SampledSegment s : parts.segments()) {
      if (!s.frames().isEmpty()) {
        clips.add(
            FeatureExtraction.exactly(s.frames().stream().map(f -> f.image()).toList(), frames));
        kept.add(s.range());
      }
    }
    if (clips.get(0).isEmpty()) {
      throw new org.captionstudio.core.MediaDecodeException(
          "No frame of " + video.getFileName() + " could be decoded.");
    }
    if (cancel.isCancelled()) {
      throw new CaptioningException("Describing " + video.getFileName() + " was cancelled.");
    }
    progress.progress("Describing", 2, 3);
    INDArray memory = memory(clips, frames);
    List<List<Hypothesis>> decoded =
        new BeamSearch(model.decoder(), model.bundle().parameters()).decode(memory, beam);
    var vocabulary = model.bundle().vocabulary();
    List<TimedCaption> timed = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      String text = String.join(" ", vocabulary.decode(decoded.get(i + 1).get(0).words()));
      if (!text.isBlank()) {
        timed.add(new TimedCaption(kept.get(i), text));
      }
    }
    Hypothesis best = decoded.get(0).get(0);
    progress.progress("Describing", 3, 3);
    return new Description(
        whole.info(),
        String.join(" ", vocabulary.decode(best.words())),
        best.logProbability(),
        Segments.mergeIdenticalNeighbours(timed),
        new ArrayList<>(warnings),
        clips.size() * frames);
  }

  /**
   * {@code [clips, F, D]}: the clips' frames encoded in one batch, each clip stored as training
   * does.
   */
  private INDArray memory(List<List<DecodedImage>> clips, int frames) throws CaptioningException {
    List<DecodedImage> all = new ArrayList<>();
    clips.forEach(all::addAll);
    List<EncodedImage> encoded = model.encodeDecoded(all);
    FeatureExtraction.Media media = FeatureExtraction.videoFrames(sampler, frames);
    int dim = model.bundle().manifest().encoder().featureDim();
    float[] values = new float[clips.size() * frames * dim];
    for (int c = 0; c < clips.size(); c++) {
      float[] clip = media.combine(encoded.subList(c * frames, (c + 1) * frames));
      System.arraycopy(clip, 0, values, c * frames * dim, frames * dim);
    }
    return Nd4j.createFromArray(values).reshape(clips.size(), frames, dim);
  }
}
