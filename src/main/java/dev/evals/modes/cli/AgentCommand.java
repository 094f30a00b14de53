package dev.evals.modes.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A coding-agent command template such as {@code claude -p --model haiku {prompt}}. The template is
 * split into arguments here, with single and double quotes and backslash escapes as a shell would,
 * and the placeholders are substituted inside each argument afterwards: the prompt is never seen by
 * a shell, so nothing in it is interpreted.
 */
record AgentCommand(List<String> tokens) {

  AgentCommand {
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("the agent command is empty");
    }
  }

  static AgentCommand parse(String template) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < template.length()) {
          current.append(template.charAt(++i));
        } else {
          current.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inToken = true;
      } else if (c == '\\' && i + 1 < template.length()) {
        current.append(template.charAt(++i));
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in agent command: " + template);
    }
    if (inToken) {
      tokens.add(current.toString());
    }
    return new AgentCommand(tokens);
  }

  /** The argv to start, with {@code {prompt}} and {@code {model}} replaced in every argument. */
  List<String> render(String prompt, String model) {
    return tokens.stream()
        .map(token -> token.replace("{model}", model).replace("{prompt}", prompt))
        .toList();
  }

  boolean mentionsPrompt() {
    return tokens.stream().anyMatch(token -> token.contains("{prompt}"));
  }
}
