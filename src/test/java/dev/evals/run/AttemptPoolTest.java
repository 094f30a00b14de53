package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.config.Secrets;
import dev.evals.model.ModelSpec;
import dev.evals.model.Provider;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.NoteMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptPoolTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final ModelSpec REFERENCE =
      new ModelSpec(
          "reference", "Reference", Provider.REFERENCE, "reference", List.of(), null, null);

  @TempDir Path dir;
  private List<PreparedCase> cases;
  private RunDirectory directory;

  @BeforeEach
  void prepareThreeCases() throws IOException {
    new CasesRoot(dir)
        .caseFile(
            "flow",
            """
            - {id: note-a, prompt: a, expected: fixtures/a.json}
            - {id: note-b, prompt: b, expected: fixtures/a.json}
            - {id: note-c, prompt: c, expected: fixtures/a.json}
            """)
        .file("fixtures/a.json", "{\"text\": \"hello\"}");
    NoteMode mode = new NoteMode();
    cases =
        new CaseLoader(dir)
            .load("flow", mode.validateRuleNames()).stream()
                .map(c -> mode.prepare(c, new Fixtures(dir)))
                .toList();
    directory = RunDirectory.at(dir.resolve("results/run.json")).create();
  }

  private AttemptPool runner(RunListener listener, int concurrency) {
    Secrets secrets = new Secrets(List.of());
    AttemptPipeline pipeline =
        new AttemptPipeline(
            new ModelAnswers(
                directory,
                ModelUnderTest.reference(REFERENCE),
                SessionContext.DEFAULT,
                listener,
                secrets),
            JudgeStage.OFF,
            null,
            false,
            directory.index(),
            CLOCK,
            secrets,
            new RunLog(directory.logFile(), CLOCK, secrets));
    return new AttemptPool(pipeline, listener, concurrency, null);
  }

  @Test
  void plansEveryRepeatOfEveryCaseRepeatByRepeat() {
    assertThat(PlannedAttempt.repeats(cases, 2))
        .extracting(p -> p.prepared().definition().id() + "#" + p.attempt())
        .containsExactly("note-a#1", "note-b#1", "note-c#1", "note-a#2", "note-b#2", "note-c#2");
  }

  @Test
  void recordsEveryAttemptOnceInTheIndex() throws IOException {
    runner(RunListener.SILENT, 3).run(PlannedAttempt.repeats(cases, 2));

    assertThat(directory.index().read()).hasSize(6).allMatch(AttemptRecord::passed);
  }

  @Test
  void aRunStoppedMidwayKeepsAValidIndexAndItsSummaryCanBeRebuilt() throws IOException {
    AtomicReference<AttemptPool> runner = new AtomicReference<>();
    AtomicInteger finished = new AtomicInteger();
    RunListener stopAfterTwo =
        new RunListener() {
          @Override
          public void attemptFinished(AttemptRecord record) {
            if (finished.incrementAndGet() == 2) {
              runner.get().requestStop();
            }
          }
        };
    runner.set(runner(stopAfterTwo, 1));

    runner.get().run(PlannedAttempt.repeats(cases, 2));

    List<String> lines = Files.readAllLines(directory.index().file());
    assertThat(lines).hasSize(2);
    List<AttemptRecord> records = directory.index().read();
    assertThat(records).extracting(r -> r.key().toString()).containsExactly("note-a#1", "note-b#1");
    RunManifest manifest =
        new RunManifest(
            RunManifest.VERSION,
            "flow",
            new RunManifest.ModelChoice("reference", "reference", null),
            new RunManifest.JudgeChoice(null, null, 80, 1),
            new RunManifest.Selection(
                List.of("note-a", "note-b", "note-c"), List.of(), List.of(), 2),
            new RunManifest.Settings(1, "off", null, null, false),
            new RunManifest.Provenance(
                ".", "sha256:x", null, "2026-11-24T12:00:00Z", null, null, null));
    Summary summary = SummaryBuilder.build(manifest, records, "results/run");
    assertThat(summary.attemptCount()).isEqualTo(2);
    assertThat(summary.plannedAttemptCount()).isEqualTo(6);
    assertThat(summary.complete()).isFalse();
    assertThat(summary.passRate()).isEqualTo(1.0);
  }
}
