package org.captionstudio.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.captionstudio.core.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses APP = ArchitectureRules.mainClassesOf("org.captionstudio.app");

  @Test
  void onlyTheCliWritesToTheTerminal() {
    ArchitectureRules.onlyTheCliWritesToTheTerminal().check(APP);
  }
}
