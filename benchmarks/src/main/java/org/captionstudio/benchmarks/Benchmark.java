package org.captionstudio.benchmarks;

import java.util.List;
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
   * @return the timed cases, the headline last; closed when the run is over
   */
  Prepared prepare() throws Exception;

  /**
   * What one run times.
   *
   * @param cases the measurements in the order they are run and reported; the last is the headline,
   *     whose medians make the {@code RESULT} line
   * @param setup lines on how both sides were set up (threads, native builds, …), reported first
   * @param resources what to release when the run is over (native models, managers)
   */
  record Prepared(List<Contestants> cases, List<String> setup, AutoCloseable resources)
      implements AutoCloseable {
    public Prepared {
      if (cases.isEmpty()) {
        throw new IllegalArgumentException("cases must not be empty");
      }
      cases = List.copyOf(cases);
      setup = List.copyOf(setup);
    }

    /** One case, nothing to report on the setup, nothing to release. */
    public static Prepared of(Contestants headline) {
      return new Prepared(List.of(headline), List.of(), () -> {});
    }

    /** The case the {@code RESULT} line reports. */
    public Contestants headline() {
      return cases.get(cases.size() - 1);
    }

    @Override
    public void close() throws Exception {
      resources.close();
    }
  }

  /**
   * One measurement: ours, and the reference on the same inputs.
   *
   * @param label what this case measures, e.g. "batch 16, to the output"; empty for a single case
   * @param itemsPerIteration how many items (images, captions) one iteration processes; times are
   *     reported per item
   * @param stepsPerIteration how many sequential steps (e.g. decoding steps) one iteration runs;
   *     above 1 the median iteration divided by it is reported as the time per step
   * @param ours one iteration of our implementation
   * @param reference one iteration of the reference on the same inputs, if there is one
   */
  record Contestants(
      String label,
      int itemsPerIteration,
      int stepsPerIteration,
      Operation ours,
      Optional<Operation> reference) {
    public Contestants {
      if (itemsPerIteration < 1) {
        throw new IllegalArgumentException(
            "itemsPerIteration must be >= 1, got " + itemsPerIteration);
      }
      if (stepsPerIteration < 1) {
        throw new IllegalArgumentException(
            "stepsPerIteration must be >= 1, got " + stepsPerIteration);
      }
    }

    /** A case whose iterations are not made of steps worth reporting. */
    public Contestants(
        String label, int itemsPerIteration, Operation ours, Optional<Operation> reference) {
      this(label, itemsPerIteration, 1, ours, reference);
    }

    /** A single unlabelled case timed per iteration. */
    public Contestants(Operation ours, Optional<Operation> reference) {
      this("", 1, ours, reference);
    }
  }

  /** One timed iteration. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }
}
