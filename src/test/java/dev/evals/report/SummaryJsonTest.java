package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

  @TempDir Path dir;

  private final List<AttemptRecord> records =
      List.of(
          SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, false, 3000, 70),
          SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 1000, 90),
          SummaryBuilderTest.attempt("b", 1, AttemptStatus.EXECUTION_ERROR, false, 500, null));
  private final Summary summary =
      SummaryBuilder.build(
          SummaryBuilderTest.manifest(List.of("a", "b"), 2, "sonnet"), records, "results/run");
  private final AttemptSource attempts = new HeldAttempts(List.of("a", "b"), records);

  private Path written() throws IOException {
    Path file = dir.resolve("summary.json");
    SummaryJson.write(file, summary, attempts);
    return file;
  }

  @Test
  void writesEachCaseWithItsAttemptsBetweenItsMeansAndItsCosts() throws IOException {
    JsonNode json = Mappers.json().readTree(written().toFile());

    JsonNode a = json.get("cases").get(0);
    List<String> fields = new ArrayList<>();
    a.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsSubsequence("averageTokenUsagePerAttempt", "attempts", "modelCostUsd")
        .endsWith("totalCostUsd");
    assertThat(a.get("attempts")).hasSize(2);
    assertThat(a.get("attempts").get(0).get("attempt").asInt()).isEqualTo(1);
    assertThat(json.get("judgeCostUsd").decimalValue()).isEqualByComparingTo("0.0020");
  }

  @Test
  void readsBackTheSummaryItWrote() throws IOException {
    Summary read = Mappers.json().readValue(written().toFile(), Summary.class);

    assertThat(read).isEqualTo(summary);
  }

  @Test
  void handsOutTheAttemptsOfASummaryFileCaseByCase() throws IOException {
    Path file = written();
    Summary read = Mappers.json().readValue(file.toFile(), Summary.class);
    SummaryFileAttempts fromFile = new SummaryFileAttempts(file, read);

    List<AttemptRecord> a = new ArrayList<>();
    fromFile.forEachAttemptOf("a", a::add);
    List<AttemptRecord> b = new ArrayList<>();
    fromFile.forEachAttemptOf("b", b::add);

    assertThat(fromFile.caseIds()).containsExactly("a", "b");
    assertThat(a).containsExactly(records.get(1), records.get(0));
    assertThat(b).containsExactly(records.get(2));
  }

  @Test
  void readsASummaryFromBeforeTheCostSplitWithTheNewerFieldsNull() throws IOException {
    ObjectNode old = (ObjectNode) Mappers.json().readTree(written().toFile());
    old.remove(List.of("modelCostUsd", "casesFileDigest", "toolVersion", "toolCommit"));
    old.remove("promptCache");

    Summary read = Mappers.json().treeToValue(old, Summary.class);

    assertThat(read.modelCostUsd()).isNull();
    assertThat(read.toolVersion()).isNull();
    assertThat(read.modelCost()).isEqualByComparingTo("0.0300");
    assertThat(read.cases())
        .extracting(CaseSummary::id, CaseSummary::attemptCount, CaseSummary::passedAttempts)
        .containsExactly(tuple("a", 2, 1), tuple("b", 1, 0));
  }

  @Test
  void leavesTheAttemptsOutWhenNoSourceIsGiven() throws IOException {
    JsonNode json = Mappers.json().valueToTree(summary);

    assertThat(json.get("cases").get(0).has("attempts")).isFalse();
    assertThat(Files.readString(written())).contains("\"attempts\"");
  }
}
