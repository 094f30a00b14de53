package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

  @TempDir Path dir;

  @Test
  void appendsOneJsonLinePerRecordedRun() throws Exception {
    Summary summary =
        SummaryBuilder.build(
            SummaryBuilderTest.manifest(List.of("a"), 1, null),
            List.of(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null)),
            "run");
    History history = new History(dir.resolve("history"));

    history.append(HistoryLine.of(summary));
    Path file = history.append(HistoryLine.of(summary));

    List<String> lines = Files.readAllLines(file);
    assertThat(file).isEqualTo(dir.resolve("history/flow.jsonl"));
    assertThat(lines).hasSize(2);
    JsonNode line = Mappers.json().readTree(lines.get(0));
    assertThat(line.fieldNames())
        .toIterable()
        .contains(
            "createdAt",
            "gitSha",
            "mode",
            "runs",
            "runModel",
            "caseCount",
            "attemptCount",
            "passedAttempts",
            "errorAttempts",
            "passRate",
            "averageDurationMs",
            "averagePassedDurationMs",
            "averageTokenUsagePerAttempt",
            "totalCostUsd",
            "modelCostUsd",
            "judgeCostUsd",
            "casesFileDigest",
            "toolVersion",
            "toolCommit",
            "failedCaseIds",
            "cases");
  }

  @Test
  void keepsTheModelAndJudgeCostsApartInTheLineAndPerCase() throws Exception {
    Summary summary =
        SummaryBuilder.build(
            SummaryBuilderTest.manifest(List.of("a"), 2, "sonnet"),
            List.of(
                SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, 90),
                SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, true, 10, 90)),
            "run");

    JsonNode line = Mappers.json().valueToTree(HistoryLine.of(summary));

    assertThat(line.get("modelCostUsd").decimalValue()).isEqualByComparingTo("0.0200");
    assertThat(line.get("judgeCostUsd").decimalValue()).isEqualByComparingTo("0.0020");
    assertThat(line.get("totalCostUsd").decimalValue()).isEqualByComparingTo("0.0220");
    assertThat(line.get("casesFileDigest").asText()).isEqualTo("sha256:abc");
    JsonNode caseLine = line.get("cases").get(0);
    assertThat(caseLine.get("modelCostUsd").decimalValue()).isEqualByComparingTo("0.0200");
    assertThat(caseLine.get("judgeCostUsd").decimalValue()).isEqualByComparingTo("0.0020");
    assertThat(caseLine.get("totalCostUsd").decimalValue()).isEqualByComparingTo("0.0220");
  }
}
