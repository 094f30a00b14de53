package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.modes.Mutant;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.deploy.Deployments;
import dev.evals.modes.deploy.WindmillPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A flow case with its fixtures read and rules parsed. */
final class PreparedFlowCase implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final JsonNode initialFixture;
  private final InitialFixture initial;
  private final FlowState expected;
  private final FlowValidator validator;

  PreparedFlowCase(
      CaseDefinition definition,
      String systemPrompt,
      JsonNode initialFixture,
      InitialFixture initial,
      FlowState expected,
      FlowRules rules) {
    this.definition = definition;
    this.systemPrompt = systemPrompt;
    this.initialFixture = initialFixture;
    this.initial = initial;
    this.expected = expected;
    this.validator =
        new FlowValidator(
            rules, initial.flow(), expected, initial.workspace(), definition.prompt());
  }

  @Override
  public CaseDefinition definition() {
    return definition;
  }

  @Override
  public Session openSession(SessionContext context) {
    return newSession(context);
  }

  /** The flow of {@code flow.json}, when the model produced one. */
  @Override
  public Session restore(Path attemptFolder, SessionContext context) throws IOException {
    FlowSession session = newSession(context);
    Path flow = attemptFolder.resolve("flow.json");
    if (Files.isRegularFile(flow)) {
      session.replace(FlowState.fromJson(Mappers.json().readTree(flow.toFile())));
    }
    return session;
  }

  private FlowSession newSession(SessionContext context) {
    String prompt = context.systemPrompt(systemPrompt);
    String flowPath =
        initial.path() == null ? WindmillPath.forCase(definition.id()) : initial.path();
    PreviewSetup preview =
        new PreviewSetup(
            definition.id(), definition.runtime().backendPreview(), context.previewer());
    return new FlowSession(
        prompt, initial.flow(), initial.workspace(), validator, flowPath, preview);
  }

  @Override
  public List<ToolCall> referenceSolution() {
    return expected == null
        ? List.of()
        : ReferenceSolution.of(definition, expected, initial.workspace());
  }

  /** The expected flow's seeded defects, each set through the tools as the reference sets it. */
  @Override
  public List<Mutant> mutants() {
    if (expected == null) {
      return List.of();
    }
    List<FlowDefect> defects = new java.util.ArrayList<>(FlowCodeMutants.of(expected));
    defects.addAll(FlowShapeMutants.of(expected));
    return defects.stream()
        .map(
            d ->
                new Mutant(
                    d.defectClass(),
                    d.structural(),
                    d.description(),
                    d.check(),
                    ReferenceSolution.of(definition, d.flow(), initial.workspace())))
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

  @Override
  public JsonNode initialState() {
    return initialFixture;
  }

  @Override
  public JsonNode expectedState() {
    return expected == null ? null : expected.toJson();
  }
}
