package dev.evals.judge;

import dev.evals.model.ChatModel;
import dev.evals.model.ModelSpec;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Asks a separate judge model whether an attempt's final artifact does what the user asked. Runs
 * after the deterministic validators; its verdict becomes the checks {@code judge succeeded} and
 * {@code judge score >= <threshold>}.
 *
 * <p>Every text the judge reads as data is fenced by a {@link Boundary} drawn from {@code random}
 * for each judgement. An answer whose checklist does not answer every acceptance criterion is sent
 * back, as an unreadable one is.
 *
 * <p>With {@code samples} n above one, the judge is asked n independent times and the median score
 * counts. For an even n the median is the lower of the two middle scores, so a split judge errs
 * towards failing. The summary is that of the first sample with the median score; the checklist
 * combines every sample as {@link SampledChecklist} says. If any sample fails, the whole judgement
 * fails.
 */
public final class Judge {

  private final ModelSpec spec;
  private final JudgeSettings settings;
  private final JudgeConversation conversation;
  private final RandomGenerator random;

  /** A judge whose boundaries come from a {@link SecureRandom}. */
  public Judge(ChatModel model, ModelSpec spec, JudgeSettings settings) {
    this(model, spec, settings, new SecureRandom());
  }

  public Judge(ChatModel model, ModelSpec spec, JudgeSettings settings, RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.conversation = new JudgeConversation(Objects.requireNonNull(model, "model"));
  }

  /**
   * Judges one artifact. Provider failures and unreadable answers do not throw: they come back as a
   * failed judgement, which {@link Judgement#isExecutionError()} reports.
   */
  public Judgement judge(JudgeInput input) {
    JudgePrompt prompt;
    // One judge serves concurrent attempts, and not every RandomGenerator is thread-safe.
    synchronized (random) {
      prompt = JudgePrompt.of(input, settings, random);
    }
    List<JudgeSample> samples = new ArrayList<>();
    for (int i = 0; i < settings.samples(); i++) {
      JudgeSample sample = conversation.sample(prompt, input.checklist().size());
      samples.add(sample);
      if (!sample.succeeded()) {
        break;
      }
    }
    return assessment(input.checklist(), prompt, samples);
  }

  private Judgement assessment(
      List<String> criteria, JudgePrompt prompt, List<JudgeSample> samples) {
    BigDecimal cost = spec.cost(JudgeSample.usage(samples));
    return samples.stream()
        .filter(s -> !s.succeeded())
        .findFirst()
        .map(failed -> judgement(criteria, null, failed.error(), cost, prompt, samples))
        .orElseGet(
            () -> judgement(criteria, combined(criteria, samples), null, cost, prompt, samples));
  }

  /** The median score, the summary of the first sample with it, and the combined checklist. */
  private static Assessment combined(List<String> criteria, List<JudgeSample> samples) {
    List<Assessment> assessments = samples.stream().map(JudgeSample::assessment).toList();
    List<Integer> scores = assessments.stream().map(Assessment::score).sorted().toList();
    int median = scores.get((scores.size() - 1) / 2);
    Assessment chosen =
        assessments.stream().filter(v -> v.score() == median).findFirst().orElseThrow();
    return new Assessment(
        median, chosen.summary(), SampledChecklist.of(criteria, assessments, chosen));
  }

  private Judgement judgement(
      List<String> criteria,
      Assessment assessment,
      String error,
      BigDecimal cost,
      JudgePrompt prompt,
      List<JudgeSample> samples) {
    return new Judgement(
        spec.alias(),
        settings.threshold(),
        criteria.size(),
        assessment,
        error,
        cost,
        prompt,
        samples);
  }
}
