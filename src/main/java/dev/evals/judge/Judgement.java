package dev.evals.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the judge decided about one attempt.
 *
 * @param model the judge model's alias
 * @param threshold the lowest passing score
 * @param criteria how many acceptance criteria the case gave the judge
 * @param score the median sample score, or null when the judgement failed
 * @param sampleScores the score of each sample, in the order asked
 * @param spread highest minus lowest sample score, or null when the judgement failed
 * @param summary the summary of the median sample, empty when the judgement failed
 * @param checklist a verdict per acceptance criterion, combined over the samples (without criteria,
 *     the requirements the median sample listed itself), empty when the judgement failed
 * @param usage the tokens of every call, re-asks included
 * @param costUsd what those tokens cost at the judge model's prices
 * @param error why the judgement failed, or null when it succeeded
 * @param prompt the prompt sent
 * @param samples every sample with its raw answers
 */
public record Judgement(
    String model,
    int threshold,
    int criteria,
    Integer score,
    List<Integer> sampleScores,
    Integer spread,
    String summary,
    List<ChecklistItem> checklist,
    TokenUsage usage,
    BigDecimal costUsd,
    String error,
    JudgePrompt prompt,
    List<JudgeSample> samples) {

  public static final String SUCCEEDED_CHECK = "judge succeeded";
  public static final String CHECKLIST_CHECK = "judge checklist met";

  public Judgement {
    Objects.requireNonNull(model, "model");
    if (criteria < 0) {
      throw new IllegalArgumentException("criteria must not be negative, got " + criteria);
    }
    sampleScores = List.copyOf(sampleScores);
    summary = Objects.requireNonNullElse(summary, "");
    checklist = List.copyOf(checklist);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(prompt, "prompt");
    samples = List.copyOf(samples);
    if ((score == null) == (error == null)) {
      throw new IllegalArgumentException("a judgement has either a score or an error");
    }
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
    return succeeded() && score >= threshold && checklistProblem() == null;
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
    String problem = checklistProblem();
    return List.of(
        Check.pass(SUCCEEDED_CHECK),
        Check.of(scoreCheck, score >= threshold, "score " + score + " is below " + threshold),
        Check.of(CHECKLIST_CHECK, problem == null, problem));
  }

  /** Why the checklist does not pass, or null when it does. */
  private String checklistProblem() {
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
