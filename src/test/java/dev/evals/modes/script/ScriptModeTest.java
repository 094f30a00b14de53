package dev.evals.modes.script;

import static dev.evals.modes.script.ScriptJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseFileException;
import dev.evals.cases.CaseRuntime;
import dev.evals.cases.Fixtures;
import dev.evals.cases.PreviewExpect;
import dev.evals.cases.SourceLocation;
import dev.evals.model.ScriptedChatModel;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.ScriptPreview;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptModeTest {

  private static final String INITIAL =
      "{'path': 'f/evals/greet.ts', 'lang': 'bun', 'args': {'name': 'Ada'},"
          + " 'code': 'export async function main(name: string) {\\n  return \\'\\'\\n}\\n'}";
  private static final String EXPECTED =
      "{'path': 'f/evals/greet.ts', 'language': 'bun', 'args': {'name': 'Ada'},"
          + " 'content': 'export async function main(name: string) {\\n  return `Hello,"
          + " ${name}!`\\n}\\n'}";
  private static final String RULES =
      "{'language': 'bun', 'mainParams': [{'name': 'name', 'type': 'string'}],"
          + " 'requiredPatterns': ['Hello']}";

  @TempDir Path root;

  @Test
  void agentLoopWritingTheSolutionPassesEveryCheck() throws IOException {
    PreparedCase prepared = prepare(RULES);
    Session session = prepared.openSession(SessionContext.DEFAULT);
    ScriptedChatModel model = new ScriptedChatModel(prepared.referenceSolution(), "done");

    AgentResult result =
        new AgentLoop(model, AgentListener.SILENT)
            .run(session.systemPrompt(), "greet", session.tools(), 10);

    assertThat(result.stop()).isEqualTo(AgentResult.Stop.COMPLETED);
    assertThat(result.invocations()).noneMatch(invocation -> invocation.isError());
    assertThat(session.hasArtifact()).isTrue();
    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue())
        .extracting(Check::name)
        .contains(
            ScriptChecks.ENTRY_POINT,
            ScriptChecks.SYNTAX,
            RuleChecks.MAIN_PARAMS,
            ScriptValidator.DIFFERS,
            ScriptValidator.SAME_PARAMS);
  }

  @Test
  void anUnchangedStubScriptInTheWrongShapeFailsTheCaseChecks() throws IOException {
    Session session = prepare(RULES).openSession(SessionContext.DEFAULT);

    assertThat(session.validate())
        .filteredOn(check -> !check.passed())
        .extracting(Check::name)
        .containsExactlyInAnyOrder(
            RuleChecks.REQUIRED, ScriptValidator.DIFFERS, ScriptChecks.NO_PLACEHOLDERS);
  }

  @Test
  void referenceSolutionReadsSetsAndTestRunsWithThePreviewArgs() throws IOException {
    PreparedCase prepared = prepare(RULES);

    assertThat(prepared.referenceSolution())
        .extracting(ToolCall::id, ToolCall::name)
        .containsExactly(
            tuple("ref-1", "get_script"),
            tuple("ref-2", "set_script"),
            tuple("ref-3", "test_run_script"));
    assertThat(json(prepared.referenceSolution().get(2).arguments()))
        .isEqualTo(json("{'args': {'name': 'Grace'}}"));
    assertThat(prepared.referenceIsComplete()).isTrue();
    assertThat(prepared.initialState().path("language").asText()).isEqualTo("bun");
  }

  @Test
  void writesScriptJsonAndTheScriptFileAndPreviewsWithTheCaseArgs() throws IOException {
    PreparedCase prepared = prepare(RULES);
    Session session = prepared.openSession(SessionContext.DEFAULT);
    Map<String, String> files = new LinkedHashMap<>();

    session.writeArtifacts(files::put);
    PreviewRequest preview = session.previewRequest().orElseThrow();

    assertThat(files).containsOnlyKeys("script.json", "script.ts");
    assertThat(json(files.get("script.json")).path("path").asText()).isEqualTo("f/evals/greet.ts");
    assertThat(files.get("script.ts")).startsWith("export async function main(name: string)");
    assertThat(preview).isInstanceOf(ScriptPreview.class);
    assertThat(preview.args()).isEqualTo(json("{'name': 'Grace'}"));
    assertThat(preview.argsSource()).isEqualTo("case");
    assertThat(preview.expect()).isEqualTo(new PreviewExpect(null, json("'Hello, Grace'")));
  }

  @Test
  void aScriptWithoutMainIsAnIncompleteReference() throws IOException {
    Files.writeString(root.resolve("stub.json"), "{\"lang\": \"python3\", \"code\": \"x = 1\"}");

    PreparedCase prepared =
        new ScriptMode().prepare(definition("{}", null, "stub.json"), new Fixtures(root));

    assertThat(prepared.referenceIsComplete()).isFalse();
  }

  @Test
  void rejectsABadRegexAtItsIndex() {
    assertThatThrownBy(() -> prepare("{'forbiddenPatterns': ['fetch', 'axios(']}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/script.yaml:31:")
        .hasMessageContaining("validate.forbiddenPatterns[1]")
        .hasMessageContaining("not a regular expression: Unclosed group");
  }

  @Test
  void rejectsAnUnknownLanguageAtItsIndex() {
    assertThatThrownBy(() -> prepare("{'languageAnyOf': ['bun', 'typescript']}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("validate.languageAnyOf[1]")
        .hasMessageContaining("unknown language 'typescript'");
  }

  @Test
  void rejectsAMainParamWithoutNameAtItsFieldPath() {
    assertThatThrownBy(() -> prepare("{'mainParams': ['a', {'type': 'string'}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/script.yaml:32:")
        .hasMessageContaining("validate.mainParams[1]")
        .hasMessageContaining("'name' is required");
  }

  @Test
  void rejectsAnUnknownFieldInsideAMainParam() {
    assertThatThrownBy(() -> prepare("{'mainParams': [{'name': 'a', 'kind': 'string'}]}"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("validate.mainParams[0].kind")
        .hasMessageContaining("unknown field 'kind'");
  }

  @Test
  void rejectsAFixtureThatIsNotAScript() throws IOException {
    Files.writeString(root.resolve("bad.json"), "{\"lang\": \"bun\", \"source\": \"x\"}");

    assertThatThrownBy(
            () -> new ScriptMode().prepare(definition("{}", "bad.json", null), new Fixtures(root)))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("cases/script.yaml:4:")
        .hasMessageContaining("initial fixture is not a script: unknown field 'source'");
  }

  @Test
  void listsExactlyTheSupportedRuleNames() {
    assertThat(new ScriptMode().validateRuleNames())
        .containsExactlyInAnyOrder(
            "language",
            "languageAnyOf",
            "mainParams",
            "requiredImports",
            "forbiddenPatterns",
            "requiredPatterns");
    assertThat(new ScriptMode().name()).isEqualTo("script");
  }

  private PreparedCase prepare(String rules) throws IOException {
    Files.writeString(root.resolve("initial.json"), json(INITIAL).toString());
    Files.writeString(root.resolve("expected.json"), json(EXPECTED).toString());
    return new ScriptMode()
        .prepare(definition(rules, "initial.json", "expected.json"), new Fixtures(root));
  }

  private static CaseDefinition definition(String rules, String initial, String expected) {
    Map<String, Integer> lines = new HashMap<>();
    lines.put("initial", 4);
    lines.put("validate", 30);
    lines.put("validate.forbiddenPatterns[1]", 31);
    lines.put("validate.mainParams[1]", 32);
    return new CaseDefinition(
        "greet",
        "greet the user",
        new CaseDefinition.Fixtures(initial, expected),
        new CaseDefinition.Expectations((ObjectNode) json(rules), null, null),
        new CaseDefinition.Judging(List.of("greets"), false),
        new CaseRuntime(
            null,
            null,
            new CaseRuntime.BackendPreview(
                json("{'name': 'Grace'}"), null, new PreviewExpect(null, json("'Hello, Grace'")))),
        null,
        new SourceLocation("cases/script.yaml", 1, lines));
  }
}
