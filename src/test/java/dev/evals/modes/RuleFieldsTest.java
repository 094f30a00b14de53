package dev.evals.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFieldsTest {

  @Test
  void anAbsentListRuleAsksForNothing() {
    assertThat(RuleFields.<String>orEmpty(null)).isEmpty();
  }

  @Test
  void aGivenListIsCopiedAndCannotBeChanged() {
    List<String> given = new ArrayList<>(List.of("a"));

    List<String> kept = RuleFields.orEmpty(given);
    given.add("b");

    assertThat(kept).containsExactly("a");
    assertThatThrownBy(() -> kept.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBlankRequiredTextNamesItsField() {
    assertThatThrownBy(() -> RuleFields.requireText(" ", "id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'id' is required");
  }
}
