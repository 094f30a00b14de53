package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.ToolMode;

/** Flow mode: the model builds or edits a Windmill flow (OpenFlow JSON) through tools. */
public final class FlowMode extends ToolMode<FlowRules> {

  public FlowMode() {
    super("flow", FlowRules.NAMES, Defects.DERIVED, FlowRulesReader::read);
  }

  @Override
  protected PreparedCase prepare(CaseDefinition definition, Fixtures fixtures, FlowRules rules) {
    JsonNode initialNode =
        optionalFixture(
            definition.initial(), path -> fixtures.readTree(definition, "initial", path));
    InitialFixture initial =
        initialNode == null ? InitialFixture.NONE : initial(definition, initialNode);
    FlowState expected =
        optionalFixture(definition.expected(), path -> expected(definition, fixtures, path));
    return new PreparedFlowCase(definition, systemPrompt(), initialNode, initial, expected, rules);
  }

  private static InitialFixture initial(CaseDefinition definition, JsonNode node) {
    try {
      InitialFixture initial = InitialFixture.read(node);
      if (initial.flow() != null) {
        initial.flow().parse();
      }
      return initial;
    } catch (IllegalArgumentException | InvalidFlowException e) {
      throw definition.error("initial", "initial fixture is not a flow: " + e.getMessage());
    }
  }

  private static FlowState expected(CaseDefinition definition, Fixtures fixtures, String path) {
    JsonNode node = fixtures.readTree(definition, "expected", path);
    if (!node.isObject()) {
      throw definition.error("expected", "expected fixture must be a flow object");
    }
    FlowState expected = FlowState.fromJson(node);
    try {
      expected.parse();
    } catch (InvalidFlowException e) {
      throw definition.error("expected", "expected flow is not valid OpenFlow: " + e.getMessage());
    }
    return expected;
  }
}
