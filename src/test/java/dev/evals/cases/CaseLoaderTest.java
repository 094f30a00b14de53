package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.testing.CasesRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseLoaderTest {

  @TempDir Path dir;

  private List<CaseDefinition> load(String yaml) {
    new CasesRoot(dir).caseFile("flow", yaml);
    return new CaseLoader(dir).load("flow", Set.of("topLevelStepIds", "mustContain"));
  }

  @Test
  void readsEveryFieldOfACase() {
    List<CaseDefinition> cases =
        load(
            """
            - id: flow-one
              prompt: |
                Build it.
              initial: fixtures/flow/initial/one.json
              expected: fixtures/flow/expected/one.json
              validate:
                topLevelStepIds: [a, b]
              judgeChecklist:
                - it works
              toolExpect:
                requiredToolsUsed: [set_flow]
                requiredToolsAnyOf: [[search_workspace, get_runnable_details]]
                forbiddenToolsUsed: [delete_everything]
                toolCallArgs:
                  - tool: set_flow
                    field: summary
                    stringIncludesAnyOf: [sum]
              runtime:
                maxTurns: 8
                backendPreview:
                  args: {a: 1}
                  expect: {result: {sum: 3}}
              tags: [basic]
              skipJudge: true
            - id: flow-two
              prompt: Second.
            """);

    CaseDefinition first = cases.get(0);
    assertThat(first.id()).isEqualTo("flow-one");
    assertThat(first.prompt()).isEqualTo("Build it.\n");
    assertThat(first.initial()).isEqualTo("fixtures/flow/initial/one.json");
    assertThat(first.validate().get("topLevelStepIds")).hasSize(2);
    assertThat(first.judgeChecklist()).containsExactly("it works");
    assertThat(first.toolExpect().requiredToolsUsed()).containsExactly("set_flow");
    assertThat(first.toolExpect().requiredToolsAnyOf())
        .containsExactly(List.of("search_workspace", "get_runnable_details"));
    assertThat(first.toolExpect().toolCallArgs().get(0).stringIncludesAnyOf())
        .containsExactly("sum");
    assertThat(first.runtime().effectiveMaxTurns()).isEqualTo(8);
    assertThat(first.runtime().backendPreview().args().get("a").asInt()).isEqualTo(1);
    assertThat(first.runtime().backendPreview().expect().result().toString())
        .isEqualTo("{\"sum\":3}");
    assertThat(first.tags()).containsExactly("basic");
    assertThat(first.skipJudge()).isTrue();
    assertThat(first.source().line()).isEqualTo(1);
    assertThat(cases.get(1).runtime().effectiveMaxTurns()).isEqualTo(20);
    assertThat(cases.get(1).source().line()).isEqualTo(25);
  }

  @Test
  void readsCliExpectationsAsTheCaseWritesThem() {
    List<CaseDefinition> cases =
        load(
            """
            - id: cli-one
              prompt: Tell me.
              cliExpect:
                requiredSkills: [cli-commands]
                workspaceUnchanged: true
            - id: cli-two
              prompt: Nothing expected.
            """);

    assertThat(cases.get(0).cliExpect().get("requiredSkills").get(0).asText())
        .isEqualTo("cli-commands");
    assertThat(cases.get(0).cliExpect().get("workspaceUnchanged").asBoolean()).isTrue();
    assertThat(cases.get(1).cliExpect().isEmpty()).isTrue();
  }

  static List<Arguments> brokenCaseFiles() {
    return List.of(
        Arguments.of("- id: a\n  prompt: [unclosed\n", 3, "YAML syntax error"),
        Arguments.of("id: a\nprompt: b\n", 1, "expected a list of cases"),
        Arguments.of("- id: a\n  prompt: b\n  promt: c\n", 3, "unknown field 'promt'"),
        Arguments.of(
            "- id: a\n  prompt: b\n- id: a\n  prompt: c\n",
            3,
            "duplicate case id 'a' (first defined on line 1)"),
        Arguments.of("- id: Bad Id\n  prompt: b\n", 1, "case id must match"),
        Arguments.of("- id: a\n", 1, "case 'a' has no prompt"),
        Arguments.of(
            "- id: a\n  prompt: b\n  validate:\n    topLevelStepIdz: [x]\n",
            4,
            "unknown validate rule 'topLevelStepIdz'"),
        Arguments.of("- id: a\n  prompt: b\n  runtime:\n    maxTurns: lots\n", 4, "maxTurns"),
        Arguments.of(
            "- id: a\n  prompt: b\n  runtime:\n    maxTurns: 0\n",
            3,
            "runtime.maxTurns must be at least 1"),
        Arguments.of(
            "- id: a\n  prompt: b\n  runtime:\n    backendPreview:\n      expect: {}\n",
            5,
            "needs exactly one of result and resultContains"),
        Arguments.of(
            "- id: a\n  prompt: b\n  runtime:\n    backendPreview:\n      expect: {result: 1, results: 1}\n",
            5,
            "unknown field 'results'"),
        Arguments.of(
            "- id: a\n  prompt: b\n  toolExpect:\n    requiredToolsUsd: [x]\n",
            4,
            "unknown field 'requiredToolsUsd'"),
        Arguments.of("- just a string\n", 1, "each case must be a mapping"));
  }

  @ParameterizedTest
  @MethodSource("brokenCaseFiles")
  void reportsTheFileAndLineOfEveryProblem(String yaml, int line, String problem) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(CaseFileException.class)
        .hasMessageStartingWith("cases/flow.yaml:" + line + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void reportsAMissingCaseFile() {
    assertThatThrownBy(() -> new CaseLoader(dir).load("script", Set.of()))
        .isInstanceOf(CaseFileException.class)
        .hasMessageStartingWith("cases/script.yaml: case file not found");
  }
}
