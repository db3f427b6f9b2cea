package org.captionstudio.benchmarks;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.captionstudio.core.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses BENCHMARKS =
      ArchitectureRules.mainClassesOf("org.captionstudio.benchmarks");

  @Test
  void onlyTheRunnerCliWritesToTheTerminal() {
    ArchitectureRules.onlyTheCliWritesToTheTerminal().check(BENCHMARKS);
  }

  @Test
  void benchmarksUseNoJavaFx() {
    ArchitectureRules.noJavaFx().check(BENCHMARKS);
  }
}
