package dev.evals.modes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the model edits through a tool mode's tools: a flow, a script, an app. */
public interface DraftState {

  /** The state as written to its artifact file and shown to the judge. */
  ObjectNode toJson();
}
