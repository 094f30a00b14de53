package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Removes seeded scripts and flows from a shared workspace: only those carrying the {@link
 * SeedMarker}, never a user's own assets, each delete recorded and the others still tried.
 */
final class AssetSweeper {

  private static final String PAGE = "?per_page=1000";

  private AssetSweeper() {}

  /** Deletes every marked script and flow left by earlier previews. */
  static void sweepMarked(WindmillClient client, String workspace, CleanupLog log) {
    String base = "/w/" + workspace;
    log.attempt(
        "list seeded scripts",
        () -> {
          for (JsonNode script : client.getJson(base + "/scripts/list" + PAGE)) {
            if (SeedMarker.marked(script.path("description").asText(null))) {
              String path = script.path("path").asText();
              log.attempt("delete script " + path, () -> deleteScript(client, base, path));
            }
          }
        });
    log.attempt(
        "list seeded flows",
        () -> {
          for (JsonNode flow : client.getJson(base + "/flows/list" + PAGE)) {
            if (SeedMarker.marked(flow.path("description").asText(null))) {
              String path = flow.path("path").asText();
              log.attempt("delete flow " + path, () -> deleteFlow(client, base, path));
            }
          }
        });
  }

  /** Deletes what this preview seeded (flows first: they may use the scripts). */
  static void remove(
      WindmillClient client, String workspace, List<SeededAsset> seeded, CleanupLog log) {
    String base = "/w/" + workspace;
    for (SeededAsset asset : seeded) {
      if (asset.kind().equals("flow")) {
        log.attempt("delete flow " + asset.path(), () -> deleteFlow(client, base, asset.path()));
      }
    }
    for (SeededAsset asset : seeded) {
      if (asset.kind().equals("script")) {
        log.attempt(
            "delete script " + asset.path(), () -> deleteScript(client, base, asset.path()));
      }
    }
  }

  private static void deleteScript(WindmillClient client, String base, String path) {
    client.post(base + "/scripts/delete/p/" + path, null);
  }

  private static void deleteFlow(WindmillClient client, String base, String path) {
    client.delete(base + "/flows/delete/" + path);
  }
}
