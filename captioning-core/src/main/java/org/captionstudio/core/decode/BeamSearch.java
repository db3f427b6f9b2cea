package org.captionstudio.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.model.DecoderState;
import org.captionstudio.core.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Beam search, batched: every running hypothesis of every image is one row of the same decoder
 * step, so a step is a few matrix products over all of them.
 *
 * <p>At each step the 2k best extensions of an image's beams are ranked; an extension by {@code
 * <end>} within the first k is finished, and the first k others go on. An image stops when it has
 * {@code nBest} finished captions and no running one can still beat the {@code nBest}-th: with
 * log-probabilities ≤ 0 a running hypothesis of log-probability s can at best score {@code s /
 * (maxWords + 1)^α}, so the stop never loses a better caption than the beam has seen. At {@code
 * maxWords} words the running hypotheses stop unfinished; they rank after every finished caption,
 * however likely, because a caption cut mid-sentence is not what a user asked for.
 */
public final class BeamSearch {
  private final AttentionDecoder decoder;
  private final DecoderParameters parameters;

  public BeamSearch(AttentionDecoder decoder, DecoderParameters parameters) {
    this.decoder = decoder;
    this.parameters = parameters;
  }

  /** A running hypothesis: its row in the decoder state and its history. */
  private record Beam(
      int row, int[] words, double[] logProbs, float[][] attention, double logProbability) {
    Beam extend(int newRow, int word, double logProb, float[] alpha) {
      int[] w = Arrays.copyOf(words, words.length + 1);
      w[words.length] = word;
      double[] lp = Arrays.copyOf(logProbs, logProbs.length + 1);
      lp[logProbs.length] = logProb;
      float[][] att = Arrays.copyOf(attention, attention.length + 1);
      att[attention.length] = alpha;
      return new Beam(newRow, w, lp, att, logProbability + logProb);
    }
  }

  private record Candidate(int beam, int word, double total) {}

  /** Finished captions first, then those cut at the word limit; each by score. */
  private static final Comparator<Hypothesis> BY_RANK =
      Comparator.comparing(Hypothesis::finished)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Hypothesis::score).reversed());

  /**
   * Decodes each image.
   *
   * @param features {@code [I, L, D]} one row per image
   * @return per image, up to {@code nBest} hypotheses, best first
   */
  public List<List<Hypothesis>> decode(INDArray features, BeamSearchConfig config) {
    int images = (int) features.size(0);
    int k = config.beamSize();
    List<List<Beam>> alive = new ArrayList<>();
    List<List<Hypothesis>> finished = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      alive.add(List.of(new Beam(i, new int[0], new double[0], new float[0][], 0.0)));
      finished.add(new ArrayList<>());
    }
    HostValues host = new HostValues();
    DecoderState state = decoder.start(parameters, features);
    int[] previous = new int[images];
    Arrays.fill(previous, Vocabulary.START_ID);
    for (int step = 0; previous.length > 0; step++) {
      if (step == config.maxWords()) {
        // The length limit: what still runs stops unfinished, without another decoder step.
        for (int i = 0; i < images; i++) {
          for (Beam b : alive.get(i)) {
            finished.get(i).add(hypothesis(b, false, config));
          }
        }
        break;
      }
      AttentionDecoder.StepResult result = decoder.step(parameters, state, previous);
      int vocabulary = (int) result.logProbabilities().size(1);
      double[] logP = host.doubles(result.logProbabilities()); // [R·V], reused next step
      INDArray att = result.state().attention();
      int regions = (int) att.size(1);
      float[] alpha = HostValues.floats(att); // [R·L]
      List<Integer> nextRows = new ArrayList<>();
      List<Integer> nextWords = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        List<Beam> beams = alive.get(i);
        if (beams.isEmpty()) {
          continue;
        }
        List<Beam> next = new ArrayList<>();
        List<Candidate> best = topCandidates(beams, logP, vocabulary, 2 * k);
        for (int j = 0; j < best.size(); j++) {
          Candidate c = best.get(j);
          Beam from = beams.get(c.beam());
          float[] a = Arrays.copyOfRange(alpha, from.row() * regions, (from.row() + 1) * regions);
          double lp = logP[from.row() * vocabulary + c.word()];
          if (c.word() == Vocabulary.END_ID) {
            if (j < k) {
              Beam ended = from.extend(-1, c.word(), lp, a);
              finished.get(i).add(hypothesis(ended, true, config));
            }
          } else if (next.size() < k) {
            next.add(from.extend(nextRows.size(), c.word(), lp, a));
            nextRows.add(from.row());
            nextWords.add(c.word());
          }
        }
        if (done(finished.get(i), next, config)) {
          // The image's rows are not carried to the next step.
          for (int drop = 0; drop < next.size(); drop++) {
            nextRows.remove(nextRows.size() - 1);
            nextWords.remove(nextWords.size() - 1);
          }
          next = List.of();
        }
        alive.set(i, next);
      }
      if (nextRows.isEmpty()) {
        break;
      }
      state = result.state().select(nextRows.stream().mapToInt(Integer::intValue).toArray());
      previous = nextWords.stream().mapToInt(Integer::intValue).toArray();
    }
    List<List<Hypothesis>> out = new ArrayList<>();
    for (List<Hypothesis> f : finished) {
      List<Hypothesis> sorted = new ArrayList<>(f);
      sorted.sort(BY_RANK);
      out.add(List.copyOf(distinct(sorted).subList(0, Math.min(config.nBest(), sorted.size()))));
    }
    return out;
  }

  private static List<Hypothesis> distinct(List<Hypothesis> sorted) {
    List<Hypothesis> out = new ArrayList<>();
    for (Hypothesis h : sorted) {
      if (out.stream().noneMatch(o -> Arrays.equals(o.words(), h.words()))) {
        out.add(h);
      }
    }
    return out;
  }

  /** The {@code count} best one-word extensions of these beams, best first. */
  private static List<Candidate> topCandidates(
      List<Beam> beams, double[] logP, int vocabulary, int count) {
    PriorityQueue<Candidate> heap =
        new PriorityQueue<>(Comparator.comparingDouble(Candidate::total));
    for (int b = 0; b < beams.size(); b++) {
      Beam beam = beams.get(b);
      int base = beam.row() * vocabulary;
      for (int w = 0; w < vocabulary; w++) {
        if (w == Vocabulary.PAD_ID || w == Vocabulary.START_ID) {
          continue;
        }
        double total = beam.logProbability() + logP[base + w];
        if (heap.size() < count) {
          heap.add(new Candidate(b, w, total));
        } else if (total > heap.peek().total()) {
          heap.poll();
          heap.add(new Candidate(b, w, total));
        }
      }
    }
    List<Candidate> out = new ArrayList<>(heap);
    out.sort(Comparator.comparingDouble(Candidate::total).reversed());
    return out;
  }

  private static boolean done(List<Hypothesis> finished, List<Beam> alive, BeamSearchConfig c) {
    if (alive.isEmpty()) {
      return true;
    }
    if (finished.size() < c.nBest()) {
      return false;
    }
    double[] scores =
        finished.stream().mapToDouble(Hypothesis::score).sorted().toArray(); // ascending
    double nth = scores[scores.length - c.nBest()];
    double bestAlive = alive.stream().mapToDouble(Beam::logProbability).max().orElseThrow();
    double bound = bestAlive / Math.pow(c.maxWords() + 1, c.lengthPenalty());
    return nth >= bound;
  }

  private static Hypothesis hypothesis(Beam b, boolean ended, BeamSearchConfig c) {
    int[] words = ended ? Arrays.copyOf(b.words(), b.words().length - 1) : b.words();
    double score = b.logProbability() / Math.pow(b.words().length, c.lengthPenalty());
    return new Hypothesis(words, b.logProbs(), b.attention(), ended, score);
  }
}
