package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Codex, with the shipped {@code models.yaml} template and no {@code --agent-command},
 * configured per attempt through {@code CODEX_HOME/config.toml} to reach a stand-in of the
 * Responses API.
 */
class RealCodexIT {

  private static final String CASE = "bun-hello-script";

  @TempDir Path root;
  private ShippedCliCases shipped;
  private RealAgentRun run;

  @BeforeEach
  void setUp() throws IOException {
    RealAgentRun.assumeInstalled("codex");
    shipped = new ShippedCliCases();
    run = new RealAgentRun(root);
  }

  @Test
  void passesAShippedCliCasePlayedCorrectly() throws IOException {
    AgentPlay play = shipped.codexPlay(CASE);
    try (ResponsesStandIn standIn =
        new ResponsesStandIn(Map.of(ShippedCliCases.key(shipped.of(CASE)), play))) {
      RealAgentRun.Result result =
          run.with("OPENAI_BASE_URL", standIn.baseUrl())
              .recordAs("codex-bun-hello-script")
              .run(CASE, "--model", "gpt-5.5");

      JsonNode record = result.record(CASE);
      assertThat(result.failedChecks(CASE)).as(record.toString()).isEmpty();
      assertThat(record.path("status").asText()).isEqualTo("ok");
      assertThat(record.path("passed").asBoolean()).isTrue();
      int turns = play.turns().size();
      assertThat(record.path("tokenUsage").path("prompt").asLong())
          .isEqualTo((long) turns * ResponsesStandIn.INPUT);
      assertThat(record.path("tokenUsage").path("cacheRead").asLong())
          .isEqualTo((long) turns * ResponsesStandIn.CACHED);
      assertThat(standIn.requests())
          .isNotEmpty()
          .allSatisfy(request -> assertThat(request.path("model").asText()).isEqualTo("gpt-5.5"));
      assertThat(result.trace(CASE).path("calls").toString())
          .contains("\"tool\":\"Bash\"", "\"tool\":\"Edit\"");
    }
  }

  @Test
  void anUnreachableProviderIsAnExecutionErrorFoundBeforeTheAgentStarts() throws IOException {
    RealAgentRun.Result result =
        run.with("OPENAI_BASE_URL", "http://127.0.0.1:9/v1").run(CASE, "--model", "gpt-5.5");

    JsonNode record = result.record(CASE);
    assertThat(record.path("status").asText()).isEqualTo("execution_error");
    assertThat(record.path("error").asText())
        .contains("the agent cannot reach its provider at http://127.0.0.1:9/v1");
  }

  @Test
  void aProviderThatFailsEveryRequestIsAnExecutionError() throws IOException {
    try (StandIn standIn = new ResponsesStandIn(Map.of()).failingWith(500)) {
      RealAgentRun.Result result =
          run.with("OPENAI_BASE_URL", standIn.baseUrl())
              .recordAs("codex-provider-500")
              .run(CASE, "--model", "gpt-5.5");

      JsonNode record = result.record(CASE);
      assertThat(record.path("status").asText()).as(record.toString()).isEqualTo("execution_error");
    }
  }
}
