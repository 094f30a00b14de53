package dev.evals.suite;

/** A combination of options that cannot run, explained in one line. */
public final class UsageException extends IllegalArgumentException {
  public UsageException(String message) {
    super(message);
  }
}
