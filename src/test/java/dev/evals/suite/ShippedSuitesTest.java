package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cases.CaseLoader;
import dev.evals.cli.EvalsCli;
import dev.evals.json.Mappers;
import dev.evals.modes.Mode;
import dev.evals.modes.Modes;
import dev.evals.modes.PreparedCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case shipped in cases/ has a complete reference solution that passes its own checks. */
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
            false);

    assertThat(code).as(err.toString()).isZero();
    double passRate =
        Mappers.json().readTree(workDir.resolve("run.json").toFile()).get("passRate").asDouble();
    assertThat(passRate).as(out.toString()).isEqualTo(1.0);
  }
}
