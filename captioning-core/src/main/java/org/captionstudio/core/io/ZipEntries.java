package org.captionstudio.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zip entries as the project's model files store them: raw bytes, and flat float arrays as
 * little-endian IEEE binary32, back to back.
 */
public final class ZipEntries {
  private ZipEntries() {}

  /** Writes one entry holding {@code bytes}. */
  public static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Writes one entry holding the values of a flat array as little-endian floats. */
  public static void putFloats(ZipOutputStream zip, String name, INDArray flat) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    float[] values = flat.castTo(DataType.FLOAT).data().asFloat();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : values) {
      if (!chunk.hasRemaining()) {
        zip.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      chunk.putFloat(f);
    }
    zip.write(chunk.array(), 0, chunk.position());
    zip.closeEntry();
  }

  /** The floats of an entry written by {@link #putFloats}; its length must be a multiple of 4. */
  public static float[] floats(byte[] bytes) {
    float[] values = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
