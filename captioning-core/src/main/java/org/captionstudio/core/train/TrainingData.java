package org.captionstudio.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetItem;
import org.captionstudio.core.data.Split;
import org.captionstudio.core.features.FeatureStore;
import org.captionstudio.core.text.CaptionTokenizer;
import org.captionstudio.core.text.Vocabulary;

/**
 * A dataset joined to its feature store: the training captions as word ids, and the validation
 * images with their tokenized references.
 */
public final class TrainingData {

  /** One training caption: the store row of its image and its word ids. */
  public record Pair(int feature, int[] words) {}

  /** One validation image: its id, store row and tokenized references. */
  public record Reference(String id, int feature, List<List<String>> references) {}

  private final FeatureStore store;
  private final Vocabulary vocabulary;
  private final List<Pair> train;
  private final List<Pair> validationCaptions;
  private final List<Reference> validation;
  private final List<List<String>> trainingTokens;

  private TrainingData(
      FeatureStore store,
      Vocabulary vocabulary,
      List<Pair> train,
      List<Pair> validationCaptions,
      List<Reference> validation,
      List<List<String>> trainingTokens) {
    this.store = store;
    this.vocabulary = vocabulary;
    this.train = List.copyOf(train);
    this.validationCaptions = List.copyOf(validationCaptions);
    this.validation = List.copyOf(validation);
    this.trainingTokens = trainingTokens;
  }

  /**
   * Joins a dataset to a store.
   *
   * @param vocabulary the words to use, or null to build one from the training captions
   * @param minCount the minimum count for a word when building the vocabulary
   */
  public static TrainingData of(
      Dataset dataset, FeatureStore store, Vocabulary vocabulary, int minCount)
      throws DatasetException {
    CaptionTokenizer tokenizer = new CaptionTokenizer();
    Map<Split, List<DatasetItem>> bySplit =
        Map.of(
            Split.TRAIN, dataset.split(Split.TRAIN),
            Split.VAL, dataset.split(Split.VAL));
    List<List<String>> trainTokens = new ArrayList<>();
    List<Integer> trainFeatures = new ArrayList<>();
    for (DatasetItem item : bySplit.get(Split.TRAIN)) {
      int feature = featureOf(store, item);
      for (List<String> tokens : tokenizer.tokenizeAll(item.captions())) {
        trainTokens.add(tokens);
        trainFeatures.add(feature);
      }
    }
    if (trainTokens.isEmpty()) {
      throw new DatasetException("The dataset has no training captions to learn from.");
    }
    Vocabulary words = vocabulary != null ? vocabulary : Vocabulary.build(trainTokens, minCount);
    List<Pair> train = new ArrayList<>();
    for (int i = 0; i < trainTokens.size(); i++) {
      train.add(new Pair(trainFeatures.get(i), words.encode(trainTokens.get(i))));
    }
    List<Reference> validation = new ArrayList<>();
    List<Pair> validationCaptions = new ArrayList<>();
    for (DatasetItem item : bySplit.get(Split.VAL)) {
      int feature = featureOf(store, item);
      List<List<String>> refs = tokenizer.tokenizeAll(item.captions());
      validation.add(new Reference(item.id(), feature, refs));
      for (List<String> r : refs) {
        validationCaptions.add(new Pair(feature, words.encode(r)));
      }
    }
    return new TrainingData(store, words, train, validationCaptions, validation, trainTokens);
  }

  private static int featureOf(FeatureStore store, DatasetItem item) throws DatasetException {
    int index = store.indexOf(item.id());
    if (index < 0) {
      throw new DatasetException(
          "The feature store has no features for "
              + item.id()
              + "; extract features for the whole dataset first.");
    }
    return index;
  }

  public FeatureStore store() {
    return store;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public List<Pair> train() {
    return train;
  }

  public List<Pair> validationCaptions() {
    return validationCaptions;
  }

  public List<Reference> validation() {
    return validation;
  }

  /** The tokenized training captions, for novelty and the caption-prior baseline. */
  public List<List<String>> trainingTokens() {
    return trainingTokens;
  }
}
