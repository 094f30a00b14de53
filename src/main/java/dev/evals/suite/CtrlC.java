package dev.evals.suite;

/**
 * Ctrl-C (SIGINT) while attempts run: the first press calls {@code first} (say so, wind down),
 * every later one {@code again} (quit now). A JVM shutdown hook cannot see a second signal, hence a
 * signal handler. Where none can be installed ({@code jdk.unsupported} left out of the runtime, a
 * platform without SIGINT) nothing changes: Ctrl-C starts the JVM's shutdown, whose hook winds the
 * run down as for SIGTERM.
 */
final class CtrlC implements AutoCloseable {

  private final Runnable first;
  private final Runnable again;
  private final Object previous;
  private int presses;
  private boolean attemptsEnded;

  private CtrlC(Runnable first, Runnable again, boolean install) {
    this.first = first;
    this.again = again;
    this.previous = install ? Sigint.install(this) : null;
  }

  /** Handles SIGINT until closed, or nothing when the JVM does not let it. */
  static CtrlC handle(Runnable first, Runnable again) {
    return new CtrlC(first, again, true);
  }

  /** A handler installed nowhere, whose presses only come from {@link #pressed()}. */
  static CtrlC detached(Runnable first, Runnable again) {
    return new CtrlC(first, again, false);
  }

  /** Whether SIGINT comes here; when false the JVM's own handling applies. */
  boolean installed() {
    return previous != null;
  }

  /** One press of Ctrl-C: the first while attempts run winds down, any other quits. */
  void pressed() {
    boolean windDown;
    synchronized (this) {
      windDown = presses++ == 0 && !attemptsEnded;
    }
    (windDown ? first : again).run();
  }

  /** Whether Ctrl-C was pressed at least once. */
  synchronized boolean wasPressed() {
    return presses > 0;
  }

  /**
   * The attempts are over: whether Ctrl-C was pressed while they ran, in which case the shutdown it
   * started writes the summary. Decided at once with the press, so a press that comes at the same
   * moment either counts here or quits; from now on every press quits.
   */
  synchronized boolean attemptsEnded() {
    attemptsEnded = true;
    return presses > 0;
  }

  /** Gives SIGINT back to the handler it had before. */
  @Override
  public void close() {
    if (previous != null) {
      Sigint.restore(previous);
    }
  }

  /** The one place that names {@code sun.misc}, so a runtime without it fails only here. */
  private static final class Sigint {

    static Object install(CtrlC target) {
      try {
        return sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> target.pressed());
      } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException refused) {
        return null;
      }
    }

    static void restore(Object previous) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), (sun.misc.SignalHandler) previous);
      } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException refused) {
        // Installed once, so restoring cannot be refused; nothing more to give back if it were.
      }
    }
  }
}
