package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.model.ChatResponse;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmitJudgementToolTest {

  private static final String CHECKLIST =
      "\"checklist\": [{\"item\": \"runs hourly\", \"met\": false, \"reason\": \"daily\"}]";

  @Test
  void readsScoreSummaryAndChecklist() {
    JudgeAnswer answer = read("{\"score\": 42, \"summary\": \"runs daily\", " + CHECKLIST + "}");

    assertThat(answer.problem()).isNull();
    assertThat(answer.assessment())
        .isEqualTo(
            new Assessment(
                42, "runs daily", List.of(new ChecklistItem("runs hourly", false, "daily"))));
  }

  @Test
  void readsAWholeNumberSentAsADouble() {
    assertThat(
            read("{\"score\": 85.0, \"summary\": \"s\", " + CHECKLIST + "}").assessment().score())
        .isEqualTo(85);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                              | not valid JSON",
        "[1, 2]                                                | must be a JSON object",
        "{\"summary\": \"s\", \"checklist\": []}               | score must be an integer",
        "{\"score\": 85.5, \"summary\": \"s\", \"checklist\": []} | got 85.5",
        "{\"score\": \"85\", \"summary\": \"s\", \"checklist\": []} | got \"85\"",
        "{\"score\": -1, \"summary\": \"s\", \"checklist\": []}  | from 0 to 100, got -1",
        "{\"score\": 101, \"summary\": \"s\", \"checklist\": []} | from 0 to 100, got 101",
        "{\"score\": 1e12, \"summary\": \"s\", \"checklist\": []} | from 0 to 100",
        "{\"score\": 50, \"checklist\": []}                    | summary must be a string",
        "{\"score\": 50, \"summary\": \"s\"}                   | checklist must be an array",
        "{\"score\": 50, \"summary\": \"s\", \"checklist\": [{\"item\": \"a\", \"reason\": \"b\"}]}"
            + " | checklist[0] needs item",
      })
  void rejectsAnUnreadableJudgementSayingWhy(String arguments, String problem) {
    JudgeAnswer answer = read(arguments);

    assertThat(answer.assessment()).isNull();
    assertThat(answer.problem()).contains(problem);
  }

  @Test
  void rejectsAnAnswerWithoutTheTool() {
    ChatResponse response =
        new ChatResponse(
            "", List.of(new ToolCall("1", "other_tool", "{}")), TokenUsage.ZERO, "tool_use");

    assertThat(SubmitJudgementTool.read(response).problem())
        .isEqualTo("you did not call submit_judgement");
  }

  @Test
  void readsTheFirstSubmitJudgementCall() {
    ChatResponse response =
        new ChatResponse(
            "",
            List.of(
                new ToolCall(
                    "1",
                    "submit_judgement",
                    "{\"score\": 7, \"summary\": \"s\", \"checklist\": []}"),
                new ToolCall(
                    "2",
                    "submit_judgement",
                    "{\"score\": 99, \"summary\": \"s\", \"checklist\": []}")),
            TokenUsage.ZERO,
            "tool_use");

    assertThat(SubmitJudgementTool.read(response).assessment().score()).isEqualTo(7);
  }

  private static JudgeAnswer read(String arguments) {
    return SubmitJudgementTool.read(
        new ChatResponse(
            "",
            List.of(new ToolCall("1", "submit_judgement", arguments)),
            TokenUsage.ZERO,
            "tool_use"));
  }
}
