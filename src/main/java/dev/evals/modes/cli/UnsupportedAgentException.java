package dev.evals.modes.cli;

import dev.evals.input.BadInput;
import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import java.util.stream.Collectors;

/** The model under test cannot run in cli mode: it has no agent command and none was given. */
public final class UnsupportedAgentException extends IllegalArgumentException implements BadInput {

  private UnsupportedAgentException(String message) {
    super(message);
  }

  static UnsupportedAgentException forModel(ModelSpec model) {
    String agentModels =
        ModelRegistry.builtIn(Mappers.yaml()).all().stream()
            .filter(spec -> spec.agentCommand() != null)
            .map(ModelSpec::alias)
            .collect(Collectors.joining(", "));
    return new UnsupportedAgentException(
        "model '"
            + model.alias()
            + "' has no agent command for cli mode; pass --agent-command or use one of: "
            + agentModels);
  }
}
