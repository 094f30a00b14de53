package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.backend.PreflightProblem.Cause;
import java.util.Optional;

/**
 * Checks each server before a run, with the calls a preview makes first: the login, then the rights
 * the workspace mode needs. A fresh workspace per preview needs a super admin (Windmill lets only
 * one delete a workspace); a shared workspace needs a member who is an admin there (deleting a
 * script by path requires one) and not an operator, and who can list its scripts.
 */
final class Preflight {

  private final BackendSettings settings;

  Preflight(BackendSettings settings) {
    this.settings = settings;
  }

  Optional<PreflightProblem> check(WindmillClient client, TokenCache tokens) {
    try {
      tokens.token(client.baseUrl());
    } catch (WindmillApiException e) {
      return Optional.of(
          serverDown(e)
              ? down(client, e)
              : settings(
                  e.getMessage()
                      + "; check WMILL_AI_EVAL_BACKEND_EMAIL and WMILL_AI_EVAL_BACKEND_PASSWORD"));
    }
    try {
      return settings.shared() ? sharedRights(client) : superAdmin(client);
    } catch (WindmillApiException e) {
      return Optional.of(serverDown(e) ? down(client, e) : refused(client, e));
    }
  }

  private PreflightProblem refused(WindmillClient client, WindmillApiException e) {
    if (!settings.shared()) {
      return settings("%s on %s: %s".formatted(settings.email(), client.baseUrl(), e.getMessage()));
    }
    return settings(
        "%s cannot use workspace %s on %s: %s; check WMILL_AI_EVAL_BACKEND_WORKSPACE"
            .formatted(
                settings.email(), settings.sharedWorkspace(), client.baseUrl(), e.getMessage()));
  }

  private Optional<PreflightProblem> superAdmin(WindmillClient client) {
    JsonNode me = client.getJson("/users/whoami");
    if (me.path("super_admin").asBoolean(false)) {
      return Optional.empty();
    }
    return Optional.of(
        settings(
            ("%s is not a super admin on %s, and a fresh workspace per preview needs one to create"
                    + " and delete it; log in as a super admin (WMILL_AI_EVAL_BACKEND_EMAIL), or"
                    + " share one workspace with WMILL_AI_EVAL_BACKEND_WORKSPACE=<id>")
                .formatted(settings.email(), client.baseUrl())));
  }

  private Optional<PreflightProblem> sharedRights(WindmillClient client) {
    String workspace = settings.sharedWorkspace();
    JsonNode me = client.getJson("/w/" + workspace + "/users/whoami");
    String who =
        "%s in workspace %s on %s".formatted(settings.email(), workspace, client.baseUrl());
    if (me.path("operator").asBoolean(false)) {
      return Optional.of(
          settings(
              who
                  + " is an operator, who cannot create scripts or flows; log in as an admin of"
                  + " that workspace, or choose another with WMILL_AI_EVAL_BACKEND_WORKSPACE"));
    }
    if (!me.path("is_admin").asBoolean(false) && !me.path("is_super_admin").asBoolean(false)) {
      return Optional.of(
          settings(
              who
                  + " is not an admin, and removing the scripts a preview seeded needs one; log in"
                  + " as an admin of that workspace, or choose another with"
                  + " WMILL_AI_EVAL_BACKEND_WORKSPACE"));
    }
    client.getJson("/w/" + workspace + "/scripts/list?per_page=1");
    return Optional.empty();
  }

  private static boolean serverDown(WindmillApiException e) {
    return e.status() == 0 || e.status() >= 500;
  }

  private static PreflightProblem down(WindmillClient client, WindmillApiException e) {
    return new PreflightProblem(
        Cause.SERVER_DOWN,
        "backend preview: Windmill at %s cannot be used: %s; start it, or point"
                .formatted(client.baseUrl(), e.getMessage())
            + " WMILL_AI_EVAL_BACKEND_URL at a running server");
  }

  private static PreflightProblem settings(String message) {
    return new PreflightProblem(Cause.SETTINGS, "backend preview: " + message);
  }
}
