package org.captionstudio.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CORE = ArchitectureRules.mainClassesOf("org.captionstudio.core");

  @Test
  void coreUsesNoJavaFx() {
    ArchitectureRules.noJavaFx().check(CORE);
  }

  @Test
  void coreUsesNoJavaCvNoZooAndNoPixels() {
    ArchitectureRules.noJavaCv().check(CORE);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    ArchitectureRules.noDependencyOn("org.captionstudio.vision..", "org.captionstudio.app..")
        .check(CORE);
  }

  @Test
  void coreNeverWritesToTheTerminal() {
    ArchitectureRules.onlyTheCliWritesToTheTerminal().check(CORE);
  }
}
