package dev.evals.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the judge decided about one attempt.
 *
 * @param model the judge model's alias
 * @param threshold the lowest passing score
 * @param criteria how many acceptance criteria the case gave the judge
 * @param assessment the median sample score, the summary of the first sample with that score, and a
 *     verdict per acceptance criterion combined over the samples (without criteria, the
 *     requirements that sample listed itself); null when the judgement failed
 * @param error why the judgement failed, or null when it succeeded
 * @param costUsd what the tokens of every call, re-asks included, cost at the judge model's prices
 * @param prompt the prompt sent
 * @param samples every sample with its raw answers
 */
public record Judgement(
    String model,
    int threshold,
    int criteria,
    Assessment assessment,
    String error,
    BigDecimal costUsd,
    JudgePrompt prompt,
    List<JudgeSample> samples) {

  public static final String SUCCEEDED_CHECK = "judge succeeded";
  public static final String CHECKLIST_CHECK = "judge checklist met";

  public Judgement {
    Objects.requireNonNull(model, "model");
    if (criteria < 0) {
      throw new IllegalArgumentException("criteria must not be negative, got " + criteria);
    }
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(prompt, "prompt");
    samples = List.copyOf(samples);
    if ((assessment == null) == (error == null)) {
      throw new IllegalArgumentException("a judgement has either an assessment or an error");
    }
  }

  /** The median sample score, or null when the judgement failed. */
  public Integer score() {
    return assessment == null ? null : assessment.score();
  }

  /** The summary of the median sample, empty when the judgement failed. */
  public String summary() {
    return assessment == null ? "" : assessment.summary();
  }

  /** The combined checklist, empty when the judgement failed. */
  public List<ChecklistItem> checklist() {
    return assessment == null ? List.of() : assessment.checklist();
  }

  /** The score of each sample that succeeded, in the order asked. */
  public List<Integer> sampleScores() {
    return samples.stream()
        .filter(JudgeSample::succeeded)
        .map(s -> s.assessment().score())
        .toList();
  }

  /** Highest minus lowest sample score, or null when the judgement failed. */
  public Integer spread() {
    List<Integer> scores = sampleScores();
    return assessment == null ? null : Collections.max(scores) - Collections.min(scores);
  }

  /** The tokens of every call, re-asks included. */
  public TokenUsage usage() {
    return JudgeSample.usage(samples);
  }

  public boolean succeeded() {
    return error == null;
  }

  /**
   * Whether the judge itself failed (provider error, or no readable answer after the re-asks). The
   * attempt then counts as an execution error, never as a pass or a model failure.
   */
  public boolean isExecutionError() {
    return !succeeded();
  }

  /** Whether the judge succeeded, the score reached the threshold and every criterion is met. */
  public boolean passed() {
    return succeeded() && assessment.score() >= threshold && checklistProblem() == null;
  }

  /**
   * {@code judge succeeded}, {@code judge score >= <threshold>} and {@code judge checklist met}
   * (every acceptance criterion answered, each met).
   */
  public List<Check> checks() {
    String scoreCheck = "judge score >= " + threshold;
    if (!succeeded()) {
      return List.of(
          Check.fail(SUCCEEDED_CHECK, error),
          Check.fail(scoreCheck, "judge failed"),
          Check.fail(CHECKLIST_CHECK, "judge failed"));
    }
    int score = assessment.score();
    String problem = checklistProblem();
    return List.of(
        Check.pass(SUCCEEDED_CHECK),
        Check.of(scoreCheck, score >= threshold, "score " + score + " is below " + threshold),
        Check.of(CHECKLIST_CHECK, problem == null, problem));
  }

  /** Why the checklist does not pass, or null when it does. */
  private String checklistProblem() {
    List<ChecklistItem> checklist = assessment.checklist();
    if (checklist.size() < criteria) {
      return "the judge answered " + checklist.size() + " of " + criteria + " criteria";
    }
    List<String> unmet = new ArrayList<>();
    for (int i = 0; i < checklist.size(); i++) {
      ChecklistItem item = checklist.get(i);
      if (!item.met()) {
        unmet.add("#" + (i + 1) + " '" + item.item() + "': " + item.reason());
      }
    }
    return unmet.isEmpty() ? null : "not met: " + String.join("; ", unmet);
  }

  /** The content of {@code judge.json}. */
  public JsonNode toJson() {
    return JudgementJson.of(this);
  }
}
