package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class EvalsCommandTest {

  @TempDir Path dir;

  @Test
  void namesEachSubcommandAsItsOwnCommandAnnotationDoes() {
    CommandLine all = EvalsCli.create(context());

    assertThat(all.getSubcommands().keySet())
        .containsExactlyElementsOf(EvalsCommand.SUBCOMMANDS.keySet());
    all.getSubcommands()
        .forEach(
            (name, sub) ->
                assertThat(sub.getCommandSpec().userObject())
                    .isInstanceOf(EvalsCommand.SUBCOMMANDS.get(name)));
  }

  @Test
  void buildsOnlyTheSubcommandTheArgumentsStartWith() {
    CommandLine models = EvalsCli.create(context(), new String[] {"models", "--no-color"});

    assertThat(models.getSubcommands().keySet()).containsExactly("models");
    assertThat(models.getSubcommands().get("models").getCommandSpec().findOption("--debug"))
        .as("options the top command passes down")
        .isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "completion", "--debug", "--help", "-V", "modles"})
  void buildsEverySubcommandWhenTheFirstArgumentIsNoneOrNeedsTheOthers(String first) {
    CommandLine line = EvalsCli.create(context(), new String[] {first, "run"});

    assertThat(line.getSubcommands().keySet())
        .containsExactlyElementsOf(EvalsCommand.SUBCOMMANDS.keySet());
  }

  @Test
  void stillListsEverySubcommandInTheTopHelpAndSuggestsAMistypedOne() {
    CliRun help = CliRun.of(dir, Map.of(), "--help");
    CliRun typo = CliRun.of(dir, Map.of(), "modles");

    assertThat(help.exitCode()).isZero();
    EvalsCommand.SUBCOMMANDS.keySet().forEach(name -> assertThat(help.out()).contains(name));
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("models");
  }

  @Test
  void runsASubcommandBuiltAloneWithTheInheritedOptions() {
    CliRun run = CliRun.of(dir, Map.of(), "models", "--no-color", "--debug");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("haiku (default)");
    assertThat(run.err()).isEmpty();
  }

  private CliContext context() {
    return new CliContext(
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        Map.of(),
        dir,
        CliRun.CLOCK,
        Terminal.NONE,
        new Random(1));
  }
}
