package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptStatus;
import dev.evals.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSourceTest {

  @TempDir Path dir;

  private static final Summary ALL_PASS =
      BaselineComparisonTest.summary(List.of("a"), 5, Collections.nCopies(5, true));
  private static final Summary ALL_FAIL =
      BaselineComparisonTest.summary(List.of("a"), 5, Collections.nCopies(5, false));

  @Test
  void saysThereIsNoBaselineWithoutHistory() {
    Comparison comparison = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(comparison.detail()).isEqualTo("no history file history/flow.jsonl");
    assertThat(comparison.status()).isEqualTo(ComparisonStatus.NO_BASELINE);
    assertThat(comparison.baseline()).isNull();
    assertThat(comparison.cases()).isEmpty();
  }

  @Test
  void defaultsToTheLastHistoryLineOfTheSameModeAndJudge() throws IOException {
    History history = new History(dir.resolve("history"));
    history.append(HistoryLine.of(earlier(ALL_FAIL)));
    history.append(HistoryLine.of(earlier(ALL_PASS)));
    history.append(HistoryLine.of(with(earlier(ALL_FAIL), "judgeModel", "sonnet")));
    history.append(HistoryLine.of(ALL_FAIL)); // this very run, already recorded

    Comparison comparison = BaselineSource.historyBefore(dir.resolve("history")).compare(ALL_FAIL);
    Comparison withItself = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(withItself.baseline()).isEqualTo("history/flow.jsonl (line 4)");
    assertThat(comparison.status()).isEqualTo(ComparisonStatus.OK);
    assertThat(comparison.baseline()).isEqualTo("history/flow.jsonl (line 2)");
    assertThat(comparison.caseNamed("a").verdict()).isEqualTo(Verdict.REGRESSED);
  }

  @Test
  void ignoresHistoryOfAnotherJudge() throws IOException {
    new History(dir.resolve("history"))
        .append(HistoryLine.of(with(earlier(ALL_PASS), "judgeModel", "sonnet")));

    Comparison comparison = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.NO_BASELINE);
  }

  @Test
  void neverChoosesABaselineOfAnotherModelByDefault() throws IOException {
    History history = new History(dir.resolve("history"));
    history.append(HistoryLine.of(with(earlier(ALL_PASS), "runModel", "reference")));
    history.append(HistoryLine.of(with(earlier(ALL_PASS), "runModel", "opus (anthropic:x)")));

    Comparison comparison = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.NO_BASELINE);
    assertThat(comparison.cases()).isEmpty();
    assertThat(comparison.detail())
        .isEqualTo(
            "no line of history/flow.jsonl with mode flow, model haiku"
                + " (anthropic:claude-haiku-4-5), judge off and this case set (2 line(s) skipped:"
                + " 2 of another model)");
  }

  @Test
  void saysWhenTheBaselineRanAnotherVersionOfTheCaseFile() throws IOException {
    History history = new History(dir.resolve("history"));
    history.append(HistoryLine.of(earlier(ALL_PASS)));
    history.append(HistoryLine.of(with(earlier(ALL_PASS), "casesFileDigest", "sha256:other")));

    Comparison changed = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(changed.baseline()).isEqualTo("history/flow.jsonl (line 2)");
    assertThat(changed.caseFileChanged()).isTrue();
    assertThat(changed.otherModel()).isFalse();
  }

  @Test
  void skipsHistoryOfOtherCases() throws IOException {
    Summary otherCases =
        BaselineComparisonTest.summary(List.of("b"), 5, Collections.nCopies(5, true));
    new History(dir.resolve("history")).append(HistoryLine.of(earlier(otherCases)));

    Comparison comparison = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.NO_BASELINE);
    assertThat(comparison.detail()).endsWith("(1 line(s) skipped: 1 of other cases)");
  }

  @Test
  void comparesOlderLinesWithoutADigestByTheirCaseIds() throws IOException {
    ObjectNode sameCases = Mappers.json().valueToTree(HistoryLine.of(earlier(ALL_PASS)));
    sameCases.remove("casesFileDigest");
    ObjectNode otherCases = sameCases.deepCopy();
    ((ObjectNode) otherCases.get("cases").get(0)).put("id", "b");
    Path file = dir.resolve("history/flow.jsonl");
    Files.createDirectories(file.getParent());
    ObjectWriter oneLine = Mappers.json().writer().without(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(
        file,
        oneLine.writeValueAsString(sameCases) + "\n" + oneLine.writeValueAsString(otherCases));

    Comparison comparison = BaselineSource.history(dir.resolve("history")).compare(ALL_FAIL);

    assertThat(comparison.baseline()).isEqualTo("history/flow.jsonl (line 1)");
    assertThat(comparison.caseNamed("a").verdict()).isEqualTo(Verdict.REGRESSED);
  }

  @Test
  void acceptsAnExplicitBaselineOfAnotherModelAndLabelsIt() throws IOException {
    Path file = dir.resolve("reference.json");
    Mappers.json().writeValue(file.toFile(), with(ALL_PASS, "runModel", "reference"));

    Comparison comparison = BaselineSource.explicit(file, "reference.json").compare(ALL_FAIL);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.OK);
    assertThat(comparison.otherModel()).isTrue();
    assertThat(comparison.otherModelLabel())
        .startsWith("baseline of another model or judge: reference");
  }

  @Test
  void readsASummaryFileAndFlagsTheRegression() throws IOException {
    Path file = dir.resolve("base.json");
    Mappers.json().writeValue(file.toFile(), ALL_PASS);

    Comparison comparison = BaselineSource.explicit(file, "base.json").compare(ALL_FAIL);

    assertThat(comparison.status()).isEqualTo(ComparisonStatus.OK);
    assertThat(comparison.caseNamed("a").verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(comparison.passRateDelta()).isEqualTo(-1.0);
    assertThat(comparison.hasRegressions()).isTrue();
  }

  @Test
  void rebuildsARunFolderFromItsIndex() throws IOException {
    RunDirectory run = RunDirectory.at(dir.resolve("results/base.json")).create();
    Mappers.json()
        .writeValue(
            run.manifestFile().toFile(), SummaryBuilderTest.manifest(List.of("a"), 5, null));
    for (int n = 1; n <= 5; n++) {
      run.index().append(SummaryBuilderTest.attempt("a", n, AttemptStatus.OK, true, 10, null));
    }

    Comparison comparison = BaselineSource.explicit(run.folder(), "results/base").compare(ALL_FAIL);

    assertThat(comparison.caseNamed("a").verdict()).isEqualTo(Verdict.REGRESSED);
  }

  @Test
  void reportsAMissingOrBrokenBaselineAsUnreadable() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"mode\": ");

    Comparison missing =
        BaselineSource.explicit(dir.resolve("nope.json"), "nope.json").compare(ALL_FAIL);
    Comparison broken =
        BaselineSource.explicit(dir.resolve("broken.json"), "broken.json").compare(ALL_FAIL);

    assertThat(missing.status()).isEqualTo(ComparisonStatus.UNREADABLE);
    assertThat(missing.baseline()).isEqualTo("nope.json");
    assertThat(missing.detail()).contains("nope.json");
    assertThat(broken.status()).isEqualTo(ComparisonStatus.UNREADABLE);
    assertThat(broken.cases()).isEmpty();
  }

  private static Summary earlier(Summary summary) throws IOException {
    return with(summary, "createdAt", "2026-11-23T12:00:00Z");
  }

  private static Summary with(Summary summary, String field, String value) throws IOException {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Mappers.json().valueToTree(summary);
    tree.put(field, value);
    return Mappers.json().treeToValue(tree, Summary.class);
  }
}
