package dev.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cli.EvalsCli;
import dev.evals.json.Mappers;
import dev.evals.report.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rescoring a reference run of each shipped suite restores every mode's artifacts faithfully. */
class RescoreShippedSuitesTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path workDir;

  static List<String> shippedModes() {
    return ShippedSuitesTest.shippedModes();
  }

  private int evals(String... args) {
    StringWriter err = new StringWriter();
    int code =
        EvalsCli.run(
            args,
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            Map.of(),
            workDir,
            Clock.systemUTC(),
            Terminal.NONE);
    assertThat(err.toString()).doesNotContain("\tat ");
    return code;
  }

  @ParameterizedTest
  @MethodSource("shippedModes")
  void reproducesTheVerdictsOfEveryCheck(String mode) throws Exception {
    assertThat(
            evals(
                "run",
                mode,
                "--model",
                "reference",
                "--cases-dir",
                PROJECT.toString(),
                "--output",
                "original.json"))
        .isZero();

    int code = evals("rescore", "original.json", "--judge", "off", "--output", "rescored.json");

    assertThat(code).isZero();
    assertThat(verdicts("rescored.json")).isEqualTo(verdicts("original.json"));
  }

  private List<String> verdicts(String summary) throws Exception {
    JsonNode json = Mappers.json().readTree(workDir.resolve(summary).toFile());
    List<String> verdicts = new ArrayList<>();
    for (JsonNode caseNode : json.get("cases")) {
      for (JsonNode attempt : caseNode.get("attempts")) {
        for (JsonNode check : attempt.get("checks")) {
          verdicts.add(
              caseNode.get("id").asText()
                  + " "
                  + check.get("name").asText()
                  + " "
                  + check.get("passed").asBoolean());
        }
      }
    }
    return verdicts;
  }
}
