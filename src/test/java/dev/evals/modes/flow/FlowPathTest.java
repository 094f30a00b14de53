package dev.evals.modes.flow;

import static dev.evals.modes.flow.FlowJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.Tool;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.cases.SourceLocation;
import dev.evals.cases.ToolExpect;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowPathTest {

  private static final String FLOW =
      "'summary': 'Orders', 'value': {'modules': []}, 'schema': {'type': 'object',"
          + " 'properties': {}}";

  @TempDir Path root;

  @Test
  void getFlowReportsThePathAtTheTopOfAFlowStateFixture() throws IOException {
    write("initial.json", "{'path': 'f/evals/order_processing_flow', " + FLOW + "}");

    Session session = open("flow-test15", "initial.json", ToolExpect.NONE);

    assertThat(getFlow(session)).isEqualTo("f/evals/order_processing_flow");
    assertThat(((FlowSession) session).flowPath()).isEqualTo("f/evals/order_processing_flow");
    assertThat(session.hasArtifact()).isFalse();
  }

  @Test
  void getFlowReportsThePathUnderTheFixturesFlow() throws IOException {
    write("initial.json", "{'flow': {'path': 'u/alice/orders', " + FLOW + "}, 'workspace': {}}");

    assertThat(getFlow(open("orders", "initial.json", ToolExpect.NONE)))
        .isEqualTo("u/alice/orders");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "flow-single-step-celsius, f/evals/flow_single_step_celsius",
    "flow.test15.Schedule, f/evals/flow_test15_schedule",
    "a_b9, f/evals/a_b9",
  })
  void withoutAFixturePathTheFlowLivesUnderEvalsNamedAfterTheCase(String id, String path)
      throws IOException {
    assertThat(getFlow(open(id, null, ToolExpect.NONE))).isEqualTo(path);
  }

  @Test
  void theReferenceSolutionSkipsScheduleAndTriggerToolsEvenWhenRequired() throws IOException {
    write("expected.json", "{" + FLOW + "}");
    ToolExpect expect =
        new ToolExpect(
            List.of("set_flow", "create_schedule"), List.of(List.of("create_trigger")), null, null);

    PreparedCase prepared = prepare("flow-test15", null, "expected.json", expect);

    assertThat(prepared.referenceSolution())
        .extracting(ToolCall::name)
        .containsExactly("get_flow", "set_flow");
  }

  private String getFlow(Session session) {
    Tool getFlow =
        session.tools().stream().filter(t -> t.name().equals("get_flow")).findFirst().orElseThrow();
    return json(getFlow.call(json("{}")).content().replace('"', '\'')).path("path").asText();
  }

  private Session open(String id, String initial, ToolExpect expect) {
    return prepare(id, initial, null, expect).openSession(SessionContext.DEFAULT);
  }

  private PreparedCase prepare(String id, String initial, String expected, ToolExpect expect) {
    CaseDefinition definition =
        new CaseDefinition(
            id,
            "prompt",
            new CaseDefinition.Fixtures(initial, expected),
            new CaseDefinition.Expectations((ObjectNode) json("{}"), expect, null),
            null,
            null,
            null,
            new SourceLocation("cases/flow.yaml", 1, Map.of()));
    return new FlowMode().prepare(definition, new Fixtures(root));
  }

  private void write(String name, String singleQuoted) throws IOException {
    Files.writeString(root.resolve(name), json(singleQuoted).toString());
  }
}
