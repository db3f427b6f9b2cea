package org.captionstudio.core;

/**
 * The checked root of every failure a user can cause: bad files, unusable datasets, broken models.
 * Its message is one plain sentence fit to show as it is; the cause carries the details.
 */
public class CaptioningException extends Exception {
  private static final long serialVersionUID = 1L;

  public CaptioningException(String message) {
    super(message);
  }

  public CaptioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
