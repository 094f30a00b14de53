package dev.evals.modes.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The coding agents cli mode knows by their program's name, each with the provider it calls and the
 * variable that moves its base URL; any other command is run as it is.
 */
enum AgentKind {
  CLAUDE_CODE("ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
  CODEX("OPENAI_BASE_URL", "https://api.openai.com/v1"),
  OTHER(null, null);

  private final String baseUrlVariable;
  private final String defaultBaseUrl;

  AgentKind(String baseUrlVariable, String defaultBaseUrl) {
    this.baseUrlVariable = baseUrlVariable;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  static AgentKind of(List<String> command) {
    String program = Path.of(command.get(0)).getFileName().toString();
    return switch (program) {
      case "claude", "claude.exe" -> CLAUDE_CODE;
      case "codex", "codex.js" -> CODEX;
      default -> OTHER;
    };
  }

  /** The provider's base URL the agent will call, from the environment or its default. */
  URI baseUrl(Map<String, String> environment) {
    String value = environment.get(baseUrlVariable);
    return URI.create(value == null || value.isBlank() ? defaultBaseUrl : value.strip());
  }

  boolean known() {
    return this != OTHER;
  }
}
