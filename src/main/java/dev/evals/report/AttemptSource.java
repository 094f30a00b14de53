package dev.evals.report;

import dev.evals.run.AttemptRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * The attempt records of one run, handed out case by case when a writer needs them, so that no
 * report has to hold every record of a large run at once.
 */
public interface AttemptSource {

  /** Case ids in report order (the order of {@code Summary.cases()}). */
  List<String> caseIds();

  /** Hands each attempt of one case, in attempt order, to {@code sink}. */
  void forEachAttemptOf(String caseId, Consumer<AttemptRecord> sink);
}
