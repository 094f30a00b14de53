package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.DraftCase;
import dev.evals.modes.Mutant;
import dev.evals.modes.SessionContext;
import dev.evals.modes.deploy.Deployments;
import dev.evals.modes.deploy.WindmillPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A flow case with its fixtures read and rules parsed. */
final class PreparedFlowCase extends DraftCase<FlowState, FlowState, FlowSession> {

  private final JsonNode initialFixture;
  private final InitialFixture initial;
  private final FlowValidator validator;

  PreparedFlowCase(
      CaseDefinition definition,
      String systemPrompt,
      JsonNode initialFixture,
      InitialFixture initial,
      FlowState expected,
      FlowRules rules) {
    super(definition, systemPrompt, initial.flow(), expected);
    this.initialFixture = initialFixture;
    this.initial = initial;
    this.validator =
        new FlowValidator(
            rules, initial.flow(), expected, initial.workspace(), definition.prompt());
  }

  @Override
  protected FlowSession newSession(String prompt, SessionContext context) {
    CaseDefinition definition = definition();
    String flowPath =
        initial.path() == null ? WindmillPath.forCase(definition.id()) : initial.path();
    PreviewSetup preview =
        new PreviewSetup(
            definition.id(), definition.runtime().backendPreview(), context.previewer());
    return new FlowSession(
        prompt, initial.flow(), initial.workspace(), validator, flowPath, preview);
  }

  @Override
  protected List<ToolCall> referenceCalls(FlowState expected) {
    return FlowReference.of(definition(), expected, initial.workspace());
  }

  /** The expected flow's seeded defects, each set through the tools as the reference sets it. */
  @Override
  public List<Mutant> mutants() {
    FlowState expected = expected();
    if (expected == null) {
      return List.of();
    }
    List<FlowDefect> defects = new ArrayList<>(FlowCodeMutants.of(expected));
    defects.addAll(FlowShapeMutants.of(expected));
    return defects.stream()
        .map(
            d ->
                new Mutant(
                    d.defectClass(),
                    d.structural(),
                    d.description(),
                    d.check(),
                    FlowReference.of(definition(), d.flow(), initial.workspace())))
        .toList();
  }

  /**
   * Complete when the expected flow has steps, an input schema and none of the problems every flow
   * is checked for. Windmill ships skeleton expected flows (step ids and types, no code) and flows
   * whose steps read inputs the schema does not declare ({@code flow_input.a} with no property
   * {@code a}); those count as incomplete.
   */
  @Override
  public boolean referenceIsComplete() {
    FlowState expected = expected();
    if (expected == null || expected.schema() == null) {
      return false;
    }
    return !expected.parse().modules().isEmpty()
        && validator.structuralProblems(expected).isEmpty();
  }

  /** The reference replays the expected flow and never creates schedules or triggers. */
  @Override
  public Set<String> toolsTheReferenceCannotCall() {
    return Set.copyOf(Deployments.TOOL_NAMES);
  }

  /** The initial fixture as given, with its workspace catalog. */
  @Override
  public JsonNode initialState() {
    return initialFixture;
  }
}
