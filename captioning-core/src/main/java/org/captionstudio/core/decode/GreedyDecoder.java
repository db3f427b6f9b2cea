package org.captionstudio.core.decode;

import java.util.List;
import org.captionstudio.core.model.AttentionDecoder;
import org.captionstudio.core.model.DecoderParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Greedy decoding: the most probable word at each step, all images as one batch. */
public final class GreedyDecoder {
  private final AttentionDecoder decoder;
  private final DecoderParameters parameters;

  public GreedyDecoder(AttentionDecoder decoder, DecoderParameters parameters) {
    this.decoder = decoder;
    this.parameters = parameters;
  }

  /** One caption per image of {@code features [I, L, D]}, at most {@code maxWords} words. */
  public List<Hypothesis> decode(INDArray features, int maxWords) {
    return PathDecoder.decode(
        decoder,
        parameters,
        features,
        maxWords,
        (image, logP, offset, vocabulary) -> {
          int best = -1;
          for (int w = 0; w < vocabulary; w++) {
            if (PathDecoder.generable(w) && (best < 0 || logP[offset + w] > logP[offset + best])) {
              best = w;
            }
          }
          return best;
        });
  }
}
