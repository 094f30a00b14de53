package dev.evals.modes;

import dev.evals.modes.cli.CliMode;
import dev.evals.modes.flow.FlowMode;
import dev.evals.naming.ClosestMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The modes a suite can run. */
public final class Modes {

  /** Every mode name a case file may be written for. */
  public static final List<String> NAMES = List.of("flow", "script", "app", "cli");

  private final Map<String, Mode> implemented = new LinkedHashMap<>();

  public Modes(List<Mode> modes) {
    modes.forEach(mode -> implemented.put(mode.name(), mode));
  }

  public static Modes builtIn() {
    return new Modes(List.of(new FlowMode(), new CliMode()));
  }

  /** The mode of that name; an unknown or not yet implemented name is an input error. */
  public Mode get(String name) {
    Mode mode = implemented.get(name);
    if (mode != null) {
      return mode;
    }
    if (NAMES.contains(name)) {
      throw new UnknownModeException(
          "mode '"
              + name
              + "' is not implemented yet; available: "
              + String.join(", ", implemented.keySet()));
    }
    throw new UnknownModeException(
        "unknown mode '"
            + name
            + "'"
            + ClosestMatch.hint(NAMES, name)
            + "; modes: "
            + String.join(", ", NAMES));
  }

  public List<Mode> implemented() {
    return List.copyOf(implemented.values());
  }
}
