package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.ToolMode;

/** Flow mode: the model builds or edits a Windmill flow (OpenFlow JSON) through tools. */
public final class FlowMode extends ToolMode {

  public FlowMode() {
    super("flow", FlowRules.NAMES);
  }

  @Override
  public boolean mutates() {
    return true;
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    FlowRules rules = FlowRulesReader.read(definition);
    JsonNode initialNode = null;
    InitialFixture initial = InitialFixture.NONE;
    if (definition.initial() != null) {
      initialNode = fixtures.readTree(definition, "initial", definition.initial());
      try {
        initial = InitialFixture.read(initialNode);
        if (initial.flow() != null) {
          initial.flow().parse();
        }
      } catch (IllegalArgumentException | InvalidFlowException e) {
        throw definition.error("initial", "initial fixture is not a flow: " + e.getMessage());
      }
    }
    FlowState expected = null;
    if (definition.expected() != null) {
      JsonNode node = fixtures.readTree(definition, "expected", definition.expected());
      if (!node.isObject()) {
        throw definition.error("expected", "expected fixture must be a flow object");
      }
      expected = FlowState.fromJson(node);
      try {
        expected.parse();
      } catch (InvalidFlowException e) {
        throw definition.error(
            "expected", "expected flow is not valid OpenFlow: " + e.getMessage());
      }
    }
    return new PreparedFlowCase(definition, systemPrompt(), initialNode, initial, expected, rules);
  }
}
