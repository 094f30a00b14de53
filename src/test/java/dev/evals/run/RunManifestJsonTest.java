package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.evals.json.Mappers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunManifestJsonTest {

  private static final RunManifest MANIFEST =
      new RunManifest(
          RunManifest.VERSION,
          "flow",
          new RunManifest.ModelChoice(
              "haiku (anthropic:claude-haiku-4-5)", "haiku", Map.of("temperature", "0")),
          new RunManifest.JudgeChoice("sonnet (anthropic:claude-sonnet-4-5)", "sonnet", 80, 3),
          new RunManifest.Selection(List.of("a", "b"), List.of("b"), List.of("a*", "b"), 2),
          new RunManifest.Settings(4, "preview", new BigDecimal("0.80"), "prompt.md", true),
          new RunManifest.Provenance(
              "/cases",
              "sha256:abc",
              "0123",
              "2026-11-24T12:00:00Z",
              "results/old",
              "1.0",
              "c0de"));

  @Test
  void writesOneFlatObjectInTheFieldOrderOfOlderRunFiles() throws Exception {
    JsonNode json = Mappers.json().valueToTree(MANIFEST);

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "version",
            "mode",
            "runModel",
            "runModelAlias",
            "judgeModel",
            "judgeModelAlias",
            "judgeThreshold",
            "judgeSamples",
            "caseIds",
            "judgeSkippedCaseIds",
            "casePatterns",
            "runs",
            "concurrency",
            "backendValidation",
            "minPassRate",
            "systemPrompt",
            "casesRoot",
            "casesFileDigest",
            "gitSha",
            "startedAt",
            "rescoredFrom",
            "toolVersion",
            "toolCommit",
            "modelOptions",
            "executionOnly",
            "shard");
    assertThat(json.get("minPassRate").decimalValue()).isEqualByComparingTo("0.80");
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    String text = Mappers.json().writeValueAsString(MANIFEST);

    assertThat(Mappers.json().readValue(text, RunManifest.class)).isEqualTo(MANIFEST);
  }

  @Test
  void readsARunFileFromBeforeTheLaterFieldsAsAFullRunWithoutOptions() throws Exception {
    String old =
        """
        {"version": 1, "mode": "flow", "runModel": "haiku", "runModelAlias": "haiku",
         "judgeModel": null, "judgeModelAlias": null, "judgeThreshold": 80, "judgeSamples": 1,
         "caseIds": ["a"], "runs": 1, "concurrency": 5, "backendValidation": "off",
         "minPassRate": null, "systemPrompt": null, "casesRoot": ".", "casesFileDigest": "x",
         "gitSha": null, "startedAt": "2026-11-24T12:00:00Z"}
        """;

    RunManifest read = Mappers.json().readValue(old, RunManifest.class);

    assertThat(read.executionOnly()).isFalse();
    assertThat(read.modelOptions()).isEmpty();
    assertThat(read.judgeSkippedCaseIds()).isEmpty();
    assertThat(read.fullSuite()).isTrue();
    assertThat(read.toolVersion()).isNull();
    assertThat(read.caseIds()).containsExactly("a");
  }

  @Test
  void saysARunFileWithoutItsCasesCannotBeReadRatherThanFailingInside() {
    assertThatThrownBy(() -> Mappers.json().readValue("{\"version\": 1}", RunManifest.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageStartingWith("cannot read RunManifest (caseIds missing or invalid)");
  }

  @Test
  void refusesAFieldItDoesNotKnow() {
    assertThatThrownBy(
            () -> Mappers.json().readValue("{\"version\": 1, \"shards\": 2}", RunManifest.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("shards");
  }

  @Test
  void keepsTheModelWhenRescoredButTakesTheNewJudgeAndCasesFolder() {
    RunManifest rescored =
        MANIFEST.rescored(
            "opus (anthropic:x)", "opus", "moved", "sha256:new", "4567", "later", "old");

    assertThat(rescored.judgeModelAlias()).isEqualTo("opus");
    assertThat(rescored.judgeThreshold()).isEqualTo(80);
    assertThat(rescored.caseIds()).isEqualTo(MANIFEST.caseIds());
    assertThat(rescored.modelOptions()).isEqualTo(MANIFEST.modelOptions());
    assertThat(rescored.casesRoot()).isEqualTo("moved");
    assertThat(rescored.rescoredFrom()).isEqualTo("old");
  }
}
