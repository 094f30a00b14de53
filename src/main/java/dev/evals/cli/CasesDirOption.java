package dev.evals.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cases-dir}: the root holding cases/ and fixtures/. */
final class CasesDirOption {

  @Option(
      names = "--cases-dir",
      paramLabel = "<dir>",
      description = "Root holding cases/ and fixtures/ (default: the current directory).")
  Path casesDir;

  Path resolve(CliContext context) {
    return casesDir == null ? context.workDir() : context.workDir().resolve(casesDir).normalize();
  }
}
