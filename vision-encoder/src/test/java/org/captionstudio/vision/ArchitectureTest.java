package org.captionstudio.vision;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.captionstudio.core.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses VISION =
      ArchitectureRules.mainClassesOf("org.captionstudio.vision");

  @Test
  void visionEncoderUsesNoJavaFx() {
    ArchitectureRules.noJavaFx().check(VISION);
  }

  @Test
  void visionEncoderDoesNotReachTheApp() {
    ArchitectureRules.noDependencyOn("org.captionstudio.app..").check(VISION);
  }

  @Test
  void visionEncoderNeverWritesToTheTerminal() {
    ArchitectureRules.onlyTheCliWritesToTheTerminal().check(VISION);
  }
}
