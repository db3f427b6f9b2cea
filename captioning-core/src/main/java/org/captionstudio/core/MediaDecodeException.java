package org.captionstudio.core;

/** An image or video that cannot be decoded; the message names the file and why. */
public class MediaDecodeException extends CaptioningException {
  private static final long serialVersionUID = 1L;

  public MediaDecodeException(String message) {
    super(message);
  }

  public MediaDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
