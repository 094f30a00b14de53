package dev.evals.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.SuiteCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped suites' deterministic checks catch at least 90% of every structural defect class,
 * with their case rules and without them: the power comes from the general validators.
 */
class MutationRunTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final double FLOOR = 0.9;

  @ParameterizedTest
  @ValueSource(strings = {"flow", "script", "global"})
  void theShippedSuiteCatchesEveryStructuralClassAboveTheFloor(String modeName) {
    Mode mode = Modes.builtIn().get(modeName);

    MutationReport report =
        MutationRun.run(modeName, SuiteCases.prepare(PROJECT, mode, List.of()), Set.of(), FLOOR);

    assertFloor(report);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flow", "script"})
  void theShippedSuiteCatchesAsMuchWithItsValidateBlocksEmptied(String modeName) {
    Mode mode = Modes.builtIn().get(modeName);
    Fixtures fixtures = new Fixtures(PROJECT);
    List<PreparedCase> cases =
        new CaseLoader(PROJECT)
            .load(modeName, mode.validateRuleNames()).stream()
                .map(MutationRunTest::withoutValidate)
                .map(definition -> mode.prepare(definition, fixtures))
                .toList();

    MutationReport report = MutationRun.run(modeName, cases, Set.of(), FLOOR);

    assertFloor(report);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flow", "script", "global"})
  void semanticDefectsAreReportedApartWithTheirSurvivors(String modeName) {
    Mode mode = Modes.builtIn().get(modeName);

    MutationReport report =
        MutationRun.run(
            modeName, SuiteCases.prepare(PROJECT, mode, List.of()), Set.of("semantic"), FLOOR);

    assertThat(report.classes())
        .singleElement()
        .satisfies(c -> assertThat(c.structural()).isFalse());
    assertThat(report.classes().get(0).survivors())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.description()).contains("one higher"));
    assertThat(report.structuralMade()).isZero();
    assertThat(report.meetsFloor()).isTrue();
  }

  private static void assertFloor(MutationReport report) {
    assertThat(report.failingControls()).isEmpty();
    assertThat(report.skipped()).isEmpty();
    assertThat(report.structuralMade()).isGreaterThan(50);
    assertThat(report.classesBelowFloor())
        .as(
            "survivors: %s",
            report.classes().stream()
                .filter(MutationReport.ClassTally::structural)
                .flatMap(c -> c.survivors().stream())
                .toList())
        .isEmpty();
    assertThat(report.classes())
        .filteredOn(MutationReport.ClassTally::structural)
        .allSatisfy(c -> assertThat(c.catchRate()).as(c.name()).isGreaterThanOrEqualTo(FLOOR));
  }

  private static CaseDefinition withoutValidate(CaseDefinition d) {
    return new CaseDefinition(
        d.id(),
        d.prompt(),
        new CaseDefinition.Fixtures(d.initial(), d.expected()),
        new CaseDefinition.Expectations(
            JsonNodeFactory.instance.objectNode(), d.toolExpect(), d.cliExpect()),
        new CaseDefinition.Judging(d.judgeChecklist(), d.skipJudge()),
        d.runtime(),
        d.tags(),
        d.source());
  }
}
