package org.captionstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GuiLauncherTest {

  @Test
  void aMissingNativeLibrarySaysWhichPackagesToInstall() {
    RuntimeException failure =
        new RuntimeException(
            "Exception in Application start method",
            new UnsatisfiedLinkError("libgtk-3.so.0: cannot open shared object file"));

    assertEquals(GuiLauncher.MISSING_LIBRARIES, GuiLauncher.explain(failure));
  }

  @Test
  void noRenderingPipelineIsAMissingLibraryToo() {
    RuntimeException failure =
        new RuntimeException(
            new RuntimeException("Error initializing QuantumRenderer: no suitable pipeline found"));

    assertEquals(GuiLauncher.MISSING_LIBRARIES, GuiLauncher.explain(failure));
  }

  @Test
  void anyOtherFailureIsOneSentenceWithItsMessage() {
    assertEquals(
        "The window could not open: boom", GuiLauncher.explain(new IllegalStateException("boom")));
  }
}
