package org.captionstudio.vision.shapes;

/**
 * Hears how far a long job has got. Called on the job's own thread; a GUI adapts it with {@code
 * Platform.runLater}.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * {@code done} of {@code total} items of {@code stage} are finished.
   *
   * @param stage what is being done, e.g. "images"
   * @param done items finished so far
   * @param total items in this stage
   */
  void progress(String stage, long done, long total);
}
