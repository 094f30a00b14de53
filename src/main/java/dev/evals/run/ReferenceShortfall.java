package dev.evals.run;

import dev.evals.agent.ToolInvocation;
import dev.evals.cases.ToolExpect;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.ToolExpectations;
import dev.evals.validate.Check;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a failed attempt of the reference model is a shortfall of the case's reference rather than a
 * failure: the expected fixture is not a complete solution, or the case requires tools the
 * reference never calls and nothing else failed.
 */
final class ReferenceShortfall {

  private ReferenceShortfall() {}

  /** The status and error an attempt is recorded with. */
  record Verdict(AttemptStatus status, String error) {}

  /**
   * The scoring's status and error, except that a reference run's failed attempt that only shows a
   * shortfall of the case's reference is {@code incomplete_reference}, not a failure.
   */
  static Verdict verdict(
      Scoring scoring,
      PreparedCase prepared,
      List<ToolInvocation> invocations,
      boolean referenceRun) {
    if (referenceRun && scoring.status() == AttemptStatus.OK && !scoring.passed()) {
      Optional<String> shortfall = of(prepared, scoring, invocations);
      if (shortfall.isPresent()) {
        return new Verdict(AttemptStatus.INCOMPLETE_REFERENCE, shortfall.get());
      }
    }
    return new Verdict(scoring.status(), scoring.error());
  }

  static Optional<String> of(
      PreparedCase prepared, Scoring scoring, List<ToolInvocation> invocations) {
    if (!prepared.referenceIsComplete()) {
      return Optional.of(
          "the expected fixture is not a complete solution: it fails its own checks");
    }
    Set<String> unreachable = prepared.toolsTheReferenceCannotCall();
    ToolExpect expect = prepared.definition().toolExpect();
    Set<String> named = new TreeSet<>(expect.requiredToolsUsed());
    expect.requiredToolsAnyOf().forEach(named::addAll);
    expect.toolCallArgs().forEach(rule -> named.add(rule.tool()));
    named.retainAll(unreachable);
    boolean restHolds =
        ToolExpectations.check(expect.without(unreachable), invocations).stream()
            .allMatch(Check::passed);
    if (named.isEmpty() || !scoring.onlyToolChecksFailed() || !restHolds) {
      return Optional.empty();
    }
    return Optional.of(
        "the reference replays the expected fixture and cannot call "
            + String.join(", ", named)
            + ", which the case's toolExpect requires: what to create is in the prompt, not in a"
            + " fixture");
  }
}
