package org.captionstudio.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws Exception {
    Path fresh = dir.resolve("fresh.csv");
    AtomicFile.write(fresh, out -> out.write(1));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

    Path secret = Files.writeString(dir.resolve("secret.csv"), "old");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    AtomicFile.write(secret, out -> out.write(2));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    assertArrayEquals(new byte[] {2}, Files.readAllBytes(secret));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path file = Files.writeString(dir.resolve("keep.txt"), "old");
    assertThrows(
        IOException.class,
        () ->
            AtomicFile.write(
                file,
                out -> {
                  out.write(new byte[100]);
                  throw new IOException("disk full");
                }));
    assertEquals("old", Files.readString(file));
    try (var list = Files.list(dir)) {
      assertEquals(1, list.count(), "no .part file left behind");
    }
  }
}
