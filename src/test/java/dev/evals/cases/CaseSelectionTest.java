package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.testing.CasesRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSelectionTest {

  @TempDir Path dir;
  private List<CaseDefinition> cases;

  @BeforeEach
  void loadCases() {
    new CasesRoot(dir)
        .caseFile(
            "flow",
            """
            - {id: flow-test1-a, prompt: a}
            - {id: flow-test10-b, prompt: b}
            - {id: flow-other, prompt: c}
            """);
    cases = new CaseLoader(dir).load("flow", Set.of());
  }

  private List<String> ids(List<String> patterns) {
    return CaseSelection.select("flow", cases, patterns).stream().map(CaseDefinition::id).toList();
  }

  @Test
  void selectsEverythingWithoutPatterns() {
    assertThat(ids(List.of())).hasSize(3);
  }

  @Test
  void matchesGlobsAndKeepsFileOrder() {
    assertThat(ids(List.of("flow-other", "flow-test1*")))
        .containsExactly("flow-test1-a", "flow-test10-b", "flow-other");
  }

  @Test
  void rejectsAnUnknownIdWithASuggestionAndTheValidIds() {
    assertThatThrownBy(() -> ids(List.of("flow-othr")))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessage(
            "unknown flow case 'flow-othr' (did you mean 'flow-other'?); valid ids:"
                + " flow-test1-a, flow-test10-b, flow-other");
  }
}
