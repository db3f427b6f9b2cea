package org.captionstudio.core.model;

/**
 * The time structure of a packed, time-major batch of sequences, which is all a {@link
 * RecurrentLayer} needs to know: the rows still running at step t are a prefix {@code [0,
 * batchSize(t))}, and their tokens are the rows {@code [offset(t), offset(t) + batchSize(t))} of
 * every per-token array.
 */
interface PackedSteps {
  /** B: the sequences. */
  int rows();

  /** The steps of the longest sequence. */
  int steps();

  /** All tokens: the sum of the sequences' lengths. */
  int tokens();

  /** The rows still running at step t. */
  int batchSize(int t);

  /** Where step t's tokens start. */
  int offset(int t);

  /**
   * {@code rows} sequences of {@code steps} steps each (a batch of video clips of F frames): step
   * t's tokens are {@code [t·rows, (t + 1)·rows)}.
   */
  static PackedSteps uniform(int rows, int steps) {
    return new PackedSteps() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int steps() {
        return steps;
      }

      @Override
      public int tokens() {
        return rows * steps;
      }

      @Override
      public int batchSize(int t) {
        return rows;
      }

      @Override
      public int offset(int t) {
        return t * rows;
      }
    };
  }
}
