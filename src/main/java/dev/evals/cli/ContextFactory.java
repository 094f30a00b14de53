package dev.evals.cli;

import picocli.CommandLine;

/** Gives every command the shared {@link CliContext}. */
final class ContextFactory implements CommandLine.IFactory {

  private final CliContext context;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K instance = fallback.create(type);
    if (instance instanceof ContextAware aware) {
      aware.useContext(context);
    }
    return instance;
  }
}
