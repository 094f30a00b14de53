package dev.evals.modes.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's own configuration folder for one attempt, inside the attempt's temporary folder, so
 * the user's {@code ~/.claude} or {@code ~/.codex} (permissions, hooks, MCP servers, another model)
 * never changes a result. It holds only what the run sets: for Codex a provider that reaches the
 * run's OpenAI base URL through the Responses API, with few retries, its sandbox kept to the
 * workspace; for every agent the variables that stop non-essential traffic.
 */
final class AgentHome {

  static final String FOLDER = "agent-home";

  /** Claude Code's switches for telemetry, updates, error reports and other background calls. */
  static final Map<String, String> QUIET =
      Map.of(
          "DISABLE_TELEMETRY", "1",
          "DISABLE_AUTOUPDATER", "1",
          "DISABLE_ERROR_REPORTING", "1",
          "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");

  private AgentHome() {}

  /** Creates the folder and returns the variables that point the agents at it. */
  static Map<String, String> create(Path attemptRoot, Map<String, String> environment)
      throws IOException {
    Path home = Files.createDirectories(attemptRoot.resolve(FOLDER));
    Path claude = Files.createDirectories(home.resolve("claude"));
    Path codex = Files.createDirectories(home.resolve("codex"));
    Files.writeString(
        codex.resolve("config.toml"),
        codexConfig(AgentKind.CODEX.baseUrl(environment).toString()),
        StandardCharsets.UTF_8);
    Map<String, String> variables = new LinkedHashMap<>(QUIET);
    variables.put("CLAUDE_CONFIG_DIR", claude.toString());
    variables.put("CODEX_HOME", codex.toString());
    return variables;
  }

  static String codexConfig(String baseUrl) {
    return """
        # Written by evals for one attempt: only what the run sets.
        model_provider = "evals-openai"
        check_for_update_on_startup = false

        [analytics]
        enabled = false

        [history]
        persistence = "none"

        [model_providers.evals-openai]
        name = "OpenAI"
        base_url = %s
        env_key = "OPENAI_API_KEY"
        wire_api = "responses"
        request_max_retries = 2
        stream_max_retries = 2

        [sandbox_workspace_write]
        exclude_tmpdir_env_var = true
        exclude_slash_tmp = true
        """
        .formatted(tomlString(baseUrl));
  }

  private static String tomlString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
