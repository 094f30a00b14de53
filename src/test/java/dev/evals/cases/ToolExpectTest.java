package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolExpectTest {

  @Test
  void withoutDropsEveryExpectationNamingTheToolsButKeepsForbiddenOnes() {
    ToolExpect expect =
        new ToolExpect(
            List.of("set_flow", "create_schedule"),
            List.of(List.of("create_trigger", "set_flow"), List.of("get_flow", "search_workspace")),
            List.of("create_trigger"),
            List.of(
                new ToolExpect.ToolCallArgRule(
                    "create_schedule", "path", List.of("f/"), null, null),
                new ToolExpect.ToolCallArgRule("set_flow", "summary", null, null, List.of("x"))));

    ToolExpect left = expect.without(Set.of("create_schedule", "create_trigger"));

    assertThat(left.requiredToolsUsed()).containsExactly("set_flow");
    assertThat(left.requiredToolsAnyOf()).containsExactly(List.of("get_flow", "search_workspace"));
    assertThat(left.forbiddenToolsUsed()).containsExactly("create_trigger");
    assertThat(left.toolCallArgs())
        .extracting(ToolExpect.ToolCallArgRule::tool)
        .containsExactly("set_flow");
  }
}
