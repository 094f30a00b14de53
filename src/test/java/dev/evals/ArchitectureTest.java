package dev.evals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the dependencies pointing inward: cli → suite → run → modes/judge → agent → model. */
@AnalyzeClasses(packages = "dev.evals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheCliImportsPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.evals.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule nothingButMainDependsOnTheCli =
      classes()
          .that()
          .resideInAPackage("dev.evals.cli..")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage("dev.evals.cli..", "dev.evals");

  @ArchTest
  static final ArchRule theModelLayerKnowsNothingAboveIt =
      noClasses()
          .that()
          .resideInAPackage("dev.evals.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.evals.agent..",
              "dev.evals.modes..",
              "dev.evals.judge..",
              "dev.evals.run..",
              "dev.evals.report..",
              "dev.evals.suite..",
              "dev.evals.cases..");

  @ArchTest
  static final ArchRule theJudgeDependsOnlyOnModelsAndChecks =
      noClasses()
          .that()
          .resideInAPackage("dev.evals.judge..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.evals.agent..",
              "dev.evals.modes..",
              "dev.evals.run..",
              "dev.evals.report..",
              "dev.evals.suite..",
              "dev.evals.cases..");

  @ArchTest
  static final ArchRule modesDoNotKnowHowTheyAreRun =
      noClasses()
          .that()
          .resideInAPackage("dev.evals.modes..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.evals.run..", "dev.evals.report..", "dev.evals.suite..", "dev.evals.judge..");

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("dev.evals.(*)..").should().beFreeOfCycles();
}
