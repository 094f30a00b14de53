package dev.evals.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "f/evals/add.ts, f/evals/add",
    "f/evals/add.bun.ts, f/evals/add",
    "f/evals/add, f/evals/add",
    "u/admin/job.py, u/admin/job",
    "f/my.folder/x, f/my.folder/x",
  })
  void dropsTheFileExtensionOfASeedPath(String seed, String windmill) {
    assertThat(AssetSeeder.windmillPath(seed)).isEqualTo(windmill);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"f/evals/add, evals", "f/evals/sub/add, evals", "u/admin/add, ", "f/add, "})
  void findsTheFolderOfAPath(String path, String folder) {
    assertThat(AssetSeeder.folder(path)).isEqualTo(folder);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Add two numbers!, ai-evals-add-two-numbers-",
    "___, ai-evals-case-",
    "A very long case identifier that goes on and on, ai-evals-a-very-long-case-identifier-th-",
  })
  void namesIsolatedWorkspacesFromTheCase(String caseId, String start) {
    String name = WorkspaceName.isolated("ai-evals", caseId, new Random(3));

    assertThat(name).startsWith(start).matches("[a-z0-9-]+-[0-9a-f]{8}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"adds [seeded by evals]|true", "adds|false", "[seeded by evals] not at end|false"})
  void recognisesOnlyItsOwnSeeds(String description, boolean marked) {
    assertThat(SeedMarker.marked(description)).isEqualTo(marked);
  }
}
