package dev.evals.modes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.agent.ToolInvocation;
import dev.evals.cases.ToolExpect;
import dev.evals.cases.ToolExpect.ToolCallArgRule;
import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolExpectationsTest {

  private static final List<ToolInvocation> CALLS =
      List.of(
          call("get_flow", null),
          call("search_workspace", "add numbers"),
          new ToolInvocation("set_flow", null, true));

  static Stream<Arguments> expectations() {
    return Stream.of(
        Arguments.of(
            new ToolExpect(List.of("set_flow"), null, null, null),
            "tool set_flow was used",
            true,
            ""),
        Arguments.of(
            new ToolExpect(List.of("test_run_flow"), null, null, null),
            "tool test_run_flow was used",
            false,
            "tools used: get_flow, search_workspace, set_flow"),
        Arguments.of(
            new ToolExpect(null, List.of(List.of("test_run_flow", "get_flow")), null, null),
            "one of test_run_flow, get_flow was used",
            true,
            ""),
        Arguments.of(
            new ToolExpect(null, List.of(List.of("test_run_flow")), null, null),
            "one of test_run_flow was used",
            false,
            "tools used"),
        Arguments.of(
            new ToolExpect(null, null, List.of("get_flow"), null),
            "tool get_flow was not used",
            false,
            "get_flow was called 1 time(s)"),
        Arguments.of(
            args(new ToolCallArgRule("search_workspace", "query", List.of("add"), null, null)),
            "search_workspace.query starts with one of [add]",
            true,
            ""),
        Arguments.of(
            args(new ToolCallArgRule("search_workspace", "query", List.of("sum"), null, null)),
            "search_workspace.query starts with one of [sum]",
            false,
            "values: [add numbers]"),
        Arguments.of(
            args(new ToolCallArgRule("search_workspace", "query", null, List.of("add"), null)),
            "search_workspace.query does not start with any of [add]",
            false,
            "offending values: [add numbers]"),
        Arguments.of(
            args(new ToolCallArgRule("search_workspace", "query", null, null, List.of("numb"))),
            "search_workspace.query includes one of [numb]",
            true,
            ""),
        Arguments.of(
            args(new ToolCallArgRule("get_runnable_details", "path", null, null, List.of("f/"))),
            "get_runnable_details.path includes one of [f/]",
            false,
            "no call to get_runnable_details set path"));
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @MethodSource("expectations")
  void checksToolUseAgainstTheCaseExpectations(
      ToolExpect expect, String name, boolean passed, String detail) {
    List<Check> checks = ToolExpectations.check(expect, CALLS);

    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).name()).isEqualTo(name);
    assertThat(checks.get(0).passed()).isEqualTo(passed);
    assertThat(checks.get(0).detail()).contains(detail);
  }

  private static ToolExpect args(ToolCallArgRule rule) {
    return new ToolExpect(null, null, null, List.of(rule));
  }

  private static ToolInvocation call(String name, String query) {
    var arguments = JsonNodeFactory.instance.objectNode();
    if (query != null) {
      arguments.put("query", query);
    }
    return new ToolInvocation(name, arguments, false);
  }
}
