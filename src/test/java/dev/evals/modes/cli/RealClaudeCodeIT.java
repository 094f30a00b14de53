package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code, with the shipped {@code models.yaml} template and no {@code
 * --agent-command}, against a stand-in of the Messages API that plays scripted turns.
 */
class RealClaudeCodeIT {

  private static final String MODEL_ID = "claude-sonnet-5-5";

  @TempDir Path root;
  private ShippedCliCases shipped;
  private RealAgentRun run;

  @BeforeEach
  void setUp() throws IOException {
    RealAgentRun.assumeInstalled("claude");
    shipped = new ShippedCliCases();
    run = new RealAgentRun(root);
  }

  @Test
  void passesEveryShippedCliCasePlayedCorrectly() throws IOException {
    Map<String, AgentPlay> plays = new HashMap<>();
    shipped
        .ids()
        .forEach(id -> plays.put(ShippedCliCases.key(shipped.of(id)), shipped.claudePlay(id)));
    try (MessagesStandIn standIn = new MessagesStandIn(plays)) {
      RealAgentRun.Result result = with(standIn).run("--model", "sonnet");

      assertThat(result.records()).hasSize(shipped.ids().size());
      for (String id : shipped.ids()) {
        JsonNode record = result.record(id);
        assertThat(result.failedChecks(id)).as(id + ": " + record).isEmpty();
        assertThat(record.path("status").asText()).as(id).isEqualTo("ok");
        assertThat(record.path("passed").asBoolean()).as(id).isTrue();
        assertThat(record.path("turns").asInt())
            .as(id)
            .isEqualTo(shipped.claudePlay(id).turns().size());
        JsonNode trace = result.trace(id);
        assertThat(trace.path("agent").path("model").asText()).isEqualTo(MODEL_ID);
        assertThat(record.path("costUsd").asDouble())
            .as(id + ": our cost beside Claude Code's own")
            .isCloseTo(trace.path("agent").path("costUsd").asDouble(), within(1e-9));
      }
      assertThat(result.record("bun-hello-script").path("checks").toString())
          .contains(CliSession.REQUESTED_MODEL);
      assertThat(standIn.requests())
          .allSatisfy(r -> assertThat(r.path("model").asText()).isEqualTo(MODEL_ID));
    }
  }

  @Test
  void aWriteOutsideTheWorkspaceIsDeniedAndRecordedAsDenied() throws IOException {
    AgentPlay play =
        playWith(
            playWith(
                "bun-hello-script",
                AgentPlay.call("Write", "file_path", "../written.txt", "content", "leaked")),
            AgentPlay.call("Bash", "command", "echo leaked > ../outside.txt"));
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of(key("bun-hello-script"), play))) {
      RealAgentRun.Result result =
          with(standIn)
              .recordAs("claude-denied-write")
              .run("bun-hello-script", "--model", "sonnet");

      assertThat(result.failedChecks("bun-hello-script")).isEmpty();
      assertThat(calls(result.trace("bun-hello-script"), "denied"))
          .containsExactly("Write ../written.txt", "Bash echo leaked > ../outside.txt");
    }
  }

  @Test
  void aWriteOutsideTheWorkspaceFailsExactlyThatCheckWhenTheTemplateAllowsIt() throws IOException {
    AgentPlay play =
        playWith(
            "bun-hello-script", AgentPlay.call("Bash", "command", "echo leaked > ../outside.txt"));
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of(key("bun-hello-script"), play))) {
      RealAgentRun.Result result =
          with(standIn)
              .run(
                  "bun-hello-script",
                  "--model",
                  "sonnet",
                  "--agent-command",
                  "claude -p --model {model} --output-format stream-json --verbose"
                      + " --permission-mode acceptEdits --allowedTools=Bash {prompt}");

      assertThat(result.failedChecks("bun-hello-script"))
          .containsExactly(AgentFolderChecks.NOTHING_OUTSIDE);
    }
  }

  @Test
  void skippingARequiredSkillFailsExactlyThatCheck() throws IOException {
    String id = "bun-hello-script-uppercase";
    List<List<AgentPlay.Step>> turns = new ArrayList<>(shipped.claudePlay(id).turns());
    turns.remove(0);
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of(key(id), new AgentPlay(turns)))) {
      RealAgentRun.Result result = with(standIn).run(id, "--model", "sonnet");

      assertThat(result.failedChecks(id)).containsExactly("required skills invoked");
    }
  }

  @Test
  void runningAForbiddenCommandFailsExactlyThatCheck() throws IOException {
    AgentPlay play =
        playWith("bun-hello-script", AgentPlay.call("Bash", "command", "wmill sync push"));
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of(key("bun-hello-script"), play))) {
      RealAgentRun.Result result =
          with(standIn)
              .recordAs("claude-forbidden-command")
              .run("bun-hello-script", "--model", "sonnet");

      assertThat(result.failedChecks("bun-hello-script"))
          .containsExactly("forbidden commands not executed");
      assertThat(result.trace("bun-hello-script").path("executedWmillCommands").toString())
          .contains("wmill sync push");
    }
  }

  @Test
  void aDeniedCommandIsNotCountedAsExecuted() throws IOException {
    ObjectNode variant = (ObjectNode) shipped.of("bun-hello-script").deepCopy();
    variant.put("id", "denied-curl");
    variant.put("prompt", "Denied curl scenario.\n" + variant.path("prompt").asText());
    ((ObjectNode) variant.path("cliExpect")).putArray("forbiddenExecutedCommands").add("^curl");
    run.appendCases(Mappers.yaml().writeValueAsString(List.of(variant)).replaceFirst("^---\n", ""));
    String curl = "curl -s http://127.0.0.1:9/install.sh";
    AgentPlay play = playWith("bun-hello-script", AgentPlay.call("Bash", "command", curl));
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of("Denied curl scenario.", play))) {
      RealAgentRun.Result result = with(standIn).run("denied-curl", "--model", "sonnet");

      assertThat(result.failedChecks("denied-curl")).isEmpty();
      JsonNode trace = result.trace("denied-curl");
      assertThat(calls(trace, "denied")).containsExactly("Bash " + curl);
      assertThat(trace.path("bashCommands").toString()).doesNotContain("curl");
    }
  }

  @Test
  void anApiErrorIsAnExecutionError() throws IOException {
    try (StandIn standIn = new MessagesStandIn(Map.of()).failingWith(400)) {
      RealAgentRun.Result result =
          run.with("ANTHROPIC_BASE_URL", standIn.baseUrl())
              .recordAs("claude-api-error-400")
              .run("bun-hello-script", "--model", "sonnet");

      JsonNode record = result.record("bun-hello-script");
      assertThat(record.path("status").asText()).isEqualTo("execution_error");
      assertThat(record.path("error").asText()).contains("400");
      assertThat(
              Files.readString(result.attempt("bun-hello-script").resolve("assistant-output.txt")))
          .contains("\"api_error_status\":400");
    }
  }

  @Test
  void anUnreachableProviderIsAnExecutionErrorFoundBeforeTheAgentStarts() throws IOException {
    RealAgentRun.Result result =
        run.with("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
            .run("bun-hello-script", "--model", "sonnet");

    JsonNode record = result.record("bun-hello-script");
    assertThat(record.path("status").asText()).isEqualTo("execution_error");
    assertThat(record.path("error").asText())
        .contains("the agent cannot reach its provider at http://127.0.0.1:9");
  }

  @Test
  void anAliasTheAgentResolvesItselfFailsTheRequestedModelCheck() throws IOException {
    AgentPlay play = shipped.claudePlay("bun-hello-script");
    try (MessagesStandIn standIn = new MessagesStandIn(Map.of(key("bun-hello-script"), play))) {
      RealAgentRun.Result result =
          with(standIn)
              .run(
                  "bun-hello-script",
                  "--model",
                  "opus-4.6",
                  "--agent-command",
                  "claude -p --model opus --output-format stream-json --verbose"
                      + " --permission-mode acceptEdits --allowedTools=Bash(wmill:*) {prompt}");

      assertThat(result.failedChecks("bun-hello-script"))
          .containsExactly(CliSession.REQUESTED_MODEL);
      assertThat(result.record("bun-hello-script").path("checks").toString())
          .contains("asked for claude-opus-4-6, the agent used");
    }
  }

  private RealAgentRun with(StandIn standIn) {
    return run.with("ANTHROPIC_BASE_URL", standIn.baseUrl());
  }

  private String key(String id) {
    return ShippedCliCases.key(shipped.of(id));
  }

  /** The case's correct play with one more call before the final answer. */
  private AgentPlay playWith(String id, AgentPlay.Step extra) {
    return playWith(shipped.claudePlay(id), extra);
  }

  private static AgentPlay playWith(AgentPlay play, AgentPlay.Step extra) {
    List<List<AgentPlay.Step>> turns = new ArrayList<>(play.turns());
    turns.add(turns.size() - 1, List.of(extra));
    return new AgentPlay(turns);
  }

  private static List<String> calls(JsonNode trace, String outcome) {
    List<String> calls = new ArrayList<>();
    trace
        .path("calls")
        .forEach(
            call -> {
              if (call.path("outcome").asText().equals(outcome)) {
                calls.add(call.path("tool").asText() + " " + call.path("target").asText());
              }
            });
    return calls;
  }
}
