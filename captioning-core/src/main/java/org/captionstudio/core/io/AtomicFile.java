package org.captionstudio.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash, a full disk or an exception leaves either the old file or the new
 * one, never a mix: the content goes to a temporary file beside it, is forced to disk, and replaces
 * the target by an atomic rename; the folder is then forced too. On failure the temporary file is
 * removed and the target is untouched. The new file gets the permissions of the file it replaces,
 * or rw-r--r-- for a new one (a temporary file alone would be readable by its owner only).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    boolean moved = false;
    try {
      permissions(temp, target);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void permissions(Path temp, Path target) throws IOException {
    if (Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class)
        == null) {
      return;
    }
    Files.setPosixFilePermissions(
        temp,
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Forces a folder's entries to disk where the platform allows it (Linux does). */
  public static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a folder for reading; the rename is still atomic there.
    }
  }
}
