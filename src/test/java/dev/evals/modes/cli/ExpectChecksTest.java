package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectChecksTest {

  private static final CliTrace NO_SKILLS =
      new CliTrace(
          List.of("Write"),
          new CliTrace.SkillUse(List.of(), List.of()),
          new CliTrace.CommandUse(List.of(), List.of(), List.of()),
          0,
          List.of(),
          null,
          null);

  @Test
  void aRequiredSkillMissingFromTheGuidanceIsNamedInTheFailure() {
    Check check =
        ExpectChecks.of(
                expectSkills("write-workflow-as-code"),
                NO_SKILLS,
                "",
                Set.of("write-flow", "write-script-bun"))
            .get(0);

    assertThat(check.passed()).isFalse();
    assertThat(check.detail())
        .contains("the guidance has no skill [write-workflow-as-code]")
        .contains("--guidance-dir");
  }

  @Test
  void aSkillTheGuidanceHasIsJustReportedMissing() {
    Check check =
        ExpectChecks.of(expectSkills("write-flow"), NO_SKILLS, "", Set.of("write-flow")).get(0);

    assertThat(check.detail()).isEqualTo("missing [write-flow]; skills invoked: []");
  }

  @Test
  void theBuiltInGuidanceListsItsSkills() {
    assertThat(Guidance.builtIn().skills())
        .contains("cli-commands", "write-flow", "write-script-bun", "write-script-python3");
  }

  private static CliExpect expectSkills(String skill) {
    return new CliExpect(
        new CliExpect.SkillExpect(List.of(skill), List.of(), List.of()),
        new CliExpect.CommandExpect(List.of(), List.of(), List.of(), List.of()),
        new CliExpect.MentionExpect(List.of(), List.of(), List.of()),
        false);
  }
}
