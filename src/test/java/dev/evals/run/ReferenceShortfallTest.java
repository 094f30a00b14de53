package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.agent.ToolInvocation;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.SourceLocation;
import dev.evals.cases.ToolExpect;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.ToolExpectations;
import dev.evals.validate.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceShortfallTest {

  private static final ToolExpect SCHEDULE_REQUIRED =
      new ToolExpect(
          List.of("set_flow", "create_schedule"),
          null,
          null,
          List.of(
              new ToolExpect.ToolCallArgRule(
                  "create_schedule", "path", List.of("f/", "u/"), null, null)));
  private static final List<ToolInvocation> REPLAYED = List.of(call("get_flow"), call("set_flow"));

  @Test
  void aCaseRequiringAToolTheReferenceCannotCallIsAnIncompleteReference() {
    Optional<String> shortfall = shortfall(SCHEDULE_REQUIRED, REPLAYED, Check.pass("flow parses"));

    assertThat(shortfall)
        .hasValueSatisfying(
            why -> assertThat(why).contains("cannot call create_schedule").contains("toolExpect"));
  }

  @Test
  void anyOtherFailedCheckStaysAFailure() {
    assertThat(shortfall(SCHEDULE_REQUIRED, REPLAYED, Check.fail("flow parses", "no"))).isEmpty();
  }

  @Test
  void aToolTheReferenceCouldHaveCalledStaysAFailure() {
    ToolExpect expect =
        new ToolExpect(List.of("test_run_flow", "create_schedule"), null, null, null);

    assertThat(shortfall(expect, REPLAYED, Check.pass("flow parses"))).isEmpty();
  }

  @Test
  void aCaseWithoutSuchToolsHasNoShortfall() {
    ToolExpect expect = new ToolExpect(List.of("test_run_flow"), null, null, null);

    assertThat(shortfall(expect, REPLAYED, Check.pass("flow parses"))).isEmpty();
  }

  @Test
  void aSkeletonFixtureIsAnIncompleteReferenceWhateverFailed() {
    Scoring scoring = new Scoring();
    scoring.add(Check.fail("flow has no placeholder code", "steps: a"));

    assertThat(ReferenceShortfall.of(prepared(ToolExpect.NONE, false), scoring, REPLAYED))
        .hasValue("the expected fixture is not a complete solution: it fails its own checks");
  }

  private static Optional<String> shortfall(
      ToolExpect expect, List<ToolInvocation> calls, Check validator) {
    Scoring scoring = new Scoring();
    scoring.add(validator);
    scoring.addToolChecks(ToolExpectations.check(expect, calls));
    return ReferenceShortfall.of(prepared(expect, true), scoring, calls);
  }

  private static ToolInvocation call(String name) {
    return new ToolInvocation(name, JsonNodeFactory.instance.objectNode(), false);
  }

  private static PreparedCase prepared(ToolExpect expect, boolean complete) {
    CaseDefinition definition =
        new CaseDefinition(
            "a-case",
            "Do it.",
            new CaseDefinition.Fixtures(null, "expected.json"),
            new CaseDefinition.Expectations(null, expect, null),
            new CaseDefinition.Judging(null, true),
            null,
            null,
            new SourceLocation("cases/flow.yaml", 1, Map.of()));
    return new PreparedCase() {
      @Override
      public CaseDefinition definition() {
        return definition;
      }

      @Override
      public Session openSession(SessionContext context) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<ToolCall> referenceSolution() {
        return List.of();
      }

      @Override
      public boolean referenceIsComplete() {
        return complete;
      }

      @Override
      public Set<String> toolsTheReferenceCannotCall() {
        return Set.of("create_schedule", "create_trigger");
      }

      @Override
      public JsonNode initialState() {
        return null;
      }

      @Override
      public JsonNode expectedState() {
        return null;
      }
    };
  }
}
