package dev.evals.cli;

import dev.evals.config.ToolBuild;
import java.nio.file.Path;
import java.util.Map;

/** The suite of the golden reference run: one case of every outcome an attempt can have. */
final class GoldenSuite {

  static final String CASES =
      """
      - id: flow-good
        prompt: Convert `celsius` to Fahrenheit in one step `convert_temperature`.
        expected: fixtures/complete.json
        judgeChecklist: [converts]
        validate:
          exactTopLevelStepIds: [convert_temperature]
      - id: flow-bad
        prompt: Convert `celsius` to Fahrenheit in one step `other_step`.
        expected: fixtures/complete.json
        validate:
          exactTopLevelStepIds: [other_step]
      - id: flow-judge-breaks
        prompt: Convert `celsius` to Fahrenheit (judge-breaks).
        expected: fixtures/complete.json
      - id: flow-no-expected
        prompt: Convert celsius.
      - id: flow-skeleton
        prompt: Convert celsius.
        expected: fixtures/skeleton.json
      - id: flow-skip-judge
        prompt: Convert celsius.
        expected: fixtures/complete.json
        skipJudge: true
      """;

  static final String SKELETON =
      """
      {"value": {"modules": [{"id": "convert_temperature", "value": {"type": "rawscript",
        "language": "bun", "content": "", "input_transforms": {}}}]},
       "schema": {"type": "object", "properties": {"celsius": {"type": "number"}}}}
      """;

  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private GoldenSuite() {}

  static CliRun run(Path dir, String... more) {
    String[] base = {
      "run", "flow", "--model", "reference", "--judge-model", "sonnet", "--cases-dir", "suite",
      "--runs", "2", "--concurrency", "1", "--max-retries", "0", "--record", "--output",
      "out/run.json"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(dir, Map.of("GITHUB_SHA", COMMIT), args);
  }

  /**
   * Replaces the two values no test can choose, the temporary folder and the build of this tool, by
   * fixed words; everything else is what the run wrote.
   */
  static String normalize(String text, Path dir) {
    ToolBuild build = ToolBuild.current();
    return text.replace(dir.toString(), "<dir>")
        .replace("\"" + build.version() + "\"", "\"<tool-version>\"")
        .replace("\"" + build.commit() + "\"", "\"<tool-commit>\"");
  }
}
