package org.captionstudio.core.train;

import static org.captionstudio.core.io.ZipEntries.put;
import static org.captionstudio.core.io.ZipEntries.putFloats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.io.AtomicFile;
import org.captionstudio.core.io.ZipEntries;
import org.captionstudio.core.model.DecoderConfig;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a training run needs to go on exactly where it stopped: parameters, Adam's moments,
 * the position in the epoch, early-stopping state, the best parameters so far and the history.
 *
 * <p>On disk a zip of {@code checkpoint.json}, {@code vocabulary.json} and the flat float arrays
 * {@code parameters.f32}, {@code adam.m.f32}, {@code adam.v.f32} and {@code best.f32}
 * (little-endian IEEE binary32, in {@link DecoderParameters#layout} order), written atomically.
 *
 * @param state counters and histories
 * @param vocabulary the words the decoder's ids refer to
 * @param parameters the current parameters
 * @param adamM Adam's first moment, same layout
 * @param adamV Adam's second moment
 * @param best the parameters of the best validation so far (the current ones if none yet)
 */
public record Checkpoint(
    State state,
    Vocabulary vocabulary,
    DecoderParameters parameters,
    INDArray adamM,
    INDArray adamV,
    DecoderParameters best) {

  static final String FORMAT = "captionstudio-checkpoint";
  static final int VERSION = 1;
  private static final long MAX_JSON_BYTES = 64L << 20;
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The counters of a run.
   *
   * @param format always {@value #FORMAT}
   * @param version the format version
   * @param decoder the model's shape
   * @param training the training settings
   * @param features what the features are (encoder id and dataset hash): a resume must use the same
   * @param epoch the epoch in progress, from 0
   * @param batchInEpoch the next batch of that epoch
   * @param step steps taken so far
   * @param bestScore the best validation CIDEr-D (NaN before any validation)
   * @param bestEpoch the epoch (from 1) that reached it, 0 before any
   * @param validationsWithoutImprovement for early stopping
   * @param trainingSeconds time spent training so far, over all sessions
   * @param history one report per finished epoch
   */
  public record State(
      String format,
      int version,
      DecoderConfig decoder,
      TrainingConfig training,
      String features,
      int epoch,
      int batchInEpoch,
      long step,
      double bestScore,
      int bestEpoch,
      int validationsWithoutImprovement,
      double trainingSeconds,
      List<EpochReport> history) {
    public State {
      history = List.copyOf(history);
    }
  }

  /** Writes this checkpoint to {@code file} atomically. */
  public void write(Path file) throws IOException {
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
    AtomicFile.write(
        file,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          put(zip, "checkpoint.json", json);
          put(zip, "vocabulary.json", vocabulary.toJson().getBytes(StandardCharsets.UTF_8));
          putFloats(zip, "parameters.f32", parameters.flat());
          putFloats(zip, "adam.m.f32", adamM);
          putFloats(zip, "adam.v.f32", adamV);
          putFloats(zip, "best.f32", best.flat());
          zip.finish();
        });
  }

  /** Reads a checkpoint, checking every part against the recorded decoder configuration. */
  public static Checkpoint read(Path file) throws CaptioningException {
    Map<String, byte[]> entries = new HashMap<>();
    State state = null;
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (entries.containsKey(name)) {
          throw bad(file, "it holds " + name + " twice");
        }
        long limit =
            name.endsWith(".json")
                ? MAX_JSON_BYTES
                : state == null ? 0 : 4 * DecoderParameters.totalLength(state.decoder());
        byte[] bytes = readLimited(zip, limit, file, name);
        entries.put(name, bytes);
        if (name.equals("checkpoint.json")) {
          state = parseState(file, bytes);
        }
      }
    } catch (NoSuchFileException e) {
      throw new CaptioningException("There is no checkpoint " + file + ".", e);
    } catch (IOException e) {
      throw bad(file, "it cannot be read as a zip (" + e.getMessage() + ")");
    }
    if (state == null) {
      throw bad(file, "checkpoint.json is missing or not first");
    }
    for (String name :
        List.of("vocabulary.json", "parameters.f32", "adam.m.f32", "adam.v.f32", "best.f32")) {
      if (!entries.containsKey(name)) {
        throw bad(file, name + " is missing");
      }
    }
    Vocabulary vocabulary =
        Vocabulary.fromJson(
            file + "!vocabulary.json", new ByteArrayInputStream(entries.get("vocabulary.json")));
    if (vocabulary.size() != state.decoder().vocabularySize()) {
      throw bad(
          file,
          "its vocabulary has "
              + vocabulary.size()
              + " words but the decoder "
              + state.decoder().vocabularySize());
    }
    DecoderParameters params = DecoderParameters.zeros(state.decoder(), DataType.FLOAT);
    DecoderParameters best = params.zerosLike();
    params.flat().assign(floats(file, "parameters.f32", entries, state));
    best.flat().assign(floats(file, "best.f32", entries, state));
    INDArray m = floats(file, "adam.m.f32", entries, state);
    INDArray v = floats(file, "adam.v.f32", entries, state);
    return new Checkpoint(state, vocabulary, params, m, v, best);
  }

  private static State parseState(Path file, byte[] bytes) throws CaptioningException {
    State s;
    try {
      s = JSON.readValue(bytes, State.class);
    } catch (IOException | IllegalArgumentException e) {
      throw bad(
          file, "checkpoint.json does not describe a training state (" + e.getMessage() + ")");
    }
    if (!FORMAT.equals(s.format())) {
      throw bad(file, "checkpoint.json has format " + s.format() + ", not " + FORMAT);
    }
    if (s.version() != VERSION) {
      throw bad(
          file, "it is checkpoint format version " + s.version() + "; this build reads " + VERSION);
    }
    if (s.decoder() == null || s.training() == null) {
      throw bad(file, "checkpoint.json lacks the decoder or training configuration");
    }
    return s;
  }

  private static INDArray floats(Path file, String name, Map<String, byte[]> entries, State s)
      throws CaptioningException {
    byte[] bytes = entries.get(name);
    long expected = DecoderParameters.totalLength(s.decoder());
    if (bytes.length != expected * 4) {
      throw bad(
          file, name + " holds " + bytes.length / 4 + " values but the decoder has " + expected);
    }
    return Nd4j.createFromArray(ZipEntries.floats(bytes));
  }

  private static byte[] readLimited(InputStream in, long limit, Path file, String name)
      throws IOException, CaptioningException {
    if (limit <= 0) {
      throw bad(file, name + " comes before checkpoint.json or is not expected");
    }
    byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > limit) {
      throw bad(file, name + " is larger than " + limit + " bytes");
    }
    return bytes;
  }

  private static CaptioningException bad(Path file, String why) {
    return new CaptioningException("The checkpoint " + file + " is not usable: " + why + ".");
  }
}
