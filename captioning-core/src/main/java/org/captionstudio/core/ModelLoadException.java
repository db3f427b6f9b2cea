package org.captionstudio.core;

/** A model, bundle or weights file that cannot be loaded; the message says which and why. */
public class ModelLoadException extends CaptioningException {
  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
