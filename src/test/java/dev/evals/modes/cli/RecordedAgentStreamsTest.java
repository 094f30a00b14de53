package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evals.model.TokenUsage;
import dev.evals.modes.cli.ToolUse.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser on event streams the real agents wrote (Claude Code 2.1.332, Codex 0.171.0) in the
 * integration tests' runs against the stand-ins ({@code -Devals.record.streams} refreshes them).
 */
class RecordedAgentStreamsTest {

  private static final Path STREAMS = Path.of("src/test/resources/cli/streams");

  @Test
  void claudeCodeTurnsAreDistinctMessagesAndEachCallKeepsItsOutcome() throws IOException {
    AgentTranscript transcript = parse("claude-forbidden-command");

    // five model turns streamed as six assistant events (a text block and a tool call share one)
    assertThat(transcript.turns()).isEqualTo(5);
    assertThat(transcript.toolUses())
        .extracting(use -> use.name() + " " + use.outcome())
        .containsExactly("Read DONE", "Write DONE", "Bash FAILED", "Bash FAILED");
    assertThat(transcript.report().model()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(transcript.report().apiError()).isNull();
  }

  @Test
  void claudeCodeUsageKeepsCacheWritesAndReadsAndItsOwnCostMatchesOurs() throws IOException {
    AgentTranscript transcript = parse("claude-forbidden-command");

    int turns = 5;
    assertThat(transcript.usage())
        .isEqualTo(
            TokenUsage.cached(
                turns * MessagesStandIn.INPUT,
                turns * MessagesStandIn.CACHE_WRITE,
                turns * MessagesStandIn.CACHE_READ,
                turns * MessagesStandIn.OUTPUT));
    // sonnet: 3 input, 3.75 cache write, 0.30 cache read, 15 output per million
    double ours = (600 * 3.0 + 2000 * 3.75 + 15000 * 0.30 + 300 * 15.0) / 1_000_000;
    assertThat(transcript.report().costUsd()).isCloseTo(ours, within(1e-12));
    assertThat(transcript.finalContextTokens())
        .isEqualTo(
            MessagesStandIn.INPUT + MessagesStandIn.CACHE_WRITE + MessagesStandIn.CACHE_READ);
  }

  @Test
  void aDeniedClaudeCodeCallIsNeitherRunNorAMutation() throws IOException {
    AgentTranscript transcript = parse("claude-denied-write");

    ToolUse denied = transcript.toolUses().get(transcript.toolUses().size() - 1);
    assertThat(denied.text("command")).isEqualTo("echo leaked > ../outside.txt");
    assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
    CliTrace trace = TraceBuilder.build(transcript, List.of(), "claude-sonnet-4-5-20250929");
    assertThat(trace.commands().bashCommands()).containsExactly("wmill --version");
    assertThat(trace.calls())
        .extracting(CliTrace.Call::outcome)
        .startsWith("done", "done", "failed")
        .endsWith("denied");
  }

  @Test
  void aClaudeCodeApiErrorResultIsReportedAsTheProviderFailing() throws IOException {
    AgentTranscript transcript = parse("claude-api-error-400");

    assertThat(transcript.report().apiError()).startsWith("the provider answered 400: ");
    assertThat(transcript.toolUses()).isEmpty();
  }

  @Test
  void codexCommandsAndPatchesBecomeBashAndEditWithOpenAiUsage() throws IOException {
    AgentTranscript transcript = parse("codex-bun-hello-script");

    assertThat(transcript.toolUses())
        .extracting(use -> use.name() + " " + use.outcome())
        .containsExactly("Bash DONE", "Edit DONE");
    assertThat(transcript.toolUses().get(0).text("command"))
        .isEqualTo("cat .agents/skills/write-script-bun/SKILL.md");
    int turns = 3;
    assertThat(transcript.usage())
        .isEqualTo(
            TokenUsage.cached(
                turns * (ResponsesStandIn.INPUT - ResponsesStandIn.CACHED),
                0,
                turns * ResponsesStandIn.CACHED,
                turns * ResponsesStandIn.OUTPUT));
    assertThat(transcript.report().apiError()).isNull();
    assertThat(transcript.report().model()).isNull();
  }

  @Test
  void codexGivingUpOnItsProviderIsReportedAsTheProviderFailing() throws IOException {
    AgentTranscript transcript = parse("codex-provider-500");

    assertThat(transcript.report().apiError()).contains("experiencing high demand");
  }

  @Test
  void codexRecoveringAfterReconnectingIsNoProviderFailure() {
    String stdout =
        """
        {"type":"turn.started"}
        {"type":"error","message":"Reconnecting... 1/2 (stream disconnected)"}
        {"type":"item.completed","item":{"id":"1","type":"agent_message","text":"Done."}}
        {"type":"turn.completed","usage":{"input_tokens":10,"cached_input_tokens":0,"output_tokens":2}}
        """;

    assertThat(AgentStreamParser.parse(stdout).report().apiError()).isNull();
  }

  private static AgentTranscript parse(String name) throws IOException {
    return AgentStreamParser.parse(Files.readString(STREAMS.resolve(name + ".jsonl")));
  }
}
