package org.captionstudio.core;

/**
 * Progress of a long job, reported from the thread doing the work. The GUI adapts it onto the FX
 * thread; the CLI prints it.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * @param stage what is being done, e.g. "Downloading resnet50_dl4j_inference.v3.zip"
   * @param done units done so far
   * @param total units in all, or -1 when unknown
   */
  void progress(String stage, long done, long total);
}
