package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.report.output.ArtifactDiffs.FileDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attempt folders of real reference runs ({@code src/test/resources/attempts/<mode>}, copied from
 * {@code ./evals run <mode> --model reference} without their transcripts where unused), each
 * identical to its expected state, then edited the way a model's answer would differ.
 */
class ArtifactDiffsTest {

  @TempDir Path dir;

  @Test
  void showsAFlowsStepCodeAsCodeBesideTheRestOfFlowJson() throws IOException {
    Path attempt = copy("flow");
    assertThat(ArtifactDiffs.of(attempt))
        .extracting(FileDiff::title)
        .containsExactly(
            "flow.json is identical to the expected flow",
            "value/modules/convert_temperature/value/content is identical to the expected flow");

    edit(attempt.resolve("flow.json"), "* 9 / 5 + 32", "* 2 + 30");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);
    assertThat(diffs.get(0).identical()).isTrue();
    FileDiff code = diffs.get(1);
    assertThat(code.title())
        .isEqualTo("value/modules/convert_temperature/value/content vs expected");
    assertThat(code.lines())
        .contains(
            new LineDiff.Line(
                '-', "  const fahrenheit = Math.round((celsius * 9 / 5 + 32) * 100) / 100;"),
            new LineDiff.Line(
                '+', "  const fahrenheit = Math.round((celsius * 2 + 30) * 100) / 100;"),
            new LineDiff.Line(' ', "export async function main(celsius: number) {"));
    assertThat(diffs.get(0).lines())
        .contains(
            new LineDiff.Line(
                ' ',
                "        \"content\" : \"<code: value/modules/convert_temperature/value/content>\","));
  }

  @Test
  void namesAScriptsCodeAfterItsFileAndDiffsItsArguments() throws IOException {
    Path attempt = copy("script");
    assertThat(ArtifactDiffs.of(attempt))
        .as("the expected fixture's path is no difference: no tool sets one")
        .allMatch(FileDiff::identical);
    edit(attempt.resolve("script.json"), "\\\"$slug\\\"", "\\\"slug\\\"");
    edit(attempt.resolve("script.json"), "\"max_length\" : 40", "\"max_length\" : 50");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);

    assertThat(diffs).extracting(FileDiff::name).containsExactly("script.json", "script.sh");
    assertThat(changed(diffs.get(0)))
        .contains("-    \"max_length\" : 40", "+    \"max_length\" : 50");
    assertThat(changed(diffs.get(1))).containsExactly("-echo \"$slug\"", "+echo \"slug\"");
  }

  @Test
  void givesAnAppOneDiffPerFrontendFileAndBackendRunnable() throws IOException {
    Path attempt = copy("app");
    edit(attempt.resolve("app.json"), "count: 0, previous", "count: 1, previous");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);

    assertThat(diffs)
        .extracting(FileDiff::name)
        .containsExactly(
            "app.json",
            "frontend/index.tsx",
            "backend/incrementCounter/inlineScript/content",
            "backend/resetCounter/inlineScript/content");
    assertThat(diffs)
        .filteredOn(d -> !d.identical())
        .extracting(FileDiff::name)
        .containsExactly("backend/resetCounter/inlineScript/content");
    assertThat(changed(diffs.get(3)))
        .containsExactly(
            "-\treturn { count: 0, previous: count }", "+\treturn { count: 1, previous: count }");
  }

  @Test
  void diffsACliWorkspaceFileByFileIncludingFilesOnlyOneSideHas() throws IOException {
    Path attempt = copy("cli-workspace");
    Path hello = attempt.resolve("workspace/f/evals/hello__flow/hello.ts");
    Files.move(hello, attempt.resolve("workspace/f/evals/hello__flow/greet.ts"));

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);

    assertThat(diffs)
        .extracting(FileDiff::title)
        .containsExactly(
            "f/evals/hello__flow/flow.yaml is identical to the expected workspace",
            "f/evals/hello__flow/hello.ts vs expected (missing from the attempt)",
            "f/evals/hello__flow/greet.ts vs expected (not in the expected workspace)");
    assertThat(diffs.get(2).lines())
        .first()
        .isEqualTo(new LineDiff.Line('+', "export async function main(name: string) {"));
  }

  @Test
  void diffsACliAgentsFinalAnswerWhenTheCaseExpectsAnAnswer() throws IOException {
    Path attempt = copy("cli-answer");
    edit(attempt.resolve("transcript.json"), "wmill job logs 123\\n", "wmill job tail 123\\n");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);

    assertThat(diffs).extracting(FileDiff::name).containsExactly("final answer");
    assertThat(changed(diffs.get(0))).containsExactly("-wmill job logs 123", "+wmill job tail 123");
  }

  @Test
  void pairsGlobalDraftsByPathAndIgnoresEmptyListsTheExpectedStateLeavesOut() throws IOException {
    Path attempt = copy("global");
    assertThat(ArtifactDiffs.of(attempt)).allMatch(FileDiff::identical);

    edit(attempt.resolve("global-drafts.json"), "return a + b", "return a - b");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);
    assertThat(diffs)
        .extracting(FileDiff::name)
        .containsExactly(
            "global-drafts.json",
            "drafts/f/evals/sum_numbers/value/value/modules/add/value/content");
    assertThat(diffs.get(0).identical()).isTrue();
    assertThat(changed(diffs.get(1))).containsExactly("-  return a + b", "+  return a - b");
  }

  @Test
  void neverShowsASecretValueAndIgnoresTheOrderDraftsWereCreatedIn() throws IOException {
    Path attempt = copy("global-secret");
    assertThat(Files.readString(attempt.resolve("expected.json"))).contains("pg-redacted-password");

    List<FileDiff> diffs = ArtifactDiffs.of(attempt);

    assertThat(diffs).extracting(FileDiff::name).containsExactly("global-drafts.json");
    assertThat(diffs.get(0).identical()).isTrue();
    assertThat(diffs.get(0).lines()).noneMatch(l -> l.text().contains("pg-redacted-password"));
  }

  @Test
  void givesNoDiffWithoutAnExpectedStateOrAnArtifact() throws IOException {
    Path attempt = copy("flow");
    Files.delete(attempt.resolve("flow.json"));
    assertThat(ArtifactDiffs.of(attempt)).isEmpty();

    Path other = copy("script");
    Files.delete(other.resolve("expected.json"));
    assertThat(ArtifactDiffs.of(other)).isEmpty();

    Files.writeString(copy("app").resolve("expected.json"), "not json");
    assertThat(ArtifactDiffs.of(dir.resolve("app"))).isEmpty();
  }

  private static List<String> changed(FileDiff diff) {
    return diff.lines().stream()
        .filter(l -> l.kind() != ' ')
        .map(l -> l.kind() + l.text())
        .toList();
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private Path copy(String mode) throws IOException {
    Path source = Path.of("src/test/resources/attempts", mode);
    Path target = dir.resolve(mode);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
    return target;
  }
}
