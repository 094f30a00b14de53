package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagSelectionTest {

  private static CaseDefinition tagged(String id, String... tags) {
    return new CaseDefinition(
        id,
        "prompt",
        null,
        null,
        null,
        null,
        List.of(tags),
        new SourceLocation("cases/flow.yaml", 1, java.util.Map.of()));
  }

  private final List<CaseDefinition> cases =
      List.of(tagged("a", "basic"), tagged("b", "basic", "slow"), tagged("c"), tagged("d", "slow"));

  private List<String> ids(List<String> wanted, List<String> excluded) {
    return new TagSelection(wanted, excluded)
        .apply("flow", cases).stream().map(CaseDefinition::id).toList();
  }

  @Test
  void keepsCasesWithAnyWantedTagAndNoExcludedOne() {
    assertThat(ids(List.of("basic"), List.of())).containsExactly("a", "b");
    assertThat(ids(List.of("basic"), List.of("slow"))).containsExactly("a");
    assertThat(ids(List.of(), List.of("slow"))).containsExactly("a", "c");
    assertThat(ids(List.of("basic", "slow"), List.of())).containsExactly("a", "b", "d");
  }

  @Test
  void refusesATagNoCaseHas() {
    assertThatThrownBy(() -> ids(List.of(), List.of("bsaic")))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessage("no flow case has the tag 'bsaic' (did you mean 'basic'?); tags: basic, slow");
  }

  @Test
  void refusesASelectionThatLeavesNothing() {
    assertThatThrownBy(() -> ids(List.of("slow"), List.of("slow")))
        .isInstanceOf(UnknownCaseException.class)
        .hasMessage("no flow case is left after selecting by tag (tags slow, without slow)");
  }
}
