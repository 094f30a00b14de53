package dev.evals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cli agent that prints its environment leaks no key into anything the run writes. */
class CliAgentSecretsTest {

  private static final String KEY = "sk-ant-api03-very-secret-value-0123456789";
  private static final String TOKEN = "wm-token-also-secret-98765";
  private static final Path AGENT = Path.of("src/test/resources/cli/env-agent.sh").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void anAgentPrintingItsEnvironmentLeavesEveryKeyMaskedInOutputAndWorkspaceFiles()
      throws IOException {
    Files.createDirectories(dir.resolve("suite/cases"));
    Files.writeString(
        dir.resolve("suite/cases/cli.yaml"),
        """
        - id: leaky
          prompt: Create a Bun script at f/evals/hello.ts.
          expected: fixtures/cli/expected/leaky
        """);
    Path expected = dir.resolve("suite/fixtures/cli/expected/leaky/f/evals/hello.ts");
    Files.createDirectories(expected.getParent());
    Files.writeString(expected, "export async function main(name: string) {\n");

    CliRun run =
        CliRun.of(
            dir,
            Map.of("PATH", "/usr/bin:/bin", "ANTHROPIC_API_KEY", KEY, "WM_TOKEN", TOKEN),
            "run",
            "cli",
            "--model",
            "sonnet",
            "--agent-command",
            "sh " + AGENT + " {prompt}",
            "--judge",
            "off",
            "--cases-dir",
            "suite",
            "--output",
            "out/run.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path attempt = dir.resolve("out/run/leaky/attempt-1");
    assertThat(Files.readString(attempt.resolve("assistant-output.txt")))
        .contains("ANTHROPIC_API_KEY=***", "WM_TOKEN=***", "--- stderr ---");
    assertThat(Files.readString(attempt.resolve("workspace/f/evals/hello.ts")))
        .contains("// key: ***");
    for (Path file : files(dir.resolve("out"))) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY, TOKEN);
    }
    assertThat(run.out() + run.err()).doesNotContain(KEY, TOKEN);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
