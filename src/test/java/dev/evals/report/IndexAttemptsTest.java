package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.run.AttemptIndex;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.RunFolderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexAttemptsTest {

  @TempDir Path dir;

  private Path index(AttemptRecord... records) throws IOException {
    Path file = dir.resolve("index.jsonl");
    AttemptIndex index = new AttemptIndex(file);
    for (AttemptRecord record : records) {
      index.append(record);
    }
    return file;
  }

  private static List<String> keys(AttemptSource source, String caseId) {
    List<String> keys = new ArrayList<>();
    source.forEachAttemptOf(caseId, r -> keys.add(r.key() + ":" + r.durationMs()));
    return keys;
  }

  @Test
  void handsOutEachCaseInAttemptOrderWithTheNewestRecordOfAnAttempt() throws IOException {
    Path file =
        index(
            SummaryBuilderTest.attempt("b", 2, AttemptStatus.OK, true, 20, null),
            SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, true, 21, null),
            SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, false, 10, null),
            SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, false, 22, null));

    IndexAttempts source = IndexAttempts.open(file, List.of("a", "b", "c"));

    assertThat(source.caseIds()).containsExactly("a", "b", "c");
    assertThat(keys(source, "a")).containsExactly("a#1:10", "a#2:22");
    assertThat(keys(source, "b")).containsExactly("b#2:20");
    assertThat(keys(source, "c")).isEmpty();
  }

  @Test
  void agreesWithTheIndexReaderOnWhatWasRecorded() throws IOException {
    Path file =
        index(
            SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, 90),
            SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, false, 11, 40),
            SummaryBuilderTest.attempt("b", 1, AttemptStatus.EXECUTION_ERROR, false, 12, null));
    var manifest = SummaryBuilderTest.manifest(List.of("a", "b"), 2, "sonnet");

    Summary streamed =
        SummaryBuilder.build(manifest, IndexAttempts.open(file, manifest.caseIds()), "r");
    Summary held = SummaryBuilder.build(manifest, new AttemptIndex(file).read(), "r");

    assertThat(streamed).isEqualTo(held);
    assertThat(streamed.attemptCount()).isEqualTo(2);
  }

  @Test
  void putsCasesOutsideTheManifestAfterItsOwnInTheOrderTheyFirstAppear() throws IOException {
    Path file =
        index(
            SummaryBuilderTest.attempt("zeta", 1, AttemptStatus.OK, true, 1, null),
            SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 2, null),
            SummaryBuilderTest.attempt("alpha", 1, AttemptStatus.OK, true, 3, null));

    assertThat(IndexAttempts.open(file, List.of("a")).caseIds())
        .containsExactly("a", "zeta", "alpha");
  }

  @Test
  void skipsATornLastLineAsTheIndexReaderDoes() throws IOException {
    Path file = index(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));
    Files.writeString(file, "{\"caseId\":\"a\",\"att", StandardOpenOption.APPEND);

    assertThat(keys(IndexAttempts.open(file, List.of("a")), "a")).containsExactly("a#1:10");
  }

  @Test
  void namesTheFileAndLineOfACorruptRecord() throws IOException {
    Path file = index(SummaryBuilderTest.attempt("a", 1, AttemptStatus.OK, true, 10, null));
    Files.writeString(file, "not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    new AttemptIndex(file)
        .append(SummaryBuilderTest.attempt("a", 2, AttemptStatus.OK, true, 10, null));

    assertThatThrownBy(() -> IndexAttempts.open(file, List.of("a")))
        .isInstanceOf(RunFolderException.class)
        .hasMessageStartingWith(file + ":2: unreadable attempt record (")
        .hasMessageEndingWith("); restore that line, or delete it to run its attempt again");
  }

  @Test
  void readsNothingFromAMissingIndex() throws IOException {
    IndexAttempts source = IndexAttempts.open(dir.resolve("none.jsonl"), List.of("a"));

    assertThat(source.caseIds()).containsExactly("a");
    assertThat(keys(source, "a")).isEmpty();
  }
}
