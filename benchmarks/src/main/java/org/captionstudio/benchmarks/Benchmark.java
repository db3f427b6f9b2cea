package org.captionstudio.benchmarks;

import java.util.Optional;

/** One benchmark of the stable contract (DESIGN.md, Benchmarks). */
public interface Benchmark {

  /** The name {@code run.sh} takes, e.g. "evaluate-speed". */
  String name();

  /** One line on what is measured, with the shapes. */
  String description();

  /**
   * Builds the inputs (not timed) and returns what to time.
   *
   * @return the timed operations; the reference is empty where none exists
   */
  Contestants prepare() throws Exception;

  /**
   * What is timed.
   *
   * @param ours one iteration of our implementation
   * @param reference one iteration of the reference on the same inputs, if there is one
   */
  record Contestants(Operation ours, Optional<Operation> reference) {}

  /** One timed iteration. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }
}
