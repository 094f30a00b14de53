package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.branchOne;
import static dev.evals.modes.flow.FlowJson.flow;
import static dev.evals.modes.flow.FlowJson.forLoop;
import static dev.evals.modes.flow.FlowJson.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestedStepsTest {

  private static final List<String> A = List.of("a");
  private static final FlowState EXPECTED =
      flow(
          A,
          forLoop(
              "each",
              "flow_input.a",
              branchOne(
                  "route",
                  "flow_input.iter.value > 1",
                  new String[] {raw("big", "1")},
                  new String[] {raw("small", "1")})));

  @Test
  void theExpectedFlowMatchesItself() {
    assertThat(compare(EXPECTED)).allMatch(Check::passed);
  }

  @Test
  void aStepRemovedFromABranchDefaultFails() {
    FlowState flow =
        flow(
            A,
            forLoop(
                "each",
                "flow_input.a",
                branchOne(
                    "route",
                    "flow_input.iter.value > 1",
                    new String[] {raw("big", "1")},
                    new String[] {raw("other", "1")})));

    assertThat(failed(compare(flow)))
        .anySatisfy(
            detail -> assertThat(detail).contains("no step 'small' (expected inside 'route')"));
  }

  @Test
  void aNestedStepMovedOutOfItsLoopFails() {
    FlowState flow =
        flow(
            A,
            forLoop(
                "each",
                "flow_input.a",
                branchOne(
                    "route",
                    "flow_input.iter.value > 1",
                    new String[] {raw("big", "1")},
                    new String[] {})),
            raw("small", "1"));

    assertThat(failed(compare(flow)))
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains("'small' is at the top level, expected inside 'route'"));
  }

  @Test
  void aNestedRawscriptTurnedIntoAScriptFailsItsTypeCheck() {
    FlowState flow =
        flow(
            A,
            forLoop(
                "each",
                "flow_input.a",
                branchOne(
                    "route",
                    "flow_input.iter.value > 1",
                    new String[] {StructureValidatorTest.script("big", "f/x/y")},
                    new String[] {raw("small", "1")})));

    assertThat(compare(flow))
        .filteredOn(c -> c.name().equals("big type matches expected"))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).isFalse());
  }

  @Test
  void anAgentThatLostAToolFails() {
    FlowState expected =
        flow(A, StructureValidatorTest.agent("export function main(q) { return q; }"));
    FlowState flow =
        flow(
            A,
            "{'id': 'agent', 'value': {'type': 'aiagent', 'input_transforms': {}, 'tools': []}}");
    List<Check> checks = new ArrayList<>();

    NestedSteps.compare(flow.parse(), expected.parse(), checks);

    assertThat(checks)
        .filteredOn(c -> c.name().equals(NestedSteps.AGENT_TOOLS))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("step 'agent' has no tool 'lookup'"));
  }

  private static List<Check> compare(FlowState flow) {
    List<Check> checks = new ArrayList<>();
    NestedSteps.compare(flow.parse(), EXPECTED.parse(), checks);
    return checks;
  }

  private static List<String> failed(List<Check> checks) {
    return checks.stream().filter(c -> !c.passed()).map(Check::detail).toList();
  }
}
