package org.captionstudio.core.features;

import org.captionstudio.core.CaptioningException;

/**
 * A feature store that cannot be opened, resumed or written: missing, damaged, made with other
 * settings, or on a failing disk. The message is one sentence naming the store's file and the
 * problem.
 */
public class FeatureStoreException extends CaptioningException {
  private static final long serialVersionUID = 1L;

  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
