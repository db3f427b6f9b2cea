package org.captionstudio.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaLibrariesTest {

  @Test
  void theBuildLoadsFfmpeg5AndOpenCv455AsDl4jExpects() {
    // DL4J M2.1 is built against JavaCPP 1.5.7; a drifted org.bytedeco version breaks at run time.
    MediaLibraries media = MediaLibraries.probe();

    assertEquals("5.0", media.ffmpegVersion().substring(0, 3), media.ffmpegVersion());
    assertEquals("4.5.5", media.opencvVersion());
  }
}
