package dev.evals.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The prompt the judge receives: the reviewer instructions of {@code prompts/judge.md}, naming the
 * pass rule actually applied, and a user message holding the numbered criteria and, each fenced by
 * a {@link Boundary}, the request and the states as pretty JSON.
 *
 * @param system the system prompt
 * @param user the first user message
 */
public record JudgePrompt(String system, String user) {

  private static final String RESOURCE = "/prompts/judge.md";
  static final String REQUEST = "user request";
  static final String INITIAL = "initial state";
  static final String EXPECTED = "expected state";
  static final String ACTUAL = "actual artifact";

  public JudgePrompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  static JudgePrompt of(JudgeInput input, JudgeSettings settings, RandomGenerator random) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(REQUEST, input.prompt().strip());
    putState(data, INITIAL, input.initial(), settings.maxStateChars());
    putState(data, EXPECTED, input.expected(), settings.maxStateChars());
    putState(data, ACTUAL, input.actual(), settings.maxStateChars());
    List<String> texts = new ArrayList<>(data.values());
    texts.addAll(input.checklist());
    Boundary boundary = Boundary.drawn(random, texts);
    String system =
        Instructions.TEXT
            .replace("{{mode}}", input.mode())
            .replace("{{threshold}}", Integer.toString(settings.threshold()))
            .replace("{{begin}}", boundary.open("<what follows>"))
            .replace("{{end}}", boundary.close("<what it was>"));
    return new JudgePrompt(system, userMessage(input, data, boundary));
  }

  private static void putState(Map<String, String> data, String label, JsonNode state, int max) {
    if (state != null && !state.isMissingNode() && !state.isNull()) {
      data.put(label, StateText.of(state, max));
    }
  }

  private static String userMessage(JudgeInput input, Map<String, String> data, Boundary boundary) {
    StringBuilder text = new StringBuilder();
    text.append("Mode: ").append(input.mode()).append("\n\n");
    text.append("## User request\n\n").append(boundary.fence(REQUEST, data.get(REQUEST)));
    text.append("\n## Acceptance criteria\n\n").append(numbered(input.checklist())).append("\n");
    section(
        text,
        "Initial state",
        INITIAL,
        data,
        boundary,
        "none: the model started from an empty state");
    section(text, "Expected state (one valid example)", EXPECTED, data, boundary, "none");
    section(text, "Actual artifact", ACTUAL, data, boundary, "none");
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
      StringBuilder text,
      String title,
      String label,
      Map<String, String> data,
      Boundary boundary,
      String absent) {
    text.append("## ").append(title).append("\n\n");
    String state = data.get(label);
    text.append(state == null ? absent + "\n" : boundary.fence(label, state)).append('\n');
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
