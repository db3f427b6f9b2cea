package org.captionstudio.vision.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Adler32;

/** Adler32, the checksum the DL4J zoo publishes for its weight files. */
final class Checksums {
  private Checksums() {}

  static long adler32(Path file) throws IOException {
    Adler32 adler = new Adler32();
    try (InputStream in = Files.newInputStream(file)) {
      update(adler, in);
    }
    return adler.getValue();
  }

  static void update(Adler32 adler, InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      adler.update(buffer, 0, n);
    }
  }
}
