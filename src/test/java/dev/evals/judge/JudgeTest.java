package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.Provider;
import dev.evals.model.ProviderException;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {

  private static final ModelSpec SONNET =
      new ModelSpec(
          "sonnet",
          null,
          Provider.ANTHROPIC,
          "claude-sonnet",
          List.of(),
          new Price(new BigDecimal("3"), new BigDecimal("15"), null, null),
          null);

  private final ScriptedJudgeModel model = new ScriptedJudgeModel();

  @Test
  void forcesTheSubmitJudgementToolAndLeavesSamplingToTheModelEntry() {
    model.submitsScore(90);

    judge(JudgeSettings.defaults()).judge(input(json("{\"value\": 1}")));

    ChatRequest request = model.requests().get(0);
    assertThat(request.forcedTool()).isEqualTo("submit_judgement");
    assertThat(request.tools())
        .singleElement()
        .satisfies(
            tool -> {
              assertThat(tool.name()).isEqualTo("submit_judgement");
              JsonNode schema = tool.inputSchema();
              assertThat(schema.path("required").toString())
                  .isEqualTo("[\"score\",\"summary\",\"checklist\"]");
              assertThat(schema.at("/properties/score/type").asText()).isEqualTo("integer");
              assertThat(schema.at("/properties/score/minimum").asInt()).isZero();
              assertThat(schema.at("/properties/score/maximum").asInt()).isEqualTo(100);
              assertThat(schema.at("/properties/checklist/items/required").toString())
                  .isEqualTo("[\"item\",\"met\",\"reason\"]");
            });
    assertThat(request.system()).contains("strict reviewer of Windmill flow artifacts");
  }

  @Test
  void showsTheNumberedChecklistAndEveryStateAsPrettyJson() {
    model.submitsVerdicts(90, true, true);
    JudgeInput input =
        new JudgeInput(
            "flow",
            "Run a report every hour",
            List.of("runs hourly", "sends an email"),
            json("{\"initialMarker\": true}"),
            json("{\"expectedMarker\": true}"),
            json("{\"actualMarker\": true}"));

    judge(JudgeSettings.defaults()).judge(input);

    String user = firstUserMessage(model.requests().get(0));
    assertThat(user)
        .contains("Mode: flow")
        .contains("Run a report every hour")
        .contains("1. runs hourly\n2. sends an email")
        .contains("{\n  \"initialMarker\" : true\n}")
        .contains("{\n  \"expectedMarker\" : true\n}")
        .contains("{\n  \"actualMarker\" : true\n}");
  }

  @Test
  void saysWhenThereIsNoInitialOrExpectedState() {
    model.submitsScore(90);

    judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(firstUserMessage(model.requests().get(0)))
        .contains("## Initial state\n\nnone: the model started from an empty state")
        .contains("## Expected state (one valid example)\n\nnone\n");
  }

  @Test
  void keepsTheLastStepsCodeVisibleWhenAnEarlierFieldIsPadded() {
    model.submitsScore(90);
    ObjectNode padded = json("{\"summary\": \"\", \"value\": {\"modules\": []}}").deepCopy();
    padded.put("summary", "pad ".repeat(50_000));
    ArrayNode modules = (ArrayNode) padded.path("value").path("modules");
    modules.addObject().put("id", "a").put("content", "y".repeat(30_000));
    modules.addObject().put("id", "b").put("content", "export function main() { return 42 }");

    judge(new JudgeSettings(80, 1, 10_000)).judge(input(padded));

    String actual = section(firstUserMessage(model.requests().get(0)), "## Actual artifact");
    assertThat(actual)
        .contains("export function main() { return 42 }")
        .contains("\"id\" : \"a\"")
        .contains("characters cut here]")
        .doesNotContain("pad ".repeat(5_000));
    assertThat(actual.length()).isLessThan(10_400);
  }

  @ParameterizedTest
  @CsvSource({"79, false", "80, true", "100, true", "0, false"})
  void passesTheScoreCheckFromTheThresholdUp(int score, boolean passed) {
    model.submitsScore(score);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(judgement.checks())
        .containsExactly(
            Check.pass("judge succeeded"),
            Check.of("judge score >= 80", passed, "score " + score + " is below 80"),
            Check.pass("judge checklist met"));
    assertThat(judgement.isExecutionError()).isFalse();
    assertThat(judgement.passed()).isEqualTo(passed);
  }

  @Test
  void asksAgainWithTheProblemAndSumsTheUsageOfBothAnswers() {
    model.submits("{\"score\": 150, \"summary\": \"s\", \"checklist\": []}").submitsScore(85);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(judgement.succeeded()).isTrue();
    assertThat(judgement.score()).isEqualTo(85);
    assertThat(judgement.usage()).isEqualTo(TokenUsage.of(2000, 400));
    List<ChatMessage> reask = model.requests().get(1).messages();
    assertThat(reask).hasSize(3);
    assertThat(reask.get(1)).isInstanceOf(ChatMessage.Assistant.class);
    assertThat(reask.get(2))
        .isInstanceOfSatisfying(
            ChatMessage.ToolResults.class,
            results ->
                assertThat(results.results())
                    .singleElement()
                    .satisfies(
                        result -> {
                          assertThat(result.callId()).isEqualTo("call-1");
                          assertThat(result.isError()).isTrue();
                          assertThat(result.content())
                              .startsWith("your judgement could not be read: ")
                              .contains("score must be from 0 to 100, got 150")
                              .endsWith("call submit_judgement again");
                        }));
  }

  @Test
  void asksTheSameQuestionAgainWithTwiceTheTokenLimitWhenTheLimitCutTheAnswerOff() {
    model
        .answers(
            new ChatResponse(
                "",
                List.of(new ToolCall("call-1", "submit_judgement", "{\"score\": 9")),
                TokenUsage.of(1000, 8192),
                "max_tokens"))
        .submitsScore(85);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(judgement.succeeded()).isTrue();
    assertThat(judgement.score()).isEqualTo(85);
    assertThat(model.requests()).extracting(ChatRequest::maxTokens).containsExactly(8192, 16384);
    assertThat(model.requests().get(1).messages()).hasSize(1);
    assertThat(judgement.samples().get(0).answers().get(0).problem())
        .isEqualTo("cut off by its token limit of 8192 (max_tokens); asked again with 16384");
    assertThat(judgement.toJson().toString())
        .contains("cut off by its token limit of 8192 (max_tokens); asked again with 16384");
  }

  @Test
  void asksAgainInAUserMessageWhenTheJudgeAnsweredInText() {
    model
        .answers(new ChatResponse("Looks fine to me.", List.of(), TokenUsage.of(10, 5), "end"))
        .submitsScore(85);

    judge(JudgeSettings.defaults()).judge(input(json("{}")));

    List<ChatMessage> reask = model.requests().get(1).messages();
    assertThat(reask.get(reask.size() - 1))
        .isEqualTo(
            new ChatMessage.User(
                "your judgement could not be read: you did not call submit_judgement;"
                    + " call submit_judgement again"));
  }

  @Test
  void failsAsAnExecutionErrorAfterThreeUnreadableAnswers() {
    model.submits("not json").submits("{\"score\": 50}").submits("{\"score\": \"high\"}");

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(model.requests()).hasSize(3);
    assertThat(judgement.isExecutionError()).isTrue();
    assertThat(judgement.score()).isNull();
    assertThat(judgement.usage()).isEqualTo(TokenUsage.of(3000, 600));
    assertThat(judgement.error()).contains("unreadable after 3 tries").contains("\"high\"");
    assertThat(judgement.checks())
        .extracting(Check::name, Check::passed)
        .containsExactly(
            tuple("judge succeeded", false),
            tuple("judge score >= 80", false),
            tuple("judge checklist met", false));
    assertThat(judgement.checks().get(1).detail()).isEqualTo("judge failed");
  }

  @Test
  void failsAsAnExecutionErrorWhenTheProviderFails() {
    model.fails(new ProviderException.ServerError("HTTP 529 overloaded", 529));

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    assertThat(judgement.isExecutionError()).isTrue();
    assertThat(judgement.error()).isEqualTo("judge provider error: HTTP 529 overloaded");
    assertThat(judgement.checks().get(0).detail()).contains("HTTP 529 overloaded");
  }

  @Test
  void takesTheMedianOfThreeSamplesWithTheirSpread() {
    model.submitsScore(60).submitsScore(90).submitsScore(85);

    Judgement judgement = judge(new JudgeSettings(80, 3, 60_000)).judge(input(json("{}")));

    assertThat(model.requests()).hasSize(3);
    assertThat(model.requests()).allSatisfy(r -> assertThat(r.messages()).hasSize(1));
    assertThat(judgement.score()).isEqualTo(85);
    assertThat(judgement.sampleScores()).containsExactly(60, 90, 85);
    assertThat(judgement.spread()).isEqualTo(30);
    assertThat(judgement.summary()).isEqualTo("scored 85");
    assertThat(judgement.usage()).isEqualTo(TokenUsage.of(3000, 600));
  }

  @Test
  void takesTheLowerMiddleScoreOfAnEvenNumberOfSamples() {
    model.submitsScore(90).submitsScore(70);

    Judgement judgement = judge(new JudgeSettings(80, 2, 60_000)).judge(input(json("{}")));

    assertThat(judgement.score()).isEqualTo(70);
    assertThat(judgement.passed()).isFalse();
  }

  @Test
  void failsTheWholeJudgementWhenOneSampleFails() {
    model.submitsScore(90).fails(new ProviderException.ServerError("HTTP 500", 500));

    Judgement judgement = judge(new JudgeSettings(80, 3, 60_000)).judge(input(json("{}")));

    assertThat(model.requests()).hasSize(2);
    assertThat(judgement.isExecutionError()).isTrue();
    assertThat(judgement.sampleScores()).containsExactly(90);
    assertThat(judgement.checks().get(1))
        .isEqualTo(Check.fail("judge score >= 80", "judge failed"));
  }

  @Test
  void pricesEveryCallAtTheJudgeModelsRates() {
    model.submits("{}").submitsScore(85);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input(json("{}")));

    // 2000 prompt tokens at $3/M plus 400 completion tokens at $15/M
    assertThat(judgement.costUsd()).isEqualByComparingTo("0.012");
  }

  private Judge judge(JudgeSettings settings) {
    return new Judge(model, SONNET, settings);
  }

  static JudgeInput input(JsonNode actual) {
    return new JudgeInput(
        "flow", "Run a report every hour", List.of("runs hourly"), null, null, actual);
  }

  /** The part of {@code user} from the heading {@code title} to the next heading. */
  static String section(String user, String title) {
    String rest = user.substring(user.indexOf(title) + title.length());
    int next = rest.indexOf("\n## ");
    return next < 0 ? rest : rest.substring(0, next);
  }

  static JsonNode json(String text) {
    try {
      return Mappers.json().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String firstUserMessage(ChatRequest request) {
    return ((ChatMessage.User) request.messages().get(0)).text();
  }
}
