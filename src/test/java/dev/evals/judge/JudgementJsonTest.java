package dev.evals.judge;

import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.Provider;
import dev.evals.model.ProviderException;
import dev.evals.testing.Golden;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** judge.json byte for byte, so a change of its format is a visible diff in review. */
class JudgementJsonTest {

  private static final ModelSpec SONNET =
      new ModelSpec(
          "sonnet",
          null,
          Provider.ANTHROPIC,
          "claude-sonnet",
          List.of(),
          new Price(new BigDecimal("3"), new BigDecimal("15"), null, null),
          null);

  private final ScriptedJudgeModel model = new ScriptedJudgeModel();

  @Test
  void writesAJudgementOfThreeSamplesWithAReaskAsItsGoldenFile() {
    model
        .submits("{\"score\": 500}")
        .submitsVerdicts(60, true, false)
        .submitsVerdicts(90, true, true)
        .submitsVerdicts(85, false, true);

    Judgement judgement = judge(3).judge(twoCriteria());

    Golden.assertMatches("judge/three-samples.json", judgement.toJson().toPrettyString() + "\n");
  }

  @Test
  void writesAJudgementWhoseSecondSampleFailedAsItsGoldenFile() {
    model.submitsVerdicts(90, true, true).fails(new ProviderException.ServerError("HTTP 500", 500));

    Judgement judgement = judge(2).judge(twoCriteria());

    Golden.assertMatches("judge/failed-sample.json", judgement.toJson().toPrettyString() + "\n");
  }

  private Judge judge(int samples) {
    return new Judge(model, SONNET, new JudgeSettings(80, samples, 60_000), new Random(7));
  }

  private static JudgeInput twoCriteria() {
    return new JudgeInput(
        "flow",
        "Run a report every hour",
        List.of("runs hourly", "sends an email"),
        null,
        null,
        JudgeTest.json("{\"value\": 1}"));
  }
}
