package org.captionstudio.app.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.captionstudio.core.Cancellation;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.EncodedImage;
import org.captionstudio.core.ProgressListener;
import org.captionstudio.core.caption.CaptionOptions;
import org.captionstudio.core.caption.CaptionResult;
import org.captionstudio.core.caption.Captioner;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetItem;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.decode.BeamSearchConfig;
import org.captionstudio.core.decode.SamplingConfig;
import org.captionstudio.core.eval.CaptionMetrics;
import org.captionstudio.core.eval.CaptionPriorBaseline;
import org.captionstudio.core.eval.EvalItem;
import org.captionstudio.core.eval.EvaluationReport;
import org.captionstudio.core.eval.Metric;
import org.captionstudio.core.eval.MetricScores;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderBatch;
import org.captionstudio.core.model.DecoderParameters;
import org.captionstudio.core.text.CaptionTokenizer;
import org.captionstudio.core.text.Vocabulary;
import org.captionstudio.vision.shapes.Clip;
import org.captionstudio.vision.shapes.Scene;
import org.captionstudio.vision.shapes.ShapesGroundTruth;
import org.captionstudio.vision.shapes.ShapesJudge;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes a dataset split with a model and scores it the coco-caption way, with the baselines
 * beside it: the caption prior (the most frequent training caption) and nearest neighbour (Devlin
 * et al. 2015: the consensus caption of the k training images whose pooled features are closest).
 * Also novelty (generated captions not copied from training) and perplexity on the split's
 * references.
 */
public final class ModelEvaluation {
  private static final int BATCH = 32;
  private static final int NEIGHBOURS = 5;

  /**
   * What to evaluate.
   *
   * @param dataset the dataset with splits
   * @param mediaRoot where its media paths point
   * @param split the split to decode
   * @param beam the beam search
   * @param neighbourPool how many training images the nearest-neighbour baseline searches (0: no
   *     nearest-neighbour baseline)
   * @param shapes the ShapesWorld ground truth of the dataset, for shapesAccuracy and attentionHit;
   *     null for other datasets
   */
  public record Request(
      Dataset dataset,
      Path mediaRoot,
      Split split,
      BeamSearchConfig beam,
      int neighbourPool,
      ShapesGroundTruth shapes) {}

  /**
   * The scores.
   *
   * @param model the model's coco-caption report
   * @param baselines each baseline's corpus scores, by name
   * @param novelty the share of generated captions not among the training captions (NaN without a
   *     training split)
   * @param perplexity exp of the mean cross-entropy per token on the split's references
   * @param vocabularyUsage distinct words generated
   * @param captions the generated caption per image id
   * @param skipped one sentence per image that could not be decoded
   * @param shapesAccuracy on ShapesWorld, the share of captions whose every statement is true of
   *     the image; NaN elsewhere
   * @param attentionHit on ShapesWorld, the share of object-naming words whose attention peak
   *     overlaps the object; NaN elsewhere
   * @param videoActionAccuracy on ShapesWorld clips, the share whose stated action is right; NaN
   *     elsewhere
   */
  public record Result(
      EvaluationReport model,
      Map<String, MetricScores> baselines,
      double novelty,
      double perplexity,
      int vocabularyUsage,
      Map<String, String> captions,
      List<String> skipped,
      double shapesAccuracy,
      double attentionHit,
      double videoActionAccuracy) {}

  private ModelEvaluation() {}

  public static Result run(
      LoadedModel model, Request request, ProgressListener progress, Cancellation cancel)
      throws CaptioningException {
    List<DatasetItem> items = request.dataset().split(request.split());
    if (items.isEmpty()) {
      throw new DatasetException(
          "The dataset has no " + request.split().label() + " split to evaluate on.");
    }
    CaptionTokenizer tokenizer = new CaptionTokenizer();
    Vocabulary vocabulary = model.bundle().vocabulary();
    DecoderParameters params = model.bundle().parameters();
    AttentionDecoder decoder = model.decoder();
    Captioner captioner = model.captioner();
    CaptionOptions options =
        new CaptionOptions(
            CaptionOptions.Strategy.BEAM, request.beam(), SamplingConfig.defaults(), BATCH);
    ShapesJudge judge = new ShapesJudge();
    int judged = 0;
    int judgedClips = 0;
    int correctActions = 0;
    int correct = 0;
    long namingWords = 0;
    long hits = 0;
    List<EvalItem> evalItems = new ArrayList<>();
    Map<String, String> captions = new LinkedHashMap<>();
    Map<String, float[]> pooled = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    double nll = 0;
    long tokens = 0;
    for (int from = 0; from < items.size(); from += BATCH) {
      if (cancel.isCancelled()) {
        throw new CaptioningException("Evaluation was cancelled.");
      }
      progress.progress("Captioning " + request.split().label(), from, items.size());
      List<DatasetItem> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
      List<Path> files = new ArrayList<>();
      chunk.forEach(item -> files.add(request.mediaRoot().resolve(item.mediaPath())));
      List<DatasetItem> decoded = new ArrayList<>();
      List<EncodedImage> encoded = new ArrayList<>();
      List<Captioner.Encoding> encodings = model.encodeFiles(files);
      for (int i = 0; i < chunk.size(); i++) {
        if (encodings.get(i).ok()) {
          encoded.add(encodings.get(i).image());
          decoded.add(chunk.get(i));
        } else {
          skipped.add(encodings.get(i).error());
        }
      }
      if (decoded.isEmpty()) {
        continue;
      }
      INDArray features = Captioner.features(encoded);
      List<CaptionResult> out = captioner.captionEncoded(encoded, options);
      List<int[]> refIds = new ArrayList<>();
      List<Integer> refRows = new ArrayList<>();
      for (int i = 0; i < decoded.size(); i++) {
        DatasetItem item = decoded.get(i);
        List<List<String>> refs = tokenizer.tokenizeAll(item.captions());
        List<String> words = out.get(i).nBest().get(0).words();
        evalItems.add(new EvalItem(item.id(), words, refs));
        captions.put(item.id(), String.join(" ", words));
        pooled.put(item.id(), meanPool(encoded.get(i)));
        if (request.shapes() != null && model.describesVideo()) {
          Clip clip = request.shapes().clips().get(item.id());
          if (clip != null) {
            judgedClips++;
            correctActions += judge.actionRight(out.get(i).caption(), clip) ? 1 : 0;
          }
        } else if (request.shapes() != null) {
          Scene scene = sceneOf(request.shapes(), item);
          if (scene != null) {
            ShapesJudge.Verdict v =
                judge.judge(out.get(i).caption(), out.get(i).attention(), scene);
            judged++;
            correct += v.correct() ? 1 : 0;
            namingWords += v.namingWords();
            hits += v.hits();
          }
        }
        for (List<String> r : refs) {
          refIds.add(vocabulary.encode(r));
          refRows.add(i);
        }
      }
      // Perplexity on the references: teacher forcing over every reference caption.
      INDArray rows =
          org.nd4j.linalg.factory.Nd4j.pullRows(
                  features.reshape(features.size(0), features.size(1) * features.size(2)),
                  1,
                  refRows.stream().mapToInt(Integer::intValue).toArray())
              .reshape(refRows.size(), features.size(1), features.size(2));
      AttentionDecoder.Loss loss =
          decoder.loss(params, DecoderBatch.of(rows, refIds, request.beam().maxWords()));
      nll += loss.crossEntropy() * loss.tokens();
      tokens += loss.tokens();
    }
    progress.progress("Captioning " + request.split().label(), items.size(), items.size());
    if (evalItems.isEmpty()) {
      throw new DatasetException(
          "None of the " + items.size() + " images could be decoded: " + skipped.get(0));
    }
    EvaluationReport report = CaptionMetrics.score(evalItems);
    Set<String> vocabularyUsed = new HashSet<>();
    evalItems.forEach(e -> vocabularyUsed.addAll(e.hypothesis()));

    Map<String, MetricScores> baselines = new LinkedHashMap<>();
    List<DatasetItem> train = request.dataset().split(Split.TRAIN);
    double novelty = Double.NaN;
    if (!train.isEmpty()) {
      List<String> trainCaptions = new ArrayList<>();
      train.forEach(t -> trainCaptions.addAll(t.captions()));
      Set<String> seen = new HashSet<>();
      for (List<String> t : tokenizer.tokenizeAll(trainCaptions)) {
        seen.add(String.join(" ", t));
      }
      novelty =
          evalItems.stream().filter(e -> !seen.contains(String.join(" ", e.hypothesis()))).count()
              / (double) evalItems.size();
      CaptionPriorBaseline prior =
          CaptionPriorBaseline.fit(trainCaptions, tokenizer::tokenizeToString);
      List<String> priorWords = List.of(prior.caption().split(" "));
      List<EvalItem> priorItems = new ArrayList<>();
      for (EvalItem e : evalItems) {
        priorItems.add(new EvalItem(e.imageId(), priorWords, e.references()));
      }
      baselines.put("captionPrior", CaptionMetrics.score(priorItems).corpus());
      if (request.neighbourPool() > 0 && !model.describesVideo()) {
        baselines.put(
            "nearestNeighbour",
            nearestNeighbour(
                model, request, train, evalItems, pooled, tokenizer, progress, cancel));
      }
    }
    return new Result(
        report,
        baselines,
        novelty,
        tokens == 0 ? Double.NaN : Math.exp(nll / tokens),
        vocabularyUsed.size(),
        captions,
        skipped,
        judged == 0 ? Double.NaN : correct / (double) judged,
        namingWords == 0 ? Double.NaN : hits / (double) namingWords,
        judgedClips == 0 ? Double.NaN : correctActions / (double) judgedClips);
  }

  /** The scene of a dataset item whose id is a ShapesWorld image id, or null. */
  private static Scene sceneOf(ShapesGroundTruth truth, DatasetItem item) {
    try {
      return truth.images().get(Integer.parseInt(item.id()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static MetricScores nearestNeighbour(
      LoadedModel model,
      Request request,
      List<DatasetItem> train,
      List<EvalItem> evalItems,
      Map<String, float[]> pooled,
      CaptionTokenizer tokenizer,
      ProgressListener progress,
      Cancellation cancel)
      throws CaptioningException {
    int pool = Math.min(train.size(), request.neighbourPool());
    List<float[]> vectors = new ArrayList<>();
    List<List<List<String>>> poolCaptions = new ArrayList<>();
    for (int from = 0; from < pool; from += BATCH) {
      if (cancel.isCancelled()) {
        throw new CaptioningException("Evaluation was cancelled.");
      }
      progress.progress("Encoding training images for the nearest-neighbour baseline", from, pool);
      for (DatasetItem item : train.subList(from, Math.min(pool, from + BATCH))) {
        try {
          EncodedImage e =
              model.encode(List.of(request.mediaRoot().resolve(item.mediaPath()))).get(0);
          vectors.add(meanPool(e));
          poolCaptions.add(tokenizer.tokenizeAll(item.captions()));
        } catch (CaptioningException e) {
          // a broken training image simply is not a neighbour
        }
      }
    }
    List<EvalItem> nnItems = new ArrayList<>();
    for (EvalItem e : evalItems) {
      float[] q = pooled.get(e.imageId());
      int[] nearest = nearest(q, vectors, NEIGHBOURS);
      List<List<String>> candidates = new ArrayList<>();
      for (int n : nearest) {
        candidates.addAll(poolCaptions.get(n));
      }
      nnItems.add(new EvalItem(e.imageId(), consensus(candidates), e.references()));
    }
    return CaptionMetrics.score(nnItems).corpus();
  }

  /** The candidate with the highest CIDEr-D against the other candidates. */
  static List<String> consensus(List<List<String>> candidates) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    List<EvalItem> items = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      List<List<String>> others = new ArrayList<>(candidates);
      others.remove(i);
      items.add(new EvalItem(String.valueOf(i), candidates.get(i), others));
    }
    EvaluationReport r = CaptionMetrics.score(items);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < r.perImage().size(); i++) {
      double s = r.perImage().get(i).scores().get(Metric.CIDER_D);
      if (s > bestScore) {
        bestScore = s;
        best = Integer.parseInt(r.perImage().get(i).imageId());
      }
    }
    return candidates.get(best);
  }

  private static int[] nearest(float[] q, List<float[]> vectors, int k) {
    int n = Math.min(k, vectors.size());
    int[] best = new int[n];
    double[] sims = new double[n];
    java.util.Arrays.fill(sims, Double.NEGATIVE_INFINITY);
    for (int v = 0; v < vectors.size(); v++) {
      double s = 0;
      float[] x = vectors.get(v);
      for (int i = 0; i < q.length; i++) {
        s += q[i] * x[i];
      }
      for (int j = 0; j < n; j++) {
        if (s > sims[j]) {
          System.arraycopy(sims, j, sims, j + 1, n - j - 1);
          System.arraycopy(best, j, best, j + 1, n - j - 1);
          sims[j] = s;
          best[j] = v;
          break;
        }
      }
    }
    return best;
  }

  /** The mean region vector, L2-normalised (for cosine similarity). */
  private static float[] meanPool(EncodedImage e) {
    int regions = e.cellBoxes().length / 4;
    int dim = e.regions().length / regions;
    float[] mean = new float[dim];
    for (int r = 0; r < regions; r++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += e.regions()[r * dim + d] / regions;
      }
    }
    double norm = 0;
    for (float v : mean) {
      norm += v * v;
    }
    float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
    for (int d = 0; d < dim; d++) {
      mean[d] *= inv;
    }
    return mean;
  }
}
