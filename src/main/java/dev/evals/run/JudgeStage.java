package dev.evals.run;

import dev.evals.cases.CaseDefinition;
import dev.evals.judge.Judge;
import dev.evals.judge.JudgeInput;
import dev.evals.judge.Judgement;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import java.util.Optional;

/**
 * The judge step of the pipeline: runs only when the judge is on, the case does not skip it, and
 * the model under test produced an artifact.
 */
public final class JudgeStage {

  /** No judge: {@code --judge off}, or the reference model's default. */
  public static final JudgeStage OFF = new JudgeStage(null, null);

  private final Judge judge;
  private final String mode;

  private JudgeStage(Judge judge, String mode) {
    this.judge = judge;
    this.mode = mode;
  }

  public static JudgeStage using(Judge judge, String mode) {
    return new JudgeStage(judge, mode);
  }

  public boolean enabled() {
    return judge != null;
  }

  /** The judgement of a session whose model did not fail on the provider. */
  Optional<Judgement> judge(PreparedCase prepared, Session session) {
    CaseDefinition definition = prepared.definition();
    if (judge == null || definition.skipJudge() || !session.hasArtifact()) {
      return Optional.empty();
    }
    JudgeInput input =
        new JudgeInput(
            mode,
            definition.prompt(),
            definition.judgeChecklist(),
            prepared.initialState(),
            prepared.expectedState(),
            session.artifact());
    return Optional.of(judge.judge(input));
  }
}
