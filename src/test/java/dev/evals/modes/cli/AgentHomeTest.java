package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.model.ProviderException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentHomeTest {

  @TempDir Path attempt;

  @Test
  void pointsBothAgentsAtFoldersInsideTheAttemptAndTurnsTheirTrafficOff() throws IOException {
    Map<String, String> variables = AgentHome.create(attempt, Map.of());

    assertThat(variables)
        .containsEntry("CLAUDE_CONFIG_DIR", attempt.resolve("agent-home/claude").toString())
        .containsEntry("CODEX_HOME", attempt.resolve("agent-home/codex").toString())
        .containsEntry("DISABLE_TELEMETRY", "1")
        .containsEntry("DISABLE_AUTOUPDATER", "1")
        .containsEntry("DISABLE_ERROR_REPORTING", "1")
        .containsEntry("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    assertThat(attempt.resolve("agent-home/claude")).isEmptyDirectory();
  }

  @Test
  void givesCodexAProviderAtTheRunsOpenAiBaseUrlThroughTheResponsesApi() throws IOException {
    AgentHome.create(attempt, Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8089/v1"));

    String config = Files.readString(attempt.resolve("agent-home/codex/config.toml"));
    assertThat(config)
        .contains("model_provider = \"evals-openai\"")
        .contains("base_url = \"http://127.0.0.1:8089/v1\"")
        .contains("wire_api = \"responses\"")
        .contains("env_key = \"OPENAI_API_KEY\"")
        .contains("request_max_retries = 2", "stream_max_retries = 2")
        .contains("exclude_slash_tmp = true")
        .contains("[analytics]\nenabled = false");
  }

  @Test
  void codexDefaultsToOpenAi() {
    assertThat(AgentHome.codexConfig("https://api.openai.com/v1"))
        .contains("base_url = \"https://api.openai.com/v1\"");
    assertThat(AgentKind.CODEX.baseUrl(Map.of())).hasToString("https://api.openai.com/v1");
    assertThat(AgentKind.CLAUDE_CODE.baseUrl(Map.of("ANTHROPIC_BASE_URL", "http://h:1")))
        .hasToString("http://h:1");
  }

  @Test
  void knowsTheAgentsByTheirProgramsName() {
    assertThat(AgentKind.of(List.of("/opt/bin/claude", "-p"))).isEqualTo(AgentKind.CLAUDE_CODE);
    assertThat(AgentKind.of(List.of("codex", "exec"))).isEqualTo(AgentKind.CODEX);
    assertThat(AgentKind.of(List.of("sh", "agent.sh"))).isEqualTo(AgentKind.OTHER);
  }

  @Test
  void anUnreachableProviderStopsAKnownAgentBeforeItStarts() throws IOException {
    Path bin = Files.createDirectories(attempt.resolve("bin"));
    Path claude = Files.writeString(bin.resolve("claude"), "#!/bin/sh\n");
    claude.toFile().setExecutable(true);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> environment =
        Map.of("PATH", bin.toString(), "ANTHROPIC_BASE_URL", "http://127.0.0.1:" + closed);

    assertThatThrownBy(
            () -> ProviderProbe.check(AgentKind.CLAUDE_CODE, List.of("claude"), environment))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith(
            "the agent cannot reach its provider at http://127.0.0.1:" + closed);
  }

  @Test
  void aMissingProgramOrAnUnknownAgentIsNotProbed() {
    Map<String, String> nowhere =
        Map.of("PATH", attempt.toString(), "ANTHROPIC_BASE_URL", "http://127.0.0.1:9");

    assertThatCode(() -> ProviderProbe.check(AgentKind.CLAUDE_CODE, List.of("claude"), nowhere))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> ProviderProbe.check(AgentKind.OTHER, List.of("sh"), Map.of("PATH", "/bin")))
        .doesNotThrowAnyException();
  }
}
