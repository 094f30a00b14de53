package dev.evals.cli;

import dev.evals.config.ToolBuild;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and the commit the running jar was built from. */
final class ToolVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {ToolBuild.current().describe()};
  }
}
