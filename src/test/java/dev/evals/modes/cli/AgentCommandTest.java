package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentCommandTest {

  @Test
  void substitutesThePromptIntoOneArgumentWithoutAShell() {
    AgentCommand command = AgentCommand.parse("claude -p --model {model} \"--append x\" {prompt}");

    assertThat(command.render("say \"hi\"; rm -rf $HOME", "haiku"))
        .containsExactly(
            "claude", "-p", "--model", "haiku", "--append x", "say \"hi\"; rm -rf $HOME");
  }

  @Test
  void aTemplateWithoutPromptPlaceholderTakesThePromptOnStandardInput() {
    assertThat(AgentCommand.parse("codex exec --json -").mentionsPrompt()).isFalse();
  }

  @Test
  void refusesAnUnclosedQuote() {
    assertThatThrownBy(() -> AgentCommand.parse("sh 'broken {prompt}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed '");
  }
}
