package org.captionstudio.vision.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;

/**
 * A video file as FFmpeg reads it through JavaCV: seekable (mark at the start, reset and skip move
 * the file position) and guarded: once the guard trips, every read reports the end of the file, so
 * FFmpeg stops at its next read whatever it was doing.
 *
 * <p>Nothing here throws: JavaCV prints exceptions from its read and seek callbacks to stderr, so
 * failures become an end of file, and {@link #failure()} keeps a read error for the message.
 */
final class GuardedInput extends InputStream {
  private final FileChannel channel;
  private final DecodeGuard guard;
  private long mark;
  private volatile IOException failure;

  GuardedInput(FileChannel channel, DecodeGuard guard) {
    this.channel = channel;
    this.guard = guard;
  }

  /** The read error that ended the input early, or null. */
  IOException failure() {
    return failure;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (guard.stopped()) {
      return -1;
    }
    try {
      return channel.read(ByteBuffer.wrap(buffer, offset, length));
    } catch (ClosedByInterruptException e) {
      guard.interrupted();
      return -1;
    } catch (IOException e) {
      if (!guard.stopped()) {
        failure = e;
      }
      return -1;
    }
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public synchronized void mark(int readLimit) {
    try {
      mark = channel.position();
    } catch (IOException e) {
      mark = 0;
    }
  }

  @Override
  public synchronized void reset() {
    try {
      channel.position(mark);
    } catch (IOException e) {
      // a closed file: the next read reports its end
    }
  }

  /** Moves forward up to {@code n} bytes, stopping at the end of the file; never blocks. */
  @Override
  public long skip(long n) {
    try {
      long position = channel.position();
      long size = channel.size();
      long to = n <= 0 ? position : n >= size - position ? Math.max(position, size) : position + n;
      channel.position(to);
      return to - position;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public int available() {
    try {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
