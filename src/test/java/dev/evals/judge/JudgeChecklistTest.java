package dev.evals.judge;

import static dev.evals.judge.JudgeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ModelSpec;
import dev.evals.model.Price;
import dev.evals.model.Provider;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check {@code judge checklist met}, its re-asks, and how samples vote on criteria. */
class JudgeChecklistTest {

  private static final ModelSpec SONNET =
      new ModelSpec(
          "sonnet",
          null,
          Provider.ANTHROPIC,
          "claude-sonnet",
          List.of(),
          new Price(BigDecimal.ONE, BigDecimal.ONE, null, null),
          null);

  private final ScriptedJudgeModel model = new ScriptedJudgeModel();

  @Test
  void failsAHighScoreThatMarksACriterionUnmet() {
    model.submitsVerdicts(85, true, false);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(twoCriteria());

    assertThat(judgement.passed()).isFalse();
    assertThat(judgement.checks())
        .containsExactly(
            Check.pass("judge succeeded"),
            Check.pass("judge score >= 80"),
            Check.fail("judge checklist met", "not met: #2 'sends an email': r2"));
  }

  @Test
  void asksAgainWhenTheChecklistLeavesOutACriterion() {
    model.submitsVerdicts(95, true).submitsVerdicts(90, true, true);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(twoCriteria());

    assertThat(model.requests()).hasSize(2);
    assertThat(judgement.samples().get(0).answers().get(0).problem())
        .isEqualTo(
            "checklist has 1 entries for 2 acceptance criteria;"
                + " answer each criterion once, in the order given");
    assertThat(judgement.passed()).isTrue();
    assertThat(judgement.checklist())
        .extracting(ChecklistItem::item)
        .containsExactly("runs hourly", "sends an email");
  }

  @Test
  void failsAsAnExecutionErrorWhenEveryAnswerLeavesOutACriterion() {
    model.submitsVerdicts(95, true).submitsVerdicts(95, true).submitsVerdicts(95);

    Judgement judgement = judge(JudgeSettings.defaults()).judge(twoCriteria());

    assertThat(judgement.isExecutionError()).isTrue();
    assertThat(judgement.error()).contains("checklist has 0 entries for 2 acceptance criteria");
    assertThat(judgement.checks()).contains(Check.fail("judge checklist met", "judge failed"));
  }

  @Test
  void withoutCriteriaFailsWhenARequirementTheJudgeListedIsUnmet() {
    model.submitsVerdicts(88, true, false, true);
    JudgeInput input = new JudgeInput("flow", "Do it", List.of(), null, null, json("{}"));

    Judgement judgement = judge(JudgeSettings.defaults()).judge(input);

    assertThat(model.requests()).hasSize(1);
    assertThat(judgement.checks().get(2))
        .isEqualTo(Check.fail("judge checklist met", "not met: #2 'c2': r2"));
  }

  @ParameterizedTest
  @CsvSource({"60, 65, true", "60, 59, false", "95, 94, false", "95, 95, true"})
  void statesTheThresholdItAppliesInThePrompt(int threshold, int score, boolean passed) {
    model.submitsScore(score);

    Judgement judgement = judge(new JudgeSettings(threshold, 1, 60_000)).judge(input(json("{}")));

    assertThat(model.requests().get(0).system())
        .contains(
            "The artifact passes only when your score is at least "
                + threshold
                + " AND every acceptance criterion\nis marked `met`")
        .doesNotContain("{{threshold}}");
    assertThat(judgement.checks().get(1).name()).isEqualTo("judge score >= " + threshold);
    assertThat(judgement.passed()).isEqualTo(passed);
  }

  @Test
  void meetsACriterionWhenMostSamplesSayItIsMet() {
    model
        .submitsVerdicts(90, true, false)
        .submitsVerdicts(85, false, false)
        .submitsVerdicts(95, true, true);

    Judgement judgement = judge(new JudgeSettings(80, 3, 60_000)).judge(twoCriteria());

    assertThat(judgement.score()).isEqualTo(90);
    assertThat(judgement.checklist())
        .containsExactly(
            new ChecklistItem("runs hourly", true, "met in 2 of 3 samples: r1"),
            new ChecklistItem("sends an email", false, "met in 1 of 3 samples: r2"));
    assertThat(judgement.checks().get(2).passed()).isFalse();
  }

  @Test
  void withoutCriteriaTakesTheChecklistOfTheMedianSample() {
    model.submitsVerdicts(70, false).submitsVerdicts(90, true, true).submitsVerdicts(85, true);
    JudgeInput input = new JudgeInput("flow", "Do it", List.of(), null, null, json("{}"));

    Judgement judgement = judge(new JudgeSettings(80, 3, 60_000)).judge(input);

    assertThat(judgement.score()).isEqualTo(85);
    assertThat(judgement.checklist()).containsExactly(new ChecklistItem("c1", true, "r1"));
    assertThat(judgement.passed()).isTrue();
  }

  @Test
  void leavesACriterionUnmetWhenAnEvenNumberOfSamplesSplits() {
    model.submitsVerdicts(90, true, true).submitsVerdicts(90, true, false);

    Judgement judgement = judge(new JudgeSettings(80, 2, 60_000)).judge(twoCriteria());

    assertThat(judgement.checklist()).extracting(ChecklistItem::met).containsExactly(true, false);
    assertThat(judgement.checklist().get(1).reason()).isEqualTo("met in 1 of 2 samples: r2");
    assertThat(judgement.passed()).isFalse();
  }

  private Judge judge(JudgeSettings settings) {
    return new Judge(model, SONNET, settings);
  }

  private static JudgeInput input(JsonNode actual) {
    return JudgeTest.input(actual);
  }

  private static JudgeInput twoCriteria() {
    return new JudgeInput(
        "flow", "Run a report", List.of("runs hourly", "sends an email"), null, null, json("{}"));
  }
}
