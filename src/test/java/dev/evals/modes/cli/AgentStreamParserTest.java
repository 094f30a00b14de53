package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.model.TokenUsage;
import org.junit.jupiter.api.Test;

class AgentStreamParserTest {

  @Test
  void readsCodexEventsAsBashAndEditToolUses() {
    String stdout =
        """
        {"type":"thread.started","thread_id":"t"}
        {"type":"item.completed","item":{"id":"1","type":"command_execution","command":"bash -lc 'cat .agents/skills/write-flow/SKILL.md'","exit_code":0}}
        {"type":"item.completed","item":{"id":"2","type":"file_change","changes":[{"path":"f/a.ts","kind":"add"}]}}
        {"type":"item.completed","item":{"id":"3","type":"agent_message","text":"Done: run `wmill sync push`."}}
        {"type":"turn.completed","usage":{"input_tokens":1200,"cached_input_tokens":1000,"output_tokens":80}}
        """;

    AgentTranscript transcript = AgentStreamParser.parse(stdout);

    assertThat(transcript.toolUses()).extracting(ToolUse::name).containsExactly("Bash", "Edit");
    assertThat(transcript.toolUses().get(0).text("command"))
        .isEqualTo("cat .agents/skills/write-flow/SKILL.md");
    assertThat(transcript.finalAnswer()).isEqualTo("Done: run `wmill sync push`.");
    assertThat(transcript.usage()).isEqualTo(TokenUsage.cached(200, 0, 1000, 80));
  }

  @Test
  void takesPlainOutputAsTheFinalAnswer() {
    AgentTranscript transcript = AgentStreamParser.parse("I would run wmill sync pull.\n");

    assertThat(transcript.toolUses()).isEmpty();
    assertThat(transcript.finalAnswer()).isEqualTo("I would run wmill sync pull.");
    assertThat(transcript.usage().total()).isZero();
  }

  @Test
  void skillsReadBeforeTheFirstMutationAreToldApartFromLaterOnes() {
    String stdout =
        """
        {"type":"assistant","message":{"content":[{"type":"tool_use","name":"Read","input":{"file_path":"/w/.claude/skills/write-flow/SKILL.md"}}]}}
        {"type":"assistant","message":{"content":[{"type":"tool_use","name":"Bash","input":{"command":"mkdir -p f/evals/x__flow"}}]}}
        {"type":"assistant","message":{"content":[{"type":"tool_use","name":"Skill","input":{"skill":"cli-commands"}}]}}
        {"type":"result","result":"ok"}
        """;

    CliTrace trace = TraceBuilder.build(AgentStreamParser.parse(stdout), java.util.List.of(), null);

    assertThat(trace.skills().skillsInvoked()).containsExactly("write-flow", "cli-commands");
    assertThat(trace.skills().skillsBeforeFirstMutation()).containsExactly("write-flow");
    assertThat(trace.firstMutationIndex()).isEqualTo(1);
    assertThat(trace.commands().bashCommands()).containsExactly("mkdir -p f/evals/x__flow");
  }
}
