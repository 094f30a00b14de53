package dev.evals.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The prompt the judge receives: the reviewer instructions of {@code prompts/judge.md} and a user
 * message holding the request, the numbered criteria and the states as pretty JSON.
 *
 * @param system the system prompt
 * @param user the first user message
 */
public record JudgePrompt(String system, String user) {

  private static final String RESOURCE = "/prompts/judge.md";

  public JudgePrompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  static JudgePrompt of(JudgeInput input, int maxStateChars) {
    String system = Instructions.TEXT.replace("{{mode}}", input.mode());
    return new JudgePrompt(system, userMessage(input, maxStateChars));
  }

  private static String userMessage(JudgeInput input, int maxStateChars) {
    StringBuilder text = new StringBuilder();
    text.append("Mode: ").append(input.mode()).append("\n\n");
    text.append("## User request\n\n").append(input.prompt().strip()).append("\n\n");
    text.append("## Acceptance criteria\n\n").append(numbered(input.checklist())).append("\n");
    section(
        text,
        "Initial state",
        input.initial(),
        maxStateChars,
        "none: the model started from an empty state");
    section(text, "Expected state (one valid example)", input.expected(), maxStateChars, "none");
    section(text, "Actual artifact", input.actual(), maxStateChars, "none");
    text.append("Judge the actual artifact and call submit_judgement.\n");
    return text.toString();
  }

  private static String numbered(List<String> checklist) {
    if (checklist.isEmpty()) {
      return "none given: judge the main requirements of the request\n";
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < checklist.size(); i++) {
      list.append(i + 1).append(". ").append(checklist.get(i).strip()).append('\n');
    }
    return list.toString();
  }

  private static void section(
      StringBuilder text, String title, JsonNode state, int maxChars, String absent) {
    text.append("## ").append(title).append("\n\n");
    if (state == null || state.isMissingNode() || state.isNull()) {
      text.append(absent).append("\n\n");
      return;
    }
    text.append("```json\n").append(truncated(pretty(state), maxChars)).append("\n```\n\n");
  }

  /** Cuts {@code text} to {@code maxChars}, saying so, and never splits a surrogate pair. */
  static String truncated(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    int rest = text.length() - cut;
    return text.substring(0, cut) + "\n... [truncated: " + rest + " more characters]";
  }

  private static String pretty(JsonNode state) {
    try {
      return Mappers.json().writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /** Loaded on first use, so a missing resource fails the first judgement, loudly. */
  private static final class Instructions {
    static final String TEXT = load();

    private static String load() {
      try (InputStream in = JudgePrompt.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
