package dev.evals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the dependencies pointing inward: cli → suite → report → run → backend → modes → judge →
 * agent → validate → cases → model, with config, files, json and naming beneath them all.
 */
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

  /**
   * Every package in one layer, each layer used only from above. The support packages (config,
   * files, input, json, naming) are used from anywhere and use nothing of ours but each other.
   */
  @ArchTest
  static final ArchRule everyPackageSitsInALayerAndPointsInward =
      layeredArchitecture()
          .consideringOnlyDependenciesInAnyPackage("dev.evals..")
          .layer("Main")
          .definedBy("dev.evals")
          .layer("Cli")
          .definedBy("dev.evals.cli..")
          .layer("Suite")
          .definedBy("dev.evals.suite..", "dev.evals.mutation..")
          .layer("Report")
          .definedBy("dev.evals.report..")
          .layer("Run")
          .definedBy("dev.evals.run..")
          .layer("Backend")
          .definedBy("dev.evals.backend..")
          .layer("Modes")
          .definedBy("dev.evals.modes..")
          .layer("Datatable")
          .definedBy("dev.evals.datatable..")
          .layer("Judge")
          .definedBy("dev.evals.judge..")
          .layer("Agent")
          .definedBy("dev.evals.agent..")
          .layer("Validate")
          .definedBy("dev.evals.validate..")
          .layer("Cases")
          .definedBy("dev.evals.cases..")
          .layer("Model")
          .definedBy("dev.evals.model..")
          .layer("Support")
          .definedBy(
              "dev.evals.config..",
              "dev.evals.files..",
              "dev.evals.input..",
              "dev.evals.json..",
              "dev.evals.naming..")
          .whereLayer("Main")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Cli")
          .mayOnlyBeAccessedByLayers("Main")
          .whereLayer("Suite")
          .mayOnlyBeAccessedByLayers("Cli")
          .whereLayer("Report")
          .mayOnlyBeAccessedByLayers("Cli", "Suite")
          .whereLayer("Run")
          .mayOnlyBeAccessedByLayers("Cli", "Suite", "Report")
          .whereLayer("Backend")
          .mayOnlyBeAccessedByLayers("Cli", "Suite")
          .whereLayer("Modes")
          .mayOnlyBeAccessedByLayers("Cli", "Suite", "Run", "Backend")
          .whereLayer("Datatable")
          .mayOnlyBeAccessedByLayers("Suite", "Run", "Modes")
          .whereLayer("Judge")
          .mayOnlyBeAccessedByLayers("Cli", "Suite", "Run")
          .whereLayer("Agent")
          .mayOnlyBeAccessedByLayers("Suite", "Run", "Modes", "Datatable")
          .whereLayer("Validate")
          .mayOnlyBeAccessedByLayers("Suite", "Report", "Run", "Modes", "Datatable", "Judge")
          .whereLayer("Cases")
          .mayOnlyBeAccessedByLayers("Cli", "Suite", "Run", "Backend", "Modes")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers(
              "Cli", "Suite", "Report", "Run", "Backend", "Modes", "Datatable", "Judge", "Agent")
          .whereLayer("Support")
          .mayOnlyAccessLayers("Support");

  /** No cycle between packages at any depth ({@code modes} and {@code modes.flow} count as two). */
  @ArchTest
  static final ArchRule packagesHaveNoCyclesAtAnyDepth =
      slices().matching("dev.evals.(**)").should().beFreeOfCycles();
}
