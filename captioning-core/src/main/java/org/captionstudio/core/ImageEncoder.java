package org.captionstudio.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The contract between the core and the CNNs of the vision encoder: images in, region feature grids
 * out. Implementations hold native resources and are closed after use.
 */
public interface ImageEncoder extends AutoCloseable {

  /** The grid and feature size this encoder produces. */
  EncoderInfo info();

  /**
   * Encodes a batch of image files.
   *
   * @throws MediaDecodeException when a file cannot be decoded; the message names it
   */
  List<EncodedImage> encode(List<Path> images) throws CaptioningException;

  @Override
  void close();
}
