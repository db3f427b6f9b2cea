package org.captionstudio.core;

/** A dataset, annotation or results file that cannot be used; the message names the file. */
public class DatasetException extends CaptioningException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
