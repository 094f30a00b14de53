package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing API key is named with who needs it and the ways out, before any model is called. */
class MissingKeyTest {

  private static final String PROJECT = Path.of("").toAbsolutePath().toString();

  @TempDir Path dir;

  private CliRun run(Map<String, String> environment, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "run";
    args[1] = "flow";
    args[2] = "--cases-dir";
    args[3] = PROJECT;
    System.arraycopy(options, 0, args, 4, options.length);
    return CliRun.of(dir, environment, args);
  }

  @Test
  void saysTheDefaultJudgeNeedsTheAnthropicKeyAndHowToDoWithout() {
    CliRun run = run(Map.of("OPENAI_API_KEY", "sk-openai"), "--model", "4o");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .last()
        .isEqualTo(
            "error: ANTHROPIC_API_KEY is not set; the judge (sonnet by default) needs it: export it"
                + " or put it in .env, or choose another judge (--judge-model 4o) or none"
                + " (--judge off)");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void namesTheModelUnderTestAndTheJudgeWhenOneKeyServesBoth() {
    CliRun run = run(Map.of(), "--model", "haiku");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: ANTHROPIC_API_KEY is not set; the model under test (haiku) and the judge"
                + " (sonnet by default) need it: export it or put it in .env, or choose another"
                + " judge (--judge-model <alias>) or none (--judge off)");
  }

  @Test
  void namesEachMissingKeyWithWhoNeedsIt() {
    CliRun run = run(Map.of(), "--model", "4o", "--judge-model", "opus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "error: OPENAI_API_KEY is not set; the model under test (4o) needs it;"
                + " ANTHROPIC_API_KEY is not set; the judge (opus) needs it: export them or put"
                + " them in .env");
  }

  @Test
  void aJudgeThatIsOffNeedsNoKey() throws Exception {
    CliRun run = run(Map.of(), "--model", "4o", "--judge", "off");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .last()
        .isEqualTo(
            "error: OPENAI_API_KEY is not set; the model under test (4o) needs it: export it or"
                + " put it in .env");
    assertThat(Files.exists(dir.resolve("results"))).isFalse();
  }
}
