package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.Provider;
import dev.evals.model.ProviderException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgementTest {

  private static final ModelSpec SONNET =
      new ModelSpec(
          "sonnet",
          null,
          Provider.ANTHROPIC,
          "claude-sonnet",
          List.of(),
          new Price(BigDecimal.ONE, BigDecimal.ONE, null, null),
          null);

  private final ScriptedJudgeModel model = new ScriptedJudgeModel();

  @Test
  void writesTheVerdictPromptAndEveryRawAnswerToJson() {
    model.submits("{\"score\": 500}").submitsScore(85);

    JsonNode json = judge().judge(JudgeTest.input(JudgeTest.json("{}"))).toJson();

    assertThat(json.path("model").asText()).isEqualTo("sonnet");
    assertThat(json.path("succeeded").asBoolean()).isTrue();
    assertThat(json.path("score").asInt()).isEqualTo(85);
    assertThat(json.path("passed").asBoolean()).isTrue();
    assertThat(json.path("threshold").asInt()).isEqualTo(80);
    assertThat(json.path("criteria").asInt()).isEqualTo(1);
    assertThat(json.path("checklist").get(0).path("item").asText()).isEqualTo("runs hourly");
    assertThat(json.path("checklist").get(0).path("met").asBoolean()).isTrue();
    assertThat(json.path("checklist").get(0).path("reason").asText()).isEqualTo("cron 0 * * * *");
    assertThat(json.at("/usage/total").asLong()).isEqualTo(2400);
    assertThat(json.path("costUsd").decimalValue()).isEqualByComparingTo("0.0024");
    assertThat(json.at("/prompt/system").asText()).contains("strict reviewer");
    assertThat(json.at("/prompt/user").asText()).contains("1. runs hourly");
    JsonNode answers = json.at("/samples/0/answers");
    assertThat(answers).hasSize(2);
    assertThat(answers.at("/0/toolCalls/0/arguments").asText()).isEqualTo("{\"score\": 500}");
    assertThat(answers.at("/0/problem").asText()).contains("got 500");
    assertThat(answers.get(1).has("problem")).isFalse();
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void writesTheErrorOfAFailedJudgementToJson() {
    model.fails(new ProviderException.Unauthorized("HTTP 401", 401));

    JsonNode json = judge().judge(JudgeTest.input(JudgeTest.json("{}"))).toJson();

    assertThat(json.path("succeeded").asBoolean()).isFalse();
    assertThat(json.path("error").asText()).isEqualTo("judge provider error: HTTP 401");
    assertThat(json.has("score")).isFalse();
    assertThat(json.at("/samples/0/error").asText()).contains("HTTP 401");
  }

  private Judge judge() {
    return new Judge(model, SONNET, JudgeSettings.defaults());
  }
}
