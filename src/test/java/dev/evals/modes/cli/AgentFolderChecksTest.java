package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.validate.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentFolderChecksTest {

  private static final FileTree BEFORE = FileTree.of(Map.of("AGENTS.md", "guide", "f/a.ts", "a"));

  @Test
  void expectedLinesMayComeInAnyOrderWithOtherIndentation() {
    FileTree expected = FileTree.of(Map.of("f/a.ts", "one\n  two\n"));
    FileTree workspace = FileTree.of(Map.of("f/a.ts", "two\nextra\n    one"));

    assertThat(AgentFolderChecks.expectedFiles(expected, workspace))
        .containsExactly(Check.pass("expected file f/a.ts"));
  }

  @Test
  void anExpectedLineIsASnippetOfALongerActualLine() {
    // Windmill's expected files hold snippets such as `main(name: string)`, not whole lines.
    FileTree expected =
        FileTree.of(Map.of("f/a/hello.ts", "main(name: string)\ngreeting: `Hello, ${name}!`\n"));
    FileTree workspace =
        FileTree.of(
            Map.of(
                "f/a/hello.ts",
                "export async function main(name: string) {\r\n"
                    + "  return { greeting: `Hello, ${name}!` };\r\n}\r\n"));

    assertThat(AgentFolderChecks.expectedFiles(expected, workspace))
        .containsExactly(Check.pass("expected file f/a/hello.ts"));
  }

  @Test
  void aSnippetDoesNotMatchAcrossLines() {
    FileTree expected = FileTree.of(Map.of("f/a.ts", "return total"));
    FileTree workspace = FileTree.of(Map.of("f/a.ts", "return\ntotal\n"));

    assertThat(AgentFolderChecks.expectedFiles(expected, workspace).get(0).passed()).isFalse();
  }

  @Test
  void namesTheMissingLinesOfAnExpectedFile() {
    FileTree expected = FileTree.of(Map.of("f/a.ts", "one\ntwo\n"));
    FileTree workspace = FileTree.of(Map.of("f/a.ts", "one\n"));

    assertThat(AgentFolderChecks.expectedFiles(expected, workspace).get(0).detail())
        .isEqualTo("1 expected line(s) missing, such as [two]");
  }

  @Test
  void allowsLockFilesButNotOtherExtraFiles() {
    FileTree after =
        BEFORE.plus(FileTree.of(Map.of("f/b.ts", "b", "f/b.script.lock", "", "notes.md", "x")));
    AgentFolderDiff diff = AgentFolderDiff.between(BEFORE, after);

    Check check =
        AgentFolderChecks.unexpectedFiles(diff, FileTree.of(Map.of("f/b.ts", "b")), List.of());

    assertThat(check).isEqualTo(Check.fail("no unexpected files", "unexpected: [notes.md]"));
  }

  @Test
  void anEditedOrDeletedFileChangesTheWorkspace() {
    FileTree after = FileTree.of(Map.of("f/a.ts", "changed"));

    Check check = AgentFolderChecks.unchanged(AgentFolderDiff.between(BEFORE, after));

    assertThat(check.passed()).isFalse();
    assertThat(check.detail()).isEqualTo("changed f/a.ts, deleted AGENTS.md");
  }

  @Test
  void aFlowNeedsAFlowFolderWithModulesAndAssetsLiveUnderFOrU() {
    FileTree after =
        BEFORE.plus(
            FileTree.of(
                Map.of(
                    "f/x/hello/flow.yaml", "value:\n  modules: []\n",
                    "f/x/ok__flow/flow.yaml", "value: {}\n",
                    "scripts/run.py", "print(1)\n")));

    List<Check> checks = ConventionChecks.of(AgentFolderDiff.between(BEFORE, after), after);

    assertThat(checks)
        .containsExactly(
            Check.fail(
                ConventionChecks.FLOW_FOLDERS,
                "f/x/hello holds a flow.yaml but is not named <name>.flow or <name>__flow; "
                    + "f/x/ok__flow/flow.yaml has no value.modules list"),
            Check.fail(ConventionChecks.ASSET_PATHS, "outside f/ and u/: [scripts/run.py]"));
  }
}
