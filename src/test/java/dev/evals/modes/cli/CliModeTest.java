package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentResult;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseFileException;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.json.Mappers;
import dev.evals.model.ModelSpec;
import dev.evals.model.Provider;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.testing.CasesRoot;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliModeTest {

  private static final Path FAKE_AGENT = Path.of("src/test/resources/cli/fake-agent.sh");
  private static final String HELLO_CASE =
      """
      - id: hello
        prompt: FAKE_WRITE a Bun script at f/evals/hello.ts
        initial: fixtures/cli/initial/hello
        expected: fixtures/cli/expected/hello
        cliExpect:
          requiredSkills: [write-script-bun]
          requiredSkillsBeforeFirstMutation: [write-script-bun]
          forbiddenSkills: [write-flow]
          forbiddenExecutedCommands: ['^wmill sync push']
          orderedProposedCommands: [wmill generate-metadata, wmill sync push]
        judgeChecklist: [greets]
      """;

  private static final String EXPECTED_ANSWER_LINE = "  expected: fixtures/cli/expected/pull.md\n";
  private static final String GUIDANCE_CASE =
      """
      - id: pull
        prompt: Which command first? Do not modify any files.
      """
          + EXPECTED_ANSWER_LINE
          + """
            cliExpect:
              workspaceUnchanged: true
              requiredProposedCommands: [wmill sync pull]
            judgeChecklist: [recommends wmill sync pull]
          """;

  @TempDir Path root;
  @TempDir Path temporary;
  private CasesRoot cases;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void fixtures() {
    cases =
        new CasesRoot(root)
            .file("fixtures/cli/initial/hello/wmill.yaml", "defaultTs: bun\n")
            .file(
                "fixtures/cli/expected/hello/f/evals/hello.ts",
                "export async function main(name: string) {\n"
                    + "  return { greeting: `Hello, ${name}!` };\n}\n");
    environment.put("PATH", System.getenv("PATH"));
  }

  @Test
  void scoresAnAgentThatWritesTheExpectedFileAfterReadingItsSkill() throws IOException {
    CliSession session = session(HELLO_CASE, fakeAgent());

    AgentResult result = session.runAgent(agentModel(), AgentListener.SILENT);

    assertThat(result.usage().prompt()).isEqualTo(270);
    assertThat(result.usage().completion()).isEqualTo(16);
    assertThat(result.finalContextTokens()).isEqualTo(150);
    assertThat(result.invocations()).extracting(i -> i.name()).containsExactly("Skill", "Write");
    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    assertThat(session.validate())
        .extracting(Check::name)
        .contains(
            "agent finished",
            "expected file f/evals/hello.ts",
            "no unexpected files",
            "required skills invoked",
            "skills invoked before the first file mutation",
            "commands proposed in order",
            "assets live under f/ or u/");
  }

  @Test
  void writesTheChangedFilesOutputInvocationsAndTraceAsArtifacts() throws IOException {
    CliSession session = session(HELLO_CASE, fakeAgent());
    session.runAgent(agentModel(), AgentListener.SILENT);
    Map<String, String> written = new HashMap<>();

    session.writeArtifacts(written::put);

    assertThat(written)
        .containsOnlyKeys(
            "workspace/f/evals/hello.ts",
            "assistant-output.txt",
            "wmill-invocations.jsonl",
            "trace.json");
    assertThat(written.get("assistant-output.txt")).contains("\"type\":\"result\"");
    JsonNode trace = Mappers.json().readTree(written.get("trace.json"));
    assertThat(trace.fieldNames())
        .toIterable()
        .as("trace.json stays flat, in the order it was always written")
        .containsExactly(
            "toolsUsed",
            "skillsInvoked",
            "skillsBeforeFirstMutation",
            "bashCommands",
            "executedWmillCommands",
            "proposedCommands",
            "firstMutationIndex",
            "calls",
            "requestedModel",
            "agent");
    assertThat(trace.get("skillsInvoked").get(0).asText()).isEqualTo("write-script-bun");
    assertThat(trace.get("firstMutationIndex").asInt()).isEqualTo(1);
    assertThat(trace.get("proposedCommands").toString())
        .isEqualTo("[\"wmill generate-metadata\",\"wmill sync push\"]");
  }

  @Test
  void recordsAWmillCallThroughTheStubWhichExitsWith97() throws IOException {
    CliSession session = session(HELLO_CASE.replace("FAKE_WRITE", "FAKE_PUSH"), fakeAgent());
    session.runAgent(agentModel(), AgentListener.SILENT);
    Map<String, String> written = new HashMap<>();
    session.writeArtifacts(written::put);

    JsonNode call = Mappers.json().readTree(written.get("wmill-invocations.jsonl").strip());
    assertThat(call.get("argv").toString()).isEqualTo("[\"sync\",\"push\",\"--yes\",\"it's ok\"]");
    assertThat(call.get("cwd").asText()).endsWith("/workspace");
    assertThat(call.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(written.get("assistant-output.txt")).contains("exit=97");
    assertThat(check(session, "forbidden commands not executed").detail())
        .contains("wmill sync push --yes it's ok");
  }

  @Test
  void killsTheAgentAndItsChildrenAtTheTimeout() throws IOException {
    Path pidFile = temporary.resolve("sleep.pid");
    environment.put("FAKE_PID_FILE", pidFile.toString());
    String yaml =
        HELLO_CASE.replace("FAKE_WRITE", "FAKE_TIMEOUT") + "  runtime:\n    timeoutSeconds: 1\n";
    CliSession session = session(yaml, fakeAgent());

    session.runAgent(agentModel(), AgentListener.SILENT);

    Check finished = check(session, "agent finished");
    assertThat(finished.passed()).isFalse();
    assertThat(finished.detail()).isEqualTo("timed out after 1 s");
    long sleepPid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void catchesFilesWrittenBesideTheWorkspaceAndLinksOutOfIt() throws IOException {
    CliSession session = session(HELLO_CASE.replace("FAKE_WRITE", "FAKE_ESCAPE"), fakeAgent());

    session.runAgent(agentModel(), AgentListener.SILENT);

    Check outside = check(session, AgentFolderChecks.NOTHING_OUTSIDE);
    assertThat(outside.passed()).isFalse();
    assertThat(outside.detail())
        .contains("wrote ../leaked.txt")
        .contains("f/link.txt links to /etc/hostname");
  }

  @Test
  void theReferenceWritesTheExpectedFilesWithoutStartingAProcess() throws IOException {
    CliSession session = session(HELLO_CASE, null);

    AgentResult result = session.runAgent(referenceModel(), AgentListener.SILENT);

    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    assertThat(result.messages()).hasSize(2);
  }

  @Test
  void aGuidanceCaseWithoutAnExpectedAnswerHasNoReference() {
    PreparedCase prepared = prepare(GUIDANCE_CASE.replace(EXPECTED_ANSWER_LINE, ""), null);

    assertThat(prepared.hasReference()).isFalse();
    assertThat(prepared.referenceIsComplete()).isFalse();
  }

  @Test
  void theReferenceGivesTheExpectedAnswerWordForWord() throws IOException {
    cases.file("fixtures/cli/expected/pull.md", "First run `wmill sync pull`, then edit.\n");
    PreparedCase prepared = prepare(GUIDANCE_CASE, null);
    CliSession session = (CliSession) prepared.openSession(SessionContext.DEFAULT);

    session.runAgent(referenceModel(), AgentListener.SILENT);

    assertThat(prepared.hasReference()).isTrue();
    assertThat(prepared.referenceIsComplete()).isTrue();
    assertThat(session.artifact().path("finalAnswer").asText())
        .isEqualTo("First run `wmill sync pull`, then edit.\n");
    assertThat(prepared.expectedState().path("finalAnswer").asText()).contains("wmill sync pull");
    assertThat(session.validate())
        .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
  }

  @Test
  void anExpectedAnswerThatMissesAnExpectedCommandFailsItsOwnChecks() throws IOException {
    cases.file("fixtures/cli/expected/pull.md", "Just edit the files locally.\n");
    CliSession session = session(GUIDANCE_CASE, null);

    session.runAgent(referenceModel(), AgentListener.SILENT);

    assertThat(session.validate()).anyMatch(check -> !check.passed());
  }

  @Test
  void refusesAnExpectedFileThatIsNoMarkdownAnswer() {
    cases.file("fixtures/cli/expected/pull.txt", "wmill sync pull\n");

    assertThatThrownBy(() -> prepare(GUIDANCE_CASE.replace("pull.md", "pull.txt"), null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("a Markdown (.md) file holding the expected answer");
  }

  @Test
  void aModelWithoutAnAgentCommandIsRefusedWithTheModelsThatHaveOne() throws IOException {
    CliSession session = session(HELLO_CASE, null);

    assertThatThrownBy(() -> session.runAgent(agentModel(), AgentListener.SILENT))
        .isInstanceOf(UnsupportedAgentException.class)
        .hasMessageStartingWith(
            "model 'fake' has no agent command for cli mode; pass --agent-command or use one of: ")
        .hasMessageContaining("haiku");
  }

  @Test
  void reportsAnUnknownCliExpectFieldAtItsLine() {
    String yaml = HELLO_CASE.replace("forbiddenSkills:", "forbidenSkills:");

    assertThatThrownBy(() -> prepare(yaml, null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageStartingWith("cases/cli.yaml:8: case 'hello': unknown cliExpect field")
        .hasMessageContaining("did you mean 'forbiddenSkills'");
  }

  @Test
  void reportsABrokenForbiddenCommandPattern() {
    String yaml = HELLO_CASE.replace("'^wmill sync push'", "'^wmill (sync'");

    assertThatThrownBy(() -> prepare(yaml, null))
        .isInstanceOf(CaseFileException.class)
        .hasMessageStartingWith("cases/cli.yaml:9: case 'hello': not a valid regular expression");
  }

  private CliSession session(String yaml, String agentCommand) {
    return (CliSession) prepare(yaml, agentCommand).openSession(SessionContext.DEFAULT);
  }

  private PreparedCase prepare(String yaml, String agentCommand) {
    cases.caseFile("cli", yaml);
    CliMode mode = new CliMode(null, agentCommand, environment, temporary);
    CaseDefinition definition = new CaseLoader(root).load("cli", mode.validateRuleNames()).get(0);
    return mode.prepare(definition, new Fixtures(root));
  }

  private static String fakeAgent() {
    return "sh '" + FAKE_AGENT.toAbsolutePath() + "' {prompt}";
  }

  private static Check check(CliSession session, String name) {
    return session.validate().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static ModelSpec agentModel() {
    return new ModelSpec("fake", null, Provider.ANTHROPIC, "fake-1", List.of(), null, null);
  }

  private static ModelSpec referenceModel() {
    return new ModelSpec("reference", null, Provider.REFERENCE, "reference", List.of(), null, null);
  }
}
