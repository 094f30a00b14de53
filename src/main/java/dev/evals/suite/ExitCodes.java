package dev.evals.suite;

/** The exit codes of every command. */
public final class ExitCodes {

  public static final int DONE = 0;
  public static final int BELOW_MIN_PASS_RATE = 1;
  public static final int BAD_INPUT = 2;
  public static final int EXECUTION_ERRORS = 3;
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
