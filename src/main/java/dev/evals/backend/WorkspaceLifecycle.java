package dev.evals.backend;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creates and deletes isolated workspaces (the login must be a super admin). */
final class WorkspaceLifecycle {

  private WorkspaceLifecycle() {}

  static void create(WindmillClient client, String workspace) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", workspace);
    body.put("name", workspace);
    try {
      client.post("/workspaces/create", body);
    } catch (WindmillApiException e) {
      if (e.body().contains("maximum number of workspaces")) {
        throw new WindmillApiException(
            e.getMessage()
                + ". Reuse an existing workspace with WMILL_AI_EVAL_BACKEND_WORKSPACE=<id>.",
            500,
            e.body(),
            e);
      }
      // A workspace that cannot be created is the server's problem, not the model's.
      throw new WindmillApiException(e.getMessage(), Math.max(500, e.status()), e.body(), e);
    }
  }

  static void delete(WindmillClient client, String workspace) {
    client.delete("/workspaces/delete/" + workspace);
  }
}
