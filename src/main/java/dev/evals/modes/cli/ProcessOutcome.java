package dev.evals.modes.cli;

/**
 * How the agent process ended.
 *
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 * @param exitCode its exit code, or -1 when it was killed at the timeout
 * @param timedOut whether the wall-clock limit ended it
 * @param timeoutSeconds the limit it ran under
 * @param stoppedBecause why evals stopped it before the limit, or null
 */
record ProcessOutcome(
    String stdout,
    String stderr,
    int exitCode,
    boolean timedOut,
    int timeoutSeconds,
    String stoppedBecause) {

  ProcessOutcome(String stdout, String stderr, int exitCode, boolean timedOut, int timeoutSeconds) {
    this(stdout, stderr, exitCode, timedOut, timeoutSeconds, null);
  }

  /** Why the run did not finish cleanly, or null when it did. */
  String failure() {
    if (timedOut) {
      return "timed out after " + timeoutSeconds + " s";
    }
    if (stoppedBecause != null) {
      return stoppedBecause;
    }
    return exitCode == 0 ? null : "the agent exited with code " + exitCode;
  }

  /** Both streams, as written to {@code assistant-output.txt}. */
  String combinedOutput() {
    StringBuilder out = new StringBuilder(stdout);
    if (!stderr.isEmpty()) {
      out.append(stdout.isEmpty() || stdout.endsWith("\n") ? "" : "\n")
          .append("--- stderr ---\n")
          .append(stderr);
    }
    if (timedOut || stoppedBecause != null) {
      out.append("\n--- killed: ").append(failure()).append(" ---\n");
    }
    return out.toString();
  }
}
