package dev.evals.modes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool mode's draft as JSON: what the model edits through the tools (a flow, a script, an app, a
 * workspace), or a fixture of where it starts and where it should end.
 */
public interface DraftState {

  /** The state as written to its artifact file and shown to the judge. */
  ObjectNode toJson();
}
