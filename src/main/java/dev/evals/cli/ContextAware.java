package dev.evals.cli;

/** A command that needs the {@link CliContext}. */
interface ContextAware {
  void useContext(CliContext context);
}
