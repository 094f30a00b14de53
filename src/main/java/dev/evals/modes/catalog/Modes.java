package dev.evals.modes.catalog;

import dev.evals.modes.Mode;
import dev.evals.modes.UnknownModeException;
import dev.evals.modes.app.AppMode;
import dev.evals.modes.cli.CliMode;
import dev.evals.modes.flow.FlowMode;
import dev.evals.modes.global.GlobalMode;
import dev.evals.modes.script.ScriptMode;
import dev.evals.naming.ClosestMatch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The modes a suite can run. */
public final class Modes {

  /** Every mode name, in the order they are listed. */
  public static final List<String> NAMES = List.of("flow", "script", "app", "cli", "global");

  private final Map<String, Mode> byName = new LinkedHashMap<>();

  public Modes(List<Mode> modes) {
    modes.forEach(mode -> byName.put(mode.name(), mode));
  }

  /** The four modes with their default settings. */
  public static Modes builtIn() {
    return withCli(new CliMode());
  }

  /**
   * The four modes, cli mode with the guidance folder and agent command given on the command line
   * (either may be null for the defaults) and the environment its agents start with.
   */
  public static Modes builtIn(
      Path guidanceDir, String agentCommand, Map<String, String> agentEnvironment) {
    return withCli(new CliMode(guidanceDir, agentCommand, agentEnvironment));
  }

  private static Modes withCli(CliMode cli) {
    return new Modes(
        List.of(new FlowMode(), new ScriptMode(), new AppMode(), cli, new GlobalMode()));
  }

  /** The mode of that name; an unknown name is an input error with a suggestion. */
  public Mode get(String name) {
    Mode mode = byName.get(name);
    if (mode == null) {
      throw new UnknownModeException(
          "unknown mode '"
              + name
              + "'"
              + ClosestMatch.hint(byName.keySet(), name)
              + "; modes: "
              + String.join(", ", byName.keySet()));
    }
    return mode;
  }

  public List<Mode> all() {
    return List.copyOf(byName.values());
  }
}
