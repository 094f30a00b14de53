package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes seeded assets from a shared workspace: only those carrying the {@link SeedMarker}, never
 * a user's own, each delete recorded and the others still tried. What uses other assets goes first:
 * HTTP triggers and schedules, then flows, then scripts.
 */
final class AssetSweeper {

  private static final String PAGE = "?per_page=1000";

  /** A kind of seeded asset: its routes, and the field that carries the marker. */
  private enum Kind {
    HTTP_TRIGGER("http_trigger", "http trigger", "/http_triggers", "description"),
    SCHEDULE("schedule", "schedule", "/schedules", "summary"),
    FLOW("flow", "flow", "/flows", "description"),
    SCRIPT("script", "script", "/scripts", "description");

    final String name;
    final String label;
    final String routes;
    final String markerField;

    Kind(String name, String label, String routes, String markerField) {
      this.name = name;
      this.label = label;
      this.routes = routes;
      this.markerField = markerField;
    }

    boolean marked(JsonNode asset) {
      return SeedMarker.marked(asset.path(markerField).asText(null));
    }

    JsonNode get(WindmillClient client, String base, String path) {
      return client.getJson(base + routes + (this == SCRIPT ? "/get/p/" : "/get/") + path);
    }

    void delete(WindmillClient client, String base, String path) {
      if (this == SCRIPT) {
        client.post(base + routes + "/delete/p/" + path);
      } else {
        client.delete(base + routes + "/delete/" + path);
      }
    }
  }

  private AssetSweeper() {}

  /** Deletes every marked asset left by earlier previews. */
  static void sweepMarked(WindmillClient client, String workspace, CleanupLog log) {
    String base = "/w/" + workspace;
    for (Kind kind : Kind.values()) {
      log.attempt(
          "list seeded " + kind.label + "s",
          () -> {
            for (JsonNode asset : client.getJson(base + kind.routes + "/list" + PAGE)) {
              if (kind.marked(asset)) {
                String path = asset.path("path").asText();
                log.attempt(
                    "delete " + kind.label + " " + path, () -> kind.delete(client, base, path));
              }
            }
          });
    }
  }

  /**
   * Deletes what this preview seeded, each asset once, after checking it still carries the marker:
   * one that somebody made their own in the meantime is left, and the step recorded as failed.
   */
  static void remove(
      WindmillClient client, String workspace, List<SeededAsset> seeded, CleanupLog log) {
    String base = "/w/" + workspace;
    for (Kind kind : Kind.values()) {
      Set<String> paths = new LinkedHashSet<>();
      seeded.stream().filter(a -> a.kind().equals(kind.name)).forEach(a -> paths.add(a.path()));
      for (String path : paths) {
        log.attempt(
            "delete " + kind.label + " " + path,
            () -> {
              if (!kind.marked(kind.get(client, base, path))) {
                throw new IllegalStateException(
                    "its %s no longer ends in %s: somebody changed it since it was seeded, so it"
                            .formatted(kind.markerField, SeedMarker.MARK)
                        + " is left untouched");
              }
              kind.delete(client, base, path);
            });
      }
    }
  }
}
