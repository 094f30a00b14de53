package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.agent.Tool;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseFileException;
import dev.evals.cases.Fixtures;
import dev.evals.cases.SourceLocation;
import dev.evals.json.Mappers;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.catalog.Modes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppModeTest {

  private static final String RULES =
      "{'requiredBackendRunnableKeys': ['increment', 'reset'],"
          + " 'requiredFrontendFileContent': [{'path': '/index.tsx', 'includes': 'backend.reset'}],"
          + " 'requiredDatatables': [{'schema': 'public', 'table': 'todos'}]}";
  private static final String RESET_MAIN = "export async function main() { return 0 }";
  private static final String NEW_ENTRY =
      AppFixtures.ENTRY + "export const Reset = () => <button onClick={() => backend.reset()} />\n";

  @TempDir Path root;

  @BeforeEach
  void writeFixtures() throws IOException {
    write("initial/counter/frontend/index.tsx", AppFixtures.ENTRY);
    write("initial/counter/frontend/components/Old.tsx", "export const Old = () => null");
    runnable("initial/counter", "increment", AppFixtures.TS_MAIN);
    write("initial/counter/datatables.json", AppFixtures.DATATABLES.replace('\'', '"'));
    write("expected/counter/frontend/index.tsx", NEW_ENTRY);
    runnable("expected/counter", "increment", AppFixtures.TS_MAIN);
    runnable("expected/counter", "reset", RESET_MAIN);
    write("expected/counter/datatables.json", AppFixtures.DATATABLES.replace('\'', '"'));
  }

  @Test
  void readsFixturesInWindmillsLayout() {
    PreparedCase prepared = prepare(RULES);

    assertThat(prepared.initialState().path("frontend").fieldNames())
        .toIterable()
        .containsExactly("/components/Old.tsx", "/index.tsx");
    assertThat(prepared.initialState().path("backend").path("increment"))
        .isEqualTo(
            AppFixtures.json(
                "{'name': 'increment runnable', 'type': 'inline', 'inlineScript': {'language':"
                    + " 'bun', 'content': '"
                    + AppFixtures.TS_MAIN
                    + "'}}"));
    assertThat(prepared.initialState().path("datatables").get(0).path("datatable_name").asText())
        .isEqualTo("main");
    assertThat(prepared.referenceIsComplete()).isTrue();
  }

  @Test
  void referenceSolutionReadsThenWritesRunnablesThenFilesThenDeletes() {
    assertThat(prepare(RULES).referenceSolution())
        .extracting(ToolCall::id, ToolCall::name)
        .containsExactly(
            tuple("ref-1", "list_app_files"),
            tuple("ref-2", "get_app_file"),
            tuple("ref-3", "get_app_file"),
            tuple("ref-4", "set_backend_runnable"),
            tuple("ref-5", "set_app_file"),
            tuple("ref-6", "delete_app_file"));
  }

  @Test
  void theReferenceSolutionPassesEveryCheckOfItsCase() {
    PreparedCase prepared = prepare(RULES);
    Session session = prepared.openSession(SessionContext.DEFAULT);

    AgentResult result = run(session, new ScriptedModel(prepared.referenceSolution()));

    assertThat(result.invocations()).noneMatch(invocation -> invocation.isError());
    assertThat(session.artifact()).isEqualTo(prepared.expectedState());
    assertThat(session.validate())
        .hasSizeGreaterThan(8)
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
  }

  @Test
  void aScriptedModelBuildingTheAppThroughTheAgentLoopPasses() {
    Session session = prepare(RULES).openSession(SessionContext.DEFAULT);
    ScriptedModel model =
        new ScriptedModel(
            List.of(call("list_app_files", "{}")),
            List.of(call("get_app_file", "{'path': 'index.tsx'}")),
            List.of(
                call(
                    "set_backend_runnable",
                    "{'key': 'reset', 'name': 'Reset', 'language': 'bun', 'content': '"
                        + RESET_MAIN
                        + "'}"),
                new ToolCall(
                    "set-id",
                    "set_app_file",
                    Mappers.json()
                        .createObjectNode()
                        .put("path", "index.tsx")
                        .put("content", NEW_ENTRY)
                        .toString())));

    AgentResult result = run(session, model);

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.invocations()).noneMatch(invocation -> invocation.isError());
    assertThat(session.hasArtifact()).isTrue();
    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
  }

  @Test
  void writesAppJsonAndTheAppInFixtureLayout() throws IOException {
    Session session = prepare(RULES).openSession(SessionContext.DEFAULT);
    Map<String, String> written = new LinkedHashMap<>();

    session.writeArtifacts(written::put);

    assertThat(written)
        .containsOnlyKeys(
            "app.json",
            "frontend/components/Old.tsx",
            "frontend/index.tsx",
            "backend/increment/main.ts",
            "backend/increment/meta.json",
            "datatables.json");
    assertThat(Mappers.json().readTree(written.get("backend/increment/meta.json")))
        .isEqualTo(AppFixtures.json("{'name': 'increment runnable', 'language': 'bun'}"));
    assertThat(Mappers.json().readTree(written.get("app.json"))).isEqualTo(session.artifact());
    assertThat(written.get("frontend/index.tsx")).isEqualTo(AppFixtures.ENTRY);
  }

  @Test
  void rejectsARuleWithoutItsKeyAtItsFieldPath() {
    assertThatThrownBy(() -> prepare("{'requiredBackendRunnableTypes': [{'type': 'inline'}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/app.yaml:21:")
        .hasMessageContaining("validate.requiredBackendRunnableTypes[0]")
        .hasMessageContaining("'key' is required");
  }

  @Test
  void rejectsAnUnknownFieldInsideARule() {
    assertThatThrownBy(
            () ->
                prepare(
                    "{'requiredFrontendFileContent': [{'path': '/a.tsx', 'includes': 'x', 'contains': 'x'}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("validate.requiredFrontendFileContent[0].contains")
        .hasMessageContaining("known fields: includes, path, pattern");
  }

  @Test
  void rejectsABadPatternAndAMistypedCount() {
    assertThatThrownBy(
            () -> prepare("{'requiredBackendRunnableContent': [{'key': 'a', 'pattern': 'main('}]}"))
        .hasMessageContaining("validate.requiredBackendRunnableContent[0]")
        .hasMessageContaining("'pattern' is not a valid regular expression");
    assertThatThrownBy(() -> prepare("{'backendRunnableCountAtLeast': 'many'}"))
        .hasMessageContaining("validate.backendRunnableCountAtLeast");
  }

  @Test
  void rejectsARuleWithNeitherIncludesNorPattern() {
    assertThatThrownBy(() -> prepare("{'requiredFrontendFileContent': [{'path': '/a.tsx'}]}"))
        .hasMessageContaining("validate.requiredFrontendFileContent[0]")
        .hasMessageContaining("give 'includes' (snippets) or 'pattern' (a regex)");
  }

  @Test
  void rejectsFixturesThatAreNotAppFolders() throws IOException {
    write("file.json", "{}");
    Files.delete(root.resolve("expected/counter/backend/reset/meta.json"));

    assertThatThrownBy(() -> prepare("{}", "file.json", null))
        .hasMessageContaining("cases/app.yaml:4:")
        .hasMessageContaining("initial must name a folder with frontend/ and backend/");
    assertThatThrownBy(() -> prepare("{}", "initial/counter", "expected/counter"))
        .hasMessageContaining("cases/app.yaml:5:")
        .hasMessageContaining("expected fixture counter: backend/reset/meta.json is missing");
    assertThatThrownBy(() -> prepare("{}", "../outside", null))
        .hasMessageContaining("initial escapes the cases root");
  }

  @Test
  void anExpectedAppWithoutEntryOrWithOtherDatatablesIsAnIncompleteReference() throws IOException {
    write("expected/bare/frontend/App.tsx", "export default () => null");
    write("expected/tables/frontend/index.tsx", "export default () => null");

    assertThat(prepare("{}", null, "expected/bare").referenceIsComplete()).isFalse();
    assertThat(prepare("{}", "initial/counter", "expected/tables").referenceIsComplete()).isFalse();
    assertThat(prepare("{}", null, "expected/tables").referenceIsComplete()).isTrue();
  }

  @Test
  void isRegisteredWithItsRuleNames() {
    assertThat(Modes.builtIn().get("app")).isInstanceOf(AppMode.class);
    assertThat(new AppMode().validateRuleNames())
        .hasSize(13)
        .contains(
            "requiredFrontendPaths", "requiredDatatables", "forbiddenAppContent", "datatableQuery");
  }

  private PreparedCase prepare(String rules) {
    return prepare(rules, "initial/counter", "expected/counter");
  }

  private PreparedCase prepare(String rules, String initial, String expected) {
    Map<String, Integer> lines =
        Map.of(
            "initial", 4,
            "expected", 5,
            "validate", 20,
            "validate.requiredBackendRunnableTypes[0]", 21);
    CaseDefinition definition =
        new CaseDefinition(
            "counter",
            "add reset",
            new CaseDefinition.Fixtures(initial, expected),
            new CaseDefinition.Expectations((ObjectNode) AppFixtures.json(rules), null, null),
            null,
            null,
            null,
            new SourceLocation("cases/app.yaml", 1, lines));
    return new AppMode().prepare(definition, new Fixtures(root));
  }

  private void runnable(String app, String key, String code) throws IOException {
    write(app + "/backend/" + key + "/main.ts", code);
    write(
        app + "/backend/" + key + "/meta.json",
        "{\"name\": \"" + key + " runnable\", \"language\": \"bun\"}");
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static AgentResult run(Session session, ChatModel model) {
    List<Tool> tools = session.tools();
    return new AgentLoop(model, AgentListener.SILENT)
        .run(session.systemPrompt(), "add a reset button", tools, 10);
  }

  private static ToolCall call(String name, String singleQuotedArguments) {
    return new ToolCall(name + "-id", name, AppFixtures.json(singleQuotedArguments).toString());
  }

  /** Answers each request with the next scripted turn of tool calls, then stops. */
  private static final class ScriptedModel implements ChatModel {
    private final Deque<List<ToolCall>> turns;

    @SafeVarargs
    ScriptedModel(List<ToolCall>... turns) {
      this.turns = new ArrayDeque<>(List.of(turns));
    }

    ScriptedModel(List<ToolCall> oneTurn) {
      this.turns = new ArrayDeque<>(List.of(oneTurn));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      List<ToolCall> next = turns.poll();
      return next == null
          ? new ChatResponse("done", List.of(), null, "end_turn")
          : new ChatResponse("", next, null, "tool_use");
    }
  }
}
