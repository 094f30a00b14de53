package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.suite.Setting;
import dev.evals.suite.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class SettingFlagTest {

  @ParameterizedTest
  @EnumSource(Setting.class)
  void namesEverySettingByAFlagOfACommand(Setting setting) {
    assertThat(allOptionNames()).contains(SettingFlag.of(setting));
  }

  @Test
  void leavesTheSuiteMessageFreeOfFlags() {
    UsageException error = UsageException.about(Setting.JUDGE_SAMPLES, " must be at least 1");

    assertThat(error.getMessage()).isEqualTo("judge samples must be at least 1");
    assertThat(error.describe(SettingFlag::of)).isEqualTo("--judge-samples must be at least 1");
  }

  private static Set<String> allOptionNames() {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            Path.of("."),
            CliRun.CLOCK,
            dev.evals.report.Terminal.NONE,
            new Random(1));
    Set<String> names = new HashSet<>();
    collect(EvalsCli.create(context), names);
    return names;
  }

  private static void collect(CommandLine command, Set<String> names) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      names.addAll(Set.of(option.names()));
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, names));
  }
}
