package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.SuiteCases;
import dev.evals.testing.ProviderAnswers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each chat mode driven end to end by a provider over HTTP: a WireMock OpenAI-compatible server
 * answers with the shipped case's reference tool calls, one per turn, in the wire format.
 */
class ProviderDrivenModesTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension model =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "flow, flow-reuse-workspace-slugify",
    "script, script-bun-greet-modify",
    "app, app-tip-calculator-create"
  })
  void aModelOverHttpBuildsTheArtifactAndPasses(String mode, String caseId) throws Exception {
    PreparedCase prepared =
        SuiteCases.prepare(PROJECT, Modes.builtIn().get(mode), List.of(caseId)).get(0);
    List<ToolCall> calls = prepared.referenceSolution();
    for (int turn = 0; turn <= calls.size(); turn++) {
      String body =
          turn < calls.size()
              ? ProviderAnswers.openAiToolCall(calls.get(turn), 10, 5)
              : ProviderAnswers.openAiText("Done, it is in place.", 10, 5);
      model.stubFor(
          post(urlEqualTo("/v1/chat/completions"))
              .inScenario(mode)
              .whenScenarioStateIs(turn == 0 ? Scenario.STARTED : "turn " + turn)
              .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body))
              .willSetStateTo("turn " + (turn + 1)));
    }

    CliRun run =
        CliRun.of(
            dir,
            Map.of("OPENAI_COMPATIBLE_BASE_URL", model.baseUrl() + "/v1"),
            "run",
            mode,
            caseId,
            "--model",
            "openai-compatible:local",
            "--judge",
            "off",
            "--cases-dir",
            PROJECT.toString(),
            "--output",
            "run.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode attempt =
        Mappers.json()
            .readTree(dir.resolve("run.json").toFile())
            .get("cases")
            .get(0)
            .get("attempts")
            .get(0);
    assertThat(attempt.get("passed").asBoolean()).as(attempt.toString()).isTrue();
    assertThat(attempt.get("toolCallCount").asInt()).isEqualTo(calls.size());
    assertThat(attempt.get("tokenUsage").get("total").asInt()).isEqualTo(15 * (calls.size() + 1));
  }
}
