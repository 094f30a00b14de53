package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.config.Secrets;
import dev.evals.judge.Judge;
import dev.evals.judge.JudgeSettings;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.Provider;
import dev.evals.model.ProviderException;
import dev.evals.model.ScriptedChatModel;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.NoteMode;
import dev.evals.validate.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptPipelineTest {

  private static final ModelSpec MODEL =
      new ModelSpec(
          "fake",
          "Fake",
          Provider.OPENAI,
          "fake-1",
          List.of(),
          new Price(new BigDecimal("1.00"), new BigDecimal("2.00"), null, null),
          null);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String SECRET = "sk-very-secret-value";

  @TempDir Path dir;
  private PreparedCase prepared;
  private RunDirectory directory;

  @BeforeEach
  void prepareCase() throws IOException {
    new CasesRoot(dir)
        .caseFile(
            "flow",
            """
            - id: note-case
              prompt: Write a note about Windmill.
              expected: fixtures/note.json
              judgeChecklist: [mentions Windmill]
              validate:
                mustContain: Windmill
              runtime:
                maxTurns: 3
            """)
        .file("fixtures/note.json", "{\"text\": \"Windmill runs flows\"}");
    NoteMode mode = new NoteMode();
    CaseDefinition definition = new CaseLoader(dir).load("flow", mode.validateRuleNames()).get(0);
    prepared = mode.prepare(definition, new Fixtures(dir));
    directory = RunDirectory.at(dir.resolve("results/run.json")).create();
  }

  private AttemptRecord execute(ChatModel model, JudgeStage judge) {
    return pipeline(model, judge).run(new PlannedAttempt(prepared, 1));
  }

  private AttemptPipeline pipeline(ChatModel model, JudgeStage judge) {
    return new AttemptPipeline(
        new ModelAnswers(
            directory,
            ModelUnderTest.shared(MODEL, model),
            SessionContext.DEFAULT,
            RunListener.SILENT,
            new Secrets(List.of(SECRET))),
        judge,
        null,
        false,
        directory.index(),
        CLOCK,
        new Secrets(List.of(SECRET)),
        new RunLog(directory.logFile(), CLOCK, new Secrets(List.of(SECRET))));
  }

  private static ChatModel writes(String text) {
    return new ScriptedChatModel(
        List.of(new ToolCall("c1", "write_note", "{\"text\": \"" + text + "\"}")), "done");
  }

  @Test
  void passesWhenEveryCheckPasses() throws IOException {
    AttemptRecord record = execute(writes("Windmill is great"), JudgeStage.OFF);

    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isTrue();
    assertThat(record.checks())
        .extracting(Check::name)
        .containsExactly("run succeeded", "note is not empty", "note contains 'Windmill'");
    assertThat(record.toolsUsed()).containsExactly("write_note");
    assertThat(record.turns()).isEqualTo(2);
    Path attempt = directory.folder().resolve("note-case/attempt-1");
    assertThat(attempt.resolve("note.json")).exists();
    assertThat(attempt.resolve("transcript.json")).exists();
    assertThat(Files.readString(attempt.resolve("checks.json")))
        .contains("note contains 'Windmill'");
  }

  @Test
  void laterAttemptsOfACaseLinkTheExpectedFileTheFirstOneWrote() throws IOException {
    AttemptPipeline pipeline = pipeline(writes("Windmill"), JudgeStage.OFF);
    pipeline.run(new PlannedAttempt(prepared, 1));
    pipeline.run(new PlannedAttempt(prepared, 2));

    Path first = directory.folder().resolve("note-case/attempt-1/expected.json");
    Path second = directory.folder().resolve("note-case/attempt-2/expected.json");
    assertThat(Files.readString(first)).contains("Windmill runs flows");
    assertThat(second).hasSameTextualContentAs(first);
    assertThat(Files.isSameFile(first, second)).isTrue();
  }

  @Test
  void anExpectedFileLeftByAnEarlierRunIsRewrittenNotLinked() throws IOException {
    Path stale = directory.folder().resolve("note-case/attempt-2/expected.json");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{\"text\": \"stale\"}");
    AttemptPipeline pipeline = pipeline(writes("Windmill"), JudgeStage.OFF);
    pipeline.run(new PlannedAttempt(prepared, 1));
    pipeline.run(new PlannedAttempt(prepared, 2));

    Path first = directory.folder().resolve("note-case/attempt-1/expected.json");
    assertThat(stale).hasSameTextualContentAs(first);
    assertThat(Files.isSameFile(first, stale)).isFalse();
  }

  @Test
  void failsWhenOneValidatorFails() {
    AttemptRecord record = execute(writes("something else"), JudgeStage.OFF);

    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isFalse();
    assertThat(record.failedChecks())
        .containsExactly(Check.fail("note contains 'Windmill'", "missing 'Windmill'"));
  }

  @Test
  void failsTheRunCheckWhenTheModelProducesNothing() {
    AttemptRecord record = execute(new ScriptedChatModel(List.of(), "I refuse"), JudgeStage.OFF);

    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isFalse();
    assertThat(record.failedChecks())
        .containsExactly(
            Check.fail("run succeeded", "the model finished without producing an artifact"));
  }

  @Test
  void failsTheRunCheckWhenTheTurnLimitIsReached() {
    ChatModel endless =
        request ->
            new ChatResponse(
                "",
                List.of(new ToolCall("c", "write_note", "{\"text\": \"Windmill\"}")),
                TokenUsage.ZERO,
                "tool_use");

    AttemptRecord record = execute(endless, JudgeStage.OFF);

    assertThat(record.passed()).isFalse();
    assertThat(record.error()).contains("after 3 turns");
  }

  @Test
  void recordsAProviderFailureAsAnExecutionErrorNotAModelFailure() {
    ChatModel unreachable =
        request -> {
          throw new ProviderException.ServerError(
              "openai: HTTP 503 after 6 retries, key " + SECRET, 503);
        };

    AttemptRecord record = execute(unreachable, JudgeStage.OFF);

    assertThat(record.status()).isEqualTo(AttemptStatus.EXECUTION_ERROR);
    assertThat(record.passed()).isFalse();
    assertThat(record.error()).contains("HTTP 503").doesNotContain(SECRET);
  }

  @Test
  void recordsACrashInsideTheAttemptAsAnExecutionErrorWithItsTraceInTheLog() throws IOException {
    ChatModel broken =
        request -> {
          throw new IllegalStateException("bug in an adapter");
        };

    AttemptRecord record = execute(broken, JudgeStage.OFF);

    assertThat(record.status()).isEqualTo(AttemptStatus.EXECUTION_ERROR);
    assertThat(Files.readString(directory.logFile()))
        .contains("note-case#1")
        .contains("java.lang.IllegalStateException: bug in an adapter");
  }

  @Test
  void addsTheJudgeChecksAndScore() throws IOException {
    AttemptRecord record = execute(writes("Windmill is great"), judgeAnswering(79));

    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isFalse();
    assertThat(record.judgeScore()).isEqualTo(79);
    assertThat(record.failedChecks()).extracting(Check::name).containsExactly("judge score >= 80");
    assertThat(record.judgeTokenUsage()).isEqualTo(TokenUsage.of(100, 20));
    assertThat(directory.folder().resolve("note-case/attempt-1/judge.json")).exists();
  }

  @Test
  void passesWithAJudgeScoreAtTheThreshold() {
    assertThat(execute(writes("Windmill is great"), judgeAnswering(80)).passed()).isTrue();
  }

  @Test
  void recordsAFailedJudgeAsAnExecutionError() {
    ChatModel judgeDown =
        request -> {
          throw new ProviderException.ServerError("anthropic: HTTP 529 after 6 retries", 529);
        };
    JudgeStage judge =
        JudgeStage.using(new Judge(judgeDown, MODEL, JudgeSettings.defaults()), "flow");

    AttemptRecord record = execute(writes("Windmill is great"), judge);

    assertThat(record.status()).isEqualTo(AttemptStatus.EXECUTION_ERROR);
    assertThat(record.passed()).isFalse();
    assertThat(record.error()).startsWith("judge failed");
  }

  @Test
  void neverJudgesAnAttemptWithoutArtifact() {
    ChatModel judgeMustNotRun =
        request -> {
          throw new AssertionError("the judge was called");
        };
    JudgeStage judge =
        JudgeStage.using(new Judge(judgeMustNotRun, MODEL, JudgeSettings.defaults()), "flow");

    AttemptRecord record = execute(new ScriptedChatModel(List.of(), "nothing"), judge);

    assertThat(record.judgeScore()).isNull();
    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
  }

  @Test
  void rescoresASavedAttemptThroughTheSameStagesWithoutTheModel() throws IOException {
    AttemptRecord original = execute(writes("Windmill is great"), JudgeStage.OFF);
    RunDirectory rescored = RunDirectory.at(dir.resolve("results/rescored.json")).create();
    Secrets secrets = new Secrets(List.of(SECRET));
    AttemptPipeline pipeline =
        new AttemptPipeline(
            new SavedAnswers(rescored, directory, List.of(original), SessionContext.DEFAULT, false),
            judgeAnswering(90),
            null,
            false,
            rescored.index(),
            CLOCK,
            secrets,
            new RunLog(rescored.logFile(), CLOCK, secrets));

    AttemptRecord record = pipeline.run(new PlannedAttempt(prepared, 1));

    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isTrue();
    assertThat(record.checks())
        .extracting(Check::name)
        .containsSubsequence("run succeeded", "note contains 'Windmill'", "judge score >= 80");
    assertThat(record.judgeScore()).isEqualTo(90);
    assertThat(record.turns()).isEqualTo(original.turns());
    assertThat(record.toolsUsed()).containsExactly("write_note");
    assertThat(record.tokenUsage()).isEqualTo(TokenUsage.ZERO);
    assertThat(record.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(rescored.index().read()).containsExactly(record);
    Path attempt = rescored.folder().resolve("note-case/attempt-1");
    assertThat(attempt.resolve("note.json")).exists();
    assertThat(attempt.resolve("judge.json")).exists();
  }

  @Test
  void recordsEveryAttemptInTheIndexAsItsLastStage() throws IOException {
    AttemptRecord record = execute(writes("Windmill is great"), JudgeStage.OFF);

    assertThat(directory.index().read()).containsExactly(record);
  }

  private static JudgeStage judgeAnswering(int score) {
    ChatModel judgeModel =
        request ->
            new ChatResponse(
                "",
                List.of(
                    new ToolCall(
                        "j1",
                        "submit_judgement",
                        "{\"score\": "
                            + score
                            + ", \"summary\": \"ok\", \"checklist\": [{\"item\": \"mentions Windmill\", \"met\": true, \"reason\": \"it does\"}]}")),
                TokenUsage.of(100, 20),
                "tool_use");
    return JudgeStage.using(new Judge(judgeModel, MODEL, JudgeSettings.defaults()), "flow");
  }
}
