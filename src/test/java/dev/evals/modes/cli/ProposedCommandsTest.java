package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProposedCommandsTest {

  static List<Arguments> answers() {
    return List.of(
        Arguments.of("Run `wmill sync pull` first.", List.of("wmill sync pull")),
        Arguments.of(
            "```sh\n$ wmill job get 123\nwmill job logs 123 # logs\n```",
            List.of("wmill job get 123", "wmill job logs 123")),
        Arguments.of(
            "1. wmill generate-metadata\n2. wmill sync push.",
            List.of("wmill generate-metadata", "wmill sync push")),
        Arguments.of("Do not run `wmill sync push` yet.", List.of()),
        Arguments.of("Don't run wmill sync push before review.", List.of()),
        Arguments.of(
            "Use wmill flow preview f/evals/hello__flow, then push.",
            List.of("wmill flow preview f/evals/hello__flow")),
        Arguments.of("Nothing to run here.", List.of()));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void extractsTheCommandsAnAnswerProposes(String answer, List<String> commands) {
    assertThat(ProposedCommands.extract(answer)).containsExactlyElementsOf(commands);
  }

  @ParameterizedTest
  @MethodSource("matching")
  void aProposedCommandMatchesWithExtraArgumentsOnly(
      String proposed, String expected, boolean matches) {
    assertThat(ProposedCommands.matches(proposed, expected)).isEqualTo(matches);
  }

  static List<Arguments> matching() {
    return List.of(
        Arguments.of("wmill sync pull", "wmill sync pull", true),
        Arguments.of("wmill sync pull --yes", "wmill sync pull", true),
        Arguments.of("wmill sync pullx", "wmill sync pull", false),
        Arguments.of("wmill job get 1234", "wmill job get 123", false));
  }
}
