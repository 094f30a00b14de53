package dev.evals.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.model.ChatResponse;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one tool the judge must call: its schema, and reading a call of it. */
final class SubmitJudgementTool {

  static final String NAME = "submit_judgement";

  private static final String SCHEMA =
      """
      {
        "type": "object",
        "properties": {
          "score": {"type": "integer", "minimum": 0, "maximum": 100,
                    "description": "0-100, following the rubric"},
          "summary": {"type": "string", "description": "Two or three sentences on the score"},
          "checklist": {
            "type": "array",
            "description": "One entry per acceptance criterion, in order",
            "items": {
              "type": "object",
              "properties": {
                "item": {"type": "string", "description": "The criterion"},
                "met": {"type": "boolean"},
                "reason": {"type": "string", "description": "One sentence"}
              },
              "required": ["item", "met", "reason"]
            }
          }
        },
        "required": ["score", "summary", "checklist"]
      }
      """;

  private SubmitJudgementTool() {}

  static ToolSpec spec() {
    try {
      return new ToolSpec(
          NAME, "Submit your judgement of the artifact.", Mappers.json().readTree(SCHEMA));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the submit_judgement schema is not JSON", e);
    }
  }

  /** The first submit_judgement call of {@code response}, if there is one. */
  static Optional<ToolCall> call(ChatResponse response) {
    return response.toolCalls().stream().filter(c -> c.name().equals(NAME)).findFirst();
  }

  /**
   * Reads an answer to {@code criteria} acceptance criteria; {@link JudgeAnswer#problem()} says
   * what was wrong when it cannot be read. With criteria, the checklist must answer each, one entry
   * per criterion: an answer that leaves one out cannot be read either.
   */
  static JudgeAnswer read(ChatResponse response, int criteria) {
    JudgeAnswer answer = read(response);
    if (!answer.isRead() || criteria == 0) {
      return answer;
    }
    int answered = answer.assessment().checklist().size();
    if (answered != criteria) {
      return JudgeAnswer.unreadable(
          response,
          "checklist has "
              + answered
              + " entries for "
              + criteria
              + " acceptance criteria; answer each criterion once, in the order given");
    }
    return answer;
  }

  /** Reads an answer; {@link JudgeAnswer#problem()} says what was wrong when it cannot be read. */
  static JudgeAnswer read(ChatResponse response) {
    Optional<ToolCall> call = call(response);
    if (call.isEmpty()) {
      return JudgeAnswer.unreadable(response, "you did not call " + NAME);
    }
    JsonNode args;
    try {
      args = Mappers.json().readTree(call.get().arguments());
    } catch (JsonProcessingException e) {
      return JudgeAnswer.unreadable(
          response, "the arguments are not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (args == null || !args.isObject()) {
      return JudgeAnswer.unreadable(response, "the arguments must be a JSON object");
    }
    String problem = problem(args);
    return problem == null
        ? JudgeAnswer.read(response, assessment(args))
        : JudgeAnswer.unreadable(response, problem);
  }

  /** What keeps {@code args} from being an assessment, or null when nothing does. */
  private static String problem(JsonNode args) {
    JsonNode score = args.path("score");
    // Some providers send every number as a double, so 85.0 counts as the integer 85.
    if (!score.isNumber() || !score.canConvertToExactIntegral()) {
      return "score must be an integer from 0 to 100, got " + shown(score);
    }
    if (!score.canConvertToInt() || score.asInt() < 0 || score.asInt() > 100) {
      return "score must be from 0 to 100, got " + score;
    }
    if (!args.path("summary").isTextual()) {
      return "summary must be a string, got " + shown(args.path("summary"));
    }
    JsonNode checklist = args.path("checklist");
    if (!checklist.isArray()) {
      return "checklist must be an array, got " + shown(checklist);
    }
    for (int i = 0; i < checklist.size(); i++) {
      JsonNode entry = checklist.get(i);
      if (!entry.path("item").isTextual()
          || !entry.path("met").isBoolean()
          || !entry.path("reason").isTextual()) {
        return "checklist[" + i + "] needs item (string), met (boolean) and reason (string)";
      }
    }
    return null;
  }

  /** The assessment in arguments that {@link #problem} found nothing wrong with. */
  private static Assessment assessment(JsonNode args) {
    List<ChecklistItem> items = new ArrayList<>();
    for (JsonNode entry : args.get("checklist")) {
      items.add(
          new ChecklistItem(
              entry.get("item").asText(),
              entry.get("met").asBoolean(),
              entry.get("reason").asText()));
    }
    return new Assessment(args.get("score").asInt(), args.get("summary").asText(), items);
  }

  private static String shown(JsonNode node) {
    return node.isMissingNode() ? "nothing" : node.toString();
  }
}
