package dev.evals.modes.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * How cli mode runs agents.
 *
 * @param guidance what is written into every workspace
 * @param agentCommandOverride a command template used for every model, or null for the model's
 * @param environment the agent's environment before the stub's folder is put first on its PATH
 * @param temporaryRoot where attempt folders are created, or null for the system's
 */
record CliSettings(
    Guidance guidance,
    String agentCommandOverride,
    Map<String, String> environment,
    Path temporaryRoot) {

  CliSettings {
    environment = Map.copyOf(environment);
  }
}
