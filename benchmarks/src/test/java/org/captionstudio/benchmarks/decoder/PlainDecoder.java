package org.captionstudio.benchmarks.decoder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoder's loss written straight from the equations (DESIGN.md, "The decoder"), in double
 * precision, one caption and one time step at a time, reading the parameters in {@link
 * DecoderParameters}' names and layouts: what {@link TorchAttentionDecoder} must compute.
 */
final class PlainDecoder {
  private PlainDecoder() {}

  /** The parameters widened to double. */
  static Map<String, double[]> widen(Map<String, float[]> values) {
    Map<String, double[]> wide = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          double[] copy = new double[value.length];
          for (int i = 0; i < value.length; i++) {
            copy[i] = value[i];
          }
          wide.put(name, copy);
        });
    return wide;
  }

  /** The loss without dropout: mean cross-entropy over the valid tokens, plus the penalty. */
  static double loss(
      TorchAttentionDecoder.Config config, Map<String, double[]> p, DecoderBatch batch) {
    int bs = batch.batchSize();
    int steps = batch.steps();
    int regions = batch.regions();
    int d = batch.featureSize();
    int e = config.embeddingSize();
    int n = config.hiddenSize();
    int a = config.attentionSize();
    int vocabulary = config.vocabulary();
    int layers = config.layers();
    float[] features = batch.features();
    int[] inputs = batch.inputs();
    int[] targets = batch.targets();
    int[] lengths = batch.lengths();
    double[] embedding = p.get("embedding");
    double[] wv = p.get("att.Wv");
    double[] bv = p.get("att.bv");
    double[] wg = p.get("att.Wg");
    double[] wa = p.get("att.wa");
    double[] wo = p.get("out.Wo");
    double[] bo = p.get("out.bo");
    double[] wp = p.get("out.Wp");
    double[] bp = p.get("out.bp");

    double crossEntropy = 0;
    int tokens = 0;
    double penalty = 0;
    for (int b = 0; b < bs; b++) {
      double[][] v = new double[regions][d];
      double[] mean = new double[d];
      for (int i = 0; i < regions; i++) {
        for (int k = 0; k < d; k++) {
          v[i][k] = features[(b * regions + i) * d + k];
          mean[k] += v[i][k] / regions;
        }
      }
      double[][] h = new double[layers][n];
      double[][] c = new double[layers][n];
      for (int l = 0; l < layers; l++) {
        double[] hw = p.get("init" + l + ".hW");
        double[] hb = p.get("init" + l + ".hb");
        double[] cw = p.get("init" + l + ".cW");
        double[] cb = p.get("init" + l + ".cb");
        for (int j = 0; j < n; j++) {
          double hs = hb[j];
          double cs = cb[j];
          for (int k = 0; k < d; k++) {
            hs += mean[k] * hw[k * n + j];
            cs += mean[k] * cw[k * n + j];
          }
          h[l][j] = Math.tanh(hs);
          c[l][j] = Math.tanh(cs);
        }
      }
      double[] coverage = new double[regions];
      for (int t = 0; t < lengths[b]; t++) {
        int word = inputs[b * steps + t];
        double[] x = new double[e];
        System.arraycopy(embedding, word * e, x, 0, e);
        for (int l = 0; l < layers; l++) {
          double[] wx = p.get("layer" + l + ".Wx");
          double[] wh = p.get("layer" + l + ".Wh");
          double[] bias = p.get("layer" + l + ".b");
          double[] gates = new double[4 * n];
          for (int j = 0; j < 4 * n; j++) {
            double sum = bias[j];
            for (int k = 0; k < x.length; k++) {
              sum += x[k] * wx[k * 4 * n + j];
            }
            for (int k = 0; k < n; k++) {
              sum += h[l][k] * wh[k * 4 * n + j];
            }
            gates[j] = sum;
          }
          for (int j = 0; j < n; j++) {
            double input = sigmoid(gates[j]);
            double forget = sigmoid(gates[n + j]);
            double candidate = Math.tanh(gates[2 * n + j]);
            double output = sigmoid(gates[3 * n + j]);
            c[l][j] = forget * c[l][j] + input * candidate;
            h[l][j] = output * Math.tanh(c[l][j]);
          }
          x = h[l].clone();
        }
        double[] top = h[layers - 1];

        double[] scores = new double[regions];
        for (int i = 0; i < regions; i++) {
          for (int j = 0; j < a; j++) {
            double sum = bv[j];
            for (int k = 0; k < d; k++) {
              sum += v[i][k] * wv[k * a + j];
            }
            for (int k = 0; k < n; k++) {
              sum += top[k] * wg[k * a + j];
            }
            scores[i] += Math.tanh(sum) * wa[j];
          }
        }
        double[] alpha = softmax(scores);
        double[] context = new double[d];
        for (int i = 0; i < regions; i++) {
          coverage[i] += alpha[i];
          for (int k = 0; k < d; k++) {
            context[k] += alpha[i] * v[i][k];
          }
        }

        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
          double sum = bo[j];
          for (int k = 0; k < n; k++) {
            sum += top[k] * wo[k * n + j];
          }
          for (int k = 0; k < d; k++) {
            sum += context[k] * wo[(n + k) * n + j];
          }
          out[j] = Math.tanh(sum);
        }
        double[] logits = new double[vocabulary];
        for (int w = 0; w < vocabulary; w++) {
          double sum = bp[w];
          for (int k = 0; k < n; k++) {
            sum += out[k] * wp[k * vocabulary + w];
          }
          logits[w] = sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
          max = Math.max(max, logit);
        }
        double sumExp = 0;
        for (double logit : logits) {
          sumExp += Math.exp(logit - max);
        }
        crossEntropy += max + Math.log(sumExp) - logits[targets[b * steps + t]];
        tokens++;
      }
      for (int i = 0; i < regions; i++) {
        penalty += (1 - coverage[i]) * (1 - coverage[i]);
      }
    }
    return crossEntropy / tokens + config.attentionPenalty() * penalty / bs;
  }

  /** Central finite differences of {@link #loss} for every parameter value. */
  static Map<String, double[]> gradient(
      TorchAttentionDecoder.Config config, Map<String, double[]> p, DecoderBatch batch) {
    double step = 1e-6;
    Map<String, double[]> gradient = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> entry : p.entrySet()) {
      double[] value = entry.getValue();
      double[] g = new double[value.length];
      for (int i = 0; i < value.length; i++) {
        double original = value[i];
        value[i] = original + step;
        double up = loss(config, p, batch);
        value[i] = original - step;
        double down = loss(config, p, batch);
        value[i] = original;
        g[i] = (up - down) / (2 * step);
      }
      gradient.put(entry.getKey(), g);
    }
    return gradient;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double[] softmax(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : x) {
      max = Math.max(max, value);
    }
    double sum = 0;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(x[i] - max);
      sum += y[i];
    }
    for (int i = 0; i < x.length; i++) {
      y[i] /= sum;
    }
    return y;
  }
}
