package dev.evals.cli;

import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A flow suite of reference-passing cases under a temporary cases root, for sharded runs. */
final class ShardSuite {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private ShardSuite() {}

  static void write(Path root, List<String> ids) throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    StringBuilder yaml = new StringBuilder();
    for (String id : ids) {
      yaml.append("- id: ")
          .append(id)
          .append("\n")
          .append("  prompt: Convert celsius.\n")
          .append("  expected: fixtures/celsius.json\n")
          .append("  validate:\n    exactTopLevelStepIds: [convert_temperature]\n");
    }
    new CasesRoot(root).caseFile("flow", yaml.toString()).file("fixtures/celsius.json", expected);
  }
}
