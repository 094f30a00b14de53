package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttemptRecordJsonTest {

  private static final AttemptUsage JUDGED =
      new AttemptUsage(
          TokenUsage.of(100, 20),
          90,
          new BigDecimal("0.0010"),
          TokenUsage.of(10, 5),
          new BigDecimal("0.0002"));

  static Stream<AttemptRecord> everyOutcome() {
    AttemptTiming timing = new AttemptTiming(1500, 3, 2, List.of("set_flow", "get_flow"));
    List<Check> checks =
        List.of(Check.of("run succeeded", true, ""), Check.fail("flow has modules", "none"));
    return Stream.of(
        new AttemptRecord(
            new AttemptKey("flow-a", 1),
            new AttemptOutcome.Scored(false, checks, 85, null),
            JUDGED,
            timing,
            "flow-a/attempt-1"),
        new AttemptRecord(
            new AttemptKey("flow-a", 2),
            new AttemptOutcome.ExecutionError("backend preview failed: down", checks, 90),
            JUDGED,
            timing,
            "flow-a/attempt-2"),
        AttemptRecord.noReference(new AttemptKey("flow-b", 1)),
        new AttemptRecord(
            new AttemptKey("flow-c", 1),
            new AttemptOutcome.IncompleteReference(checks, null, "not a complete solution"),
            AttemptUsage.NONE,
            timing,
            "flow-c/attempt-1"));
  }

  @ParameterizedTest
  @MethodSource("everyOutcome")
  void readsBackWhatItWrites(AttemptRecord record) throws JsonProcessingException {
    String json = Mappers.json().writeValueAsString(record);

    AttemptRecord read = Mappers.json().readValue(json, AttemptRecord.class);

    assertThat(read).isEqualTo(record);
    assertThat(Mappers.json().writeValueAsString(read)).isEqualTo(json);
  }

  @Test
  void writesTheFlatFieldsInTheirOrderWithNullsAndTheDerivedCosts() throws JsonProcessingException {
    String json =
        Mappers.json()
            .writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(AttemptRecord.noReference(new AttemptKey("flow-b", 1)));

    assertThat(json)
        .isEqualTo(
            "{\"caseId\":\"flow-b\",\"attempt\":1,\"status\":\"no_reference\",\"passed\":false,"
                + "\"checks\":[],\"judgeScore\":null,\"durationMs\":0,\"turns\":0,"
                + "\"toolCallCount\":0,\"toolsUsed\":[],\"tokenUsage\":{\"prompt\":0,"
                + "\"completion\":0,\"total\":0,\"cacheWrite\":0,\"cacheRead\":0},"
                + "\"finalContextTokens\":0,\"costUsd\":0,\"judgeTokenUsage\":null,"
                + "\"judgeCostUsd\":null,\"error\":\"the case has no expected solution for the"
                + " reference model to replay\",\"artifactsPath\":null,\"modelCostUsd\":0,"
                + "\"totalCostUsd\":0}");
  }

  @Test
  void readsALineWrittenBeforeTheJudgeFieldsExisted() throws JsonProcessingException {
    AttemptRecord read =
        Mappers.json()
            .readValue(
                "{\"caseId\":\"a\",\"attempt\":1,\"status\":\"ok\",\"passed\":true,"
                    + "\"checks\":[],\"durationMs\":5,\"tokenUsage\":null,\"costUsd\":null}",
                AttemptRecord.class);

    assertThat(read.passed()).isTrue();
    assertThat(read.tokenUsage()).isEqualTo(TokenUsage.ZERO);
    assertThat(read.costUsd()).isEqualByComparingTo("0");
    assertThat(read.judgeCostUsd()).isNull();
    assertThat(read.durationMs()).isEqualTo(5);
  }

  @Test
  void refusesAnUnknownFieldAndANullNumber() {
    assertThatThrownBy(
            () ->
                Mappers.json()
                    .readValue(
                        "{\"caseId\":\"a\",\"attempt\":1,\"status\":\"ok\",\"score\":3}",
                        AttemptRecord.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("unknown attempt field \"score\"");
    assertThatThrownBy(
            () ->
                Mappers.json()
                    .readValue(
                        "{\"caseId\":\"a\",\"attempt\":null,\"status\":\"ok\"}",
                        AttemptRecord.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("\"attempt\" is null");
  }

  @Test
  void refusesANoReferenceAttemptWithChecks() {
    assertThatThrownBy(
            () ->
                Mappers.json()
                    .readValue(
                        "{\"caseId\":\"a\",\"attempt\":1,\"status\":\"no_reference\","
                            + "\"checks\":[{\"name\":\"x\",\"passed\":true,\"detail\":\"\"}]}",
                        AttemptRecord.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("no checks");
  }
}
