package org.captionstudio.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph of DESIGN.md as ArchUnit rules: app → vision-encoder → captioning-core, no
 * JavaFX outside the app, no JavaCV in the core, and only the CLI writes to the terminal. Each
 * module's {@code ArchitectureTest} checks the rules that concern it against its own classes.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The main (non-test) classes under {@code org.captionstudio.<module>}. */
  public static JavaClasses mainClassesOf(String modulePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(modulePackage);
  }

  /** JavaFX belongs to the app alone. */
  public static ArchRule noJavaFx() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "com.sun.javafx..")
        .because("only the app module may use JavaFX (DESIGN.md, Modules)");
  }

  /** Pixels, JavaCV and the zoo belong to the vision encoder and the app. */
  public static ArchRule noJavaCv() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bytedeco..", "org.deeplearning4j.zoo..", "java.awt..")
        .because("the core knows nothing of pixels, JavaCV or the zoo (DESIGN.md, Modules)");
  }

  /** Dependencies point one way: nothing may reach a module listed here. */
  public static ArchRule noDependencyOn(String... modulePackages) {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(modulePackages)
        .because("modules depend one way: app -> vision-encoder -> captioning-core");
  }

  /** Only the CLI ({@code ..cli..}) may write to stdout or stderr; everything else logs. */
  public static ArchRule onlyTheCliWritesToTheTerminal() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("..cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .because("output for users goes through the CLI; everything else logs through SLF4J");
  }
}
