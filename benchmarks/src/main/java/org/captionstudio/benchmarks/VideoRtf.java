package org.captionstudio.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.captionstudio.app.pipeline.DefaultModel;
import org.captionstudio.app.pipeline.LoadedModel;
import org.captionstudio.app.pipeline.VideoDescriber;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.vision.encoder.ZooEncoder;
import org.captionstudio.vision.video.VideoSampler;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code video-rtf}: describing a 60 s 640×360 H.264 clip with the default video model, as {@code
 * describe} does (shot detection, 8 frames for the clip and for each segment, the ShapesWorld CNN,
 * the S2VT decoder's beam search). Times are per second of video, so the real-time factor is 1000 ÷
 * ms; below 1000 ms is faster than real time. A second case times the DL4J-zoo ResNet50 (random
 * weights, 224 px) on as many frames as the run encodes, the CNN a photo model would use instead.
 * There is no reference.
 */
public final class VideoRtf implements Benchmark {
  static final int SECONDS = 60;
  static final int FPS = 25;

  @Override
  public String name() {
    return "video-rtf";
  }

  @Override
  public String description() {
    return "describe a 60 s 640x360 H.264 clip (cuts every 10 s) with the default video model;"
        + " ms per second of video (real time = 1000)";
  }

  @Override
  public Prepared prepare() throws Exception {
    Path work = Files.createTempDirectory("video-rtf-bench");
    Path clip = writeClip(work.resolve("clip.mp4"));
    LoadedModel model = LoadedModel.loadVideo(DefaultModel.NAME);
    VideoDescriber describer = new VideoDescriber(model, new VideoSampler());
    BeamSearchConfig beam = new BeamSearchConfig(3, 30, 0.0, 1);
    VideoDescriber.Description first =
        describer.describe(clip, 0, beam, ProgressListener.NONE, Cancellation.none());
    int frames = first.framesEncoded();
    ComputationGraph resnet =
        ZooEncoder.RESNET50.randomlyInitialised(224, WorkspaceMode.ENABLED, CacheMode.NONE);
    INDArray batch = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 3, 224, 224);
    String tap = ZooEncoder.RESNET50.tapVertex();
    Contestants ours =
        new Contestants(
            "describe, default model",
            SECONDS,
            () -> describer.describe(clip, 0, beam, ProgressListener.NONE, Cancellation.none()),
            Optional.empty());
    Contestants zoo =
        new Contestants(
            "ResNet50 at 224 px on the same " + frames + " frames (CNN only)",
            SECONDS,
            () -> {
              for (int done = 0; done < frames; done += 8) {
                resnet.output(List.of(tap), false, new INDArray[] {batch}, null);
              }
            },
            Optional.empty());
    List<String> setup = new ArrayList<>();
    setup.add(
        String.format(
            Locale.ROOT,
            "clip: %d s at %d fps, 640x360 H.264; %d segments after merging; %d frames encoded",
            SECONDS,
            FPS,
            first.segments().size(),
            frames));
    setup.add("description: " + first.overall());
    return new Prepared(
        List.of(zoo, ours),
        setup,
        () -> {
          model.close();
          Files.deleteIfExists(clip);
          Files.deleteIfExists(work);
        });
  }

  /** Six 10-second scenes of shapes moving over plain backdrops, hard cuts between them. */
  static Path writeClip(Path file) throws Exception {
    int width = 640;
    int height = 360;
    Color[] backdrops = {
      new Color(20, 30, 90),
      new Color(190, 190, 190),
      new Color(40, 140, 60),
      new Color(110, 20, 20)
    };
    Color[] shapes = {Color.RED, Color.YELLOW, Color.CYAN, Color.WHITE, Color.GREEN, Color.ORANGE};
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setGopSize(FPS * 2);
      recorder.setVideoBitrate(1_500_000);
      recorder.start();
      for (int i = 0; i < SECONDS * FPS; i++) {
        int scene = i / (10 * FPS);
        Graphics2D g = image.createGraphics();
        g.setColor(backdrops[scene % backdrops.length]);
        g.fillRect(0, 0, width, height);
        g.setColor(shapes[scene % shapes.length]);
        int x = 40 + (i % (10 * FPS)) * 2;
        int size = 60 + 10 * (scene % 3);
        if (scene % 2 == 0) {
          g.fillOval(x, 140, size, size);
        } else {
          g.fillRect(x, 140, size, size);
        }
        g.dispose();
        recorder.record(converter.convert(image));
      }
      recorder.stop();
    }
    return file;
  }
}
