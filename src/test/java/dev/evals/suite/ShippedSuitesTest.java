package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.CaseRuntime;
import dev.evals.cli.EvalsCli;
import dev.evals.json.Mappers;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.report.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case shipped in cases/ has a complete reference solution that passes its own checks, and a
 * reference run scores every attempt: none drops out of the pass rate as a missing or incomplete
 * reference.
 */
class ShippedSuitesTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path workDir;

  static List<String> shippedModes() {
    CaseLoader loader = new CaseLoader(PROJECT);
    return Modes.builtIn().all().stream().map(Mode::name).filter(loader::hasCases).toList();
  }

  @ParameterizedTest
  @MethodSource("shippedModes")
  void everyShippedCaseHasACompleteReference(String modeName) {
    Mode mode = Modes.builtIn().get(modeName);

    List<PreparedCase> cases = SuiteCases.prepare(PROJECT, mode, List.of());

    assertThat(cases).isNotEmpty();
    assertThat(cases)
        .allSatisfy(
            prepared -> {
              assertThat(prepared.referenceIsComplete()).as(prepared.definition().id()).isTrue();
              assertThat(prepared.definition().judgeChecklist())
                  .as(prepared.definition().id())
                  .isNotEmpty();
              CaseRuntime.BackendPreview preview = prepared.definition().runtime().backendPreview();
              if (preview != null) {
                assertThat(preview.expect())
                    .as(prepared.definition().id() + ": runtime.backendPreview.expect")
                    .isNotNull();
              }
            });
  }

  @ParameterizedTest
  @MethodSource("shippedModes")
  void theReferenceModelPassesEveryShippedCase(String mode) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        EvalsCli.run(
            new String[] {
              "run",
              mode,
              "--model",
              "reference",
              "--cases-dir",
              PROJECT.toString(),
              "--output",
              "run.json"
            },
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            workDir,
            Clock.systemUTC(),
            Terminal.NONE);

    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = Mappers.json().readTree(workDir.resolve("run.json").toFile());
    assertThat(summary.get("passRate").asDouble()).as(out.toString()).isEqualTo(1.0);
    assertThat(summary.get("attemptCount").asInt()).isEqualTo(summary.get("caseCount").asInt());
    assertThat(summary.get("scoredAttempts").asInt())
        .as(out.toString())
        .isEqualTo(summary.get("attemptCount").asInt());
    assertThat(summary.get("passedAttempts").asInt())
        .isEqualTo(summary.get("attemptCount").asInt());
    assertThat(summary.get("incompleteReferenceCaseIds")).as(out.toString()).isEmpty();
    assertThat(summary.get("noReferenceCaseIds")).as(out.toString()).isEmpty();
  }
}
