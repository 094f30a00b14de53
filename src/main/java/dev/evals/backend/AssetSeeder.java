package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.model.Sleeper;
import dev.evals.modes.PreviewRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a case's scripts and flows into a workspace: folders first, then each asset created. When
 * Windmill reports that exact path as taken, the asset there is updated in place only if it carries
 * the {@link SeedMarker}; anyone else's is left untouched and a {@link ForeignAssetException} ends
 * the preview. Scripts are waited for until deployed, since a flow or preview that uses them would
 * fail before.
 */
final class AssetSeeder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Sleeper sleeper;

  AssetSeeder(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  List<SeededAsset> seed(
      WindmillClient client, String workspace, PreviewRequest request, Deadline deadline)
      throws InterruptedException {
    String base = "/w/" + workspace;
    List<String> paths = new ArrayList<>();
    for (JsonNode asset : concat(request.seedScripts(), request.seedFlows())) {
      paths.add(asset.path("path").asText());
    }
    createFolders(client, base, paths);
    List<SeededAsset> seeded = new ArrayList<>();
    for (JsonNode script : request.seedScripts()) {
      seeded.add(seedScript(client, workspace, script, deadline));
    }
    for (JsonNode flow : request.seedFlows()) {
      seeded.add(seedFlow(client, workspace, flow));
    }
    return seeded;
  }

  /** A seed's path without the file extension a fixture may give it (f/x/add.ts → f/x/add). */
  static String windmillPath(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.indexOf('.', slash + 1);
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The folder of an {@code f/...} path, or null for a user path. */
  static String folder(String path) {
    String[] parts = path.split("/");
    return parts.length >= 3 && parts[0].equals("f") ? parts[1] : null;
  }

  /** Creates the folders of these Windmill paths, those already there being fine. */
  static void createFolders(WindmillClient client, String base, List<String> paths) {
    Set<String> folders = new LinkedHashSet<>();
    for (String path : paths) {
      String folder = folder(windmillPath(path));
      if (folder != null) {
        folders.add(folder);
      }
    }
    for (String folder : folders) {
      try {
        client.post(base + "/folders/create", NODES.objectNode().put("name", folder));
      } catch (WindmillApiException e) {
        if (e.status() != 400 || !e.body().contains("already exists")) {
          throw e;
        }
      }
    }
  }

  private SeededAsset seedScript(
      WindmillClient client, String workspace, JsonNode seed, Deadline deadline)
      throws InterruptedException {
    String base = "/w/" + workspace;
    String path = windmillPath(seed.path("path").asText());
    ObjectNode body = NODES.objectNode();
    body.put("path", path);
    body.put("summary", seed.path("summary").asText(""));
    body.put("description", SeedMarker.mark(seed.path("description").asText("")));
    body.put("content", seed.path("content").asText(""));
    body.put("language", seed.path("language").asText());
    body.set("schema", schema(seed));
    body.put("is_template", false);
    body.put("kind", "script");
    requireNoForeignArchive(client, workspace, path);
    String action = "created";
    String hash;
    try {
      hash = client.post(base + "/scripts/create", body).trim();
    } catch (WindmillApiException e) {
      if (!scriptConflict(e, path)) {
        throw e;
      }
      JsonNode taken = client.getJson(base + "/scripts/get/p/" + path);
      requireSeeded(taken, "script", path, workspace, client);
      body.put("parent_hash", taken.path("hash").asText());
      hash = client.post(base + "/scripts/create", body).trim();
      action = "updated";
    }
    new DeploymentWait(sleeper).untilDeployed(client, base, path, hash, deadline);
    return new SeededAsset("script", path, action, hash);
  }

  /**
   * Creates a flow {path, summary?, description?, schema?, value}, or updates it when the path
   * holds a flow this tool seeded.
   *
   * @throws ForeignAssetException when the path holds anyone else's flow
   */
  SeededAsset seedFlow(WindmillClient client, String workspace, JsonNode seed) {
    String base = "/w/" + workspace;
    String path = windmillPath(seed.path("path").asText());
    ObjectNode body = NODES.objectNode();
    body.put("path", path);
    body.put("summary", seed.path("summary").asText(""));
    body.put("description", SeedMarker.mark(seed.path("description").asText("")));
    body.set("value", seed.path("value").isObject() ? seed.get("value") : NODES.objectNode());
    body.set("schema", schema(seed));
    try {
      client.post(base + "/flows/create", body);
      return new SeededAsset("flow", path, "created", null);
    } catch (WindmillApiException e) {
      if (!flowConflict(e, path)) {
        throw e;
      }
      requireSeeded(client.getJson(base + "/flows/get/" + path), "flow", path, workspace, client);
      client.post(base + "/flows/update/" + path, body);
      return new SeededAsset("flow", path, "updated", null);
    }
  }

  /**
   * A path whose only versions are archived takes a new script without a conflict, but deleting our
   * seed by path afterwards would delete those versions too: they must be ours as well.
   */
  private static void requireNoForeignArchive(
      WindmillClient client, String workspace, String path) {
    JsonNode archived =
        client.getJson(
            "/w/%s/scripts/list?path_exact=%s&show_archived=true".formatted(workspace, path));
    for (JsonNode script : archived) {
      if (script.path("path").asText().equals(path)
          && !SeedMarker.marked(script.path("description").asText(null))) {
        throw new ForeignAssetException("archived script", path, workspace, client.baseUrl());
      }
    }
  }

  /** Seed markers are the only licence to overwrite: what lacks one is somebody's own work. */
  private static void requireSeeded(
      JsonNode taken, String kind, String path, String workspace, WindmillClient client) {
    if (!SeedMarker.marked(taken.path("description").asText(null))) {
      throw new ForeignAssetException(kind, path, workspace, client.baseUrl());
    }
  }

  // Windmill's own texts (scripts.rs, flows.rs): only a conflict on this very path is updated.
  private static boolean scriptConflict(WindmillApiException e, String path) {
    return e.status() == 400
        && e.body().contains("Path conflict for " + path + " with non-archived hash");
  }

  private static boolean flowConflict(WindmillApiException e, String path) {
    return e.status() == 400 && e.body().contains("Flow " + path + " already exists");
  }

  private static JsonNode schema(JsonNode seed) {
    if (seed.path("schema").isObject()) {
      return seed.get("schema");
    }
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    schema.set("properties", NODES.objectNode());
    schema.set("required", NODES.arrayNode());
    return schema;
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
