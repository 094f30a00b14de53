package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.config.Secrets;
import dev.evals.judge.Judge;
import dev.evals.judge.JudgeSettings;
import dev.evals.model.ChatModel;
import dev.evals.model.ModelSpec;
import dev.evals.model.Provider;
import dev.evals.model.ScriptedChatModel;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.SessionContext;
import dev.evals.modes.catalog.Modes;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every mode applies the one definition of "has an artifact": a model (or agent) that leaves a
 * shipped modify case as it started produced nothing, so it fails {@code run succeeded} and is
 * neither validated nor judged (nor paid for).
 */
class UntouchedModifyCaseTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final ModelSpec MODEL =
      new ModelSpec("fake", null, Provider.ANTHROPIC, "fake-1", List.of(), null, null);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "flow, flow-modify-add-domain-filter",
    "script, script-bun-greet-modify",
    "app, app-counter-add-reset",
    "cli, bun-hello-script-uppercase",
    "global, global-edit-existing-script"
  })
  void anUntouchedModifyCaseIsNotJudged(String modeName, String caseId) throws IOException {
    // an agent that does nothing and says nothing; the chat models make no tool call
    Mode mode = Modes.builtIn(null, "true {prompt}", Map.of()).get(modeName);
    CaseDefinition definition =
        new CaseLoader(Path.of(""))
            .load(modeName, mode.validateRuleNames()).stream()
                .filter(candidate -> candidate.id().equals(caseId))
                .findFirst()
                .orElseThrow();
    assertThat(definition.initial()).as("a modify case").isNotNull();
    PreparedCase prepared = mode.prepare(definition, new Fixtures(Path.of("")));
    AtomicInteger judgeCalls = new AtomicInteger();
    ChatModel judgeModel =
        request -> {
          judgeCalls.incrementAndGet();
          throw new AssertionError("the judge must not be asked");
        };

    AttemptRecord record = execute(mode, prepared, judgeModel);

    assertThat(judgeCalls).hasValue(0);
    assertThat(record.judgeScore()).isNull();
    assertThat(record.status()).isEqualTo(AttemptStatus.OK);
    assertThat(record.passed()).isFalse();
    assertThat(record.checks())
        .filteredOn(check -> check.name().equals(AttemptPipeline.RUN_SUCCEEDED))
        .extracting(Check::passed)
        .containsExactly(false);
  }

  private AttemptRecord execute(Mode mode, PreparedCase prepared, ChatModel judgeModel)
      throws IOException {
    RunDirectory directory = RunDirectory.at(dir.resolve("results/run.json")).create();
    Secrets secrets = new Secrets(List.of());
    ModelUnderTest model =
        ModelUnderTest.of(
            mode.driver(), MODEL, () -> new ScriptedChatModel(List.of(), "Looks fine as it is."));
    RunLog log = new RunLog(directory.logFile(), CLOCK, secrets);
    AttemptPipeline pipeline =
        new AttemptPipeline(
            new ModelAnswers(directory, model, SessionContext.DEFAULT, RunListener.SILENT, secrets),
            JudgeStage.using(new Judge(judgeModel, MODEL, JudgeSettings.defaults()), mode.name()),
            null,
            false,
            directory.index(),
            CLOCK,
            secrets,
            log);
    return pipeline.run(new PlannedAttempt(prepared, 1));
  }
}
