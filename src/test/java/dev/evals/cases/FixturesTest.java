package dev.evals.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.testing.CasesRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {

  @TempDir Path dir;

  private CaseDefinition caseWithExpected(Path root, String expected) {
    new CasesRoot(root).caseFile("flow", "- id: a\n  prompt: b\n  expected: " + expected + "\n");
    return new CaseLoader(root).load("flow", Set.of()).get(0);
  }

  @Test
  void readsAJsonFixtureRelativeToTheCasesRoot() {
    Path root = dir.resolve("suite");
    new CasesRoot(root).file("fixtures/flow/x.json", "{\"value\": {\"modules\": []}}");
    CaseDefinition definition = caseWithExpected(root, "fixtures/flow/x.json");

    assertThat(
            new Fixtures(root).readTree(definition, "expected", definition.expected()).has("value"))
        .isTrue();
  }

  @Test
  void acceptsWindmillPathsThatStartWithTheRootFolderName() {
    Path root = dir.resolve("ai_evals");
    new CasesRoot(root).file("fixtures/frontend/flow/x.json", "{}");
    CaseDefinition definition = caseWithExpected(root, "ai_evals/fixtures/frontend/flow/x.json");

    assertThat(new Fixtures(root).resolve(definition, "expected", definition.expected()))
        .isEqualTo(root.resolve("fixtures/frontend/flow/x.json"));
  }

  @Test
  void refusesAPathThatEscapesTheRoot() {
    Path root = dir.resolve("suite");
    new CasesRoot(dir).file("secret.json", "{}");
    CaseDefinition definition = caseWithExpected(root, "../secret.json");

    assertThatThrownBy(
            () -> new Fixtures(root).readTree(definition, "expected", definition.expected()))
        .isInstanceOf(CaseFileException.class)
        .hasMessage("cases/flow.yaml:3: case 'a': expected escapes the cases root: ../secret.json");
  }

  @Test
  void refusesASymlinkThatLeadsOutOfTheRoot() throws Exception {
    Path root = dir.resolve("suite");
    new CasesRoot(dir).file("outside/secret.json", "{}");
    Files.createDirectories(root.resolve("fixtures"));
    Files.createSymbolicLink(root.resolve("fixtures/link"), dir.resolve("outside"));
    CaseDefinition definition = caseWithExpected(root, "fixtures/link/secret.json");

    assertThatThrownBy(
            () -> new Fixtures(root).readTree(definition, "expected", definition.expected()))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("escapes the cases root through a link");
  }

  @Test
  void reportsAMissingFixtureAtTheFieldLine() {
    CaseDefinition definition = caseWithExpected(dir, "fixtures/none.json");

    assertThatThrownBy(
            () -> new Fixtures(dir).readTree(definition, "expected", definition.expected()))
        .hasMessage("cases/flow.yaml:3: case 'a': expected fixture not found: fixtures/none.json");
  }

  @Test
  void reportsInvalidJsonWithTheFixtureLine() {
    new CasesRoot(dir).file("fixtures/bad.json", "{\n  \"value\": ,\n}");
    CaseDefinition definition = caseWithExpected(dir, "fixtures/bad.json");

    assertThatThrownBy(
            () -> new Fixtures(dir).readTree(definition, "expected", definition.expected()))
        .isInstanceOf(CaseFileException.class)
        .hasMessageContaining("fixture fixtures/bad.json line 2 is not valid");
  }

  @Test
  void pointsRuleErrorsAtTheLineOfTheRule() {
    SourceLocation source =
        new SourceLocation("cases/flow.yaml", 10, Map.of("validate", 14, "validate.rules[1]", 17));

    assertThat(source.lineOf("validate.rules[1].id")).isEqualTo(17);
    assertThat(source.lineOf("validate.other")).isEqualTo(14);
    assertThat(source.lineOf("prompt")).isEqualTo(10);
  }
}
