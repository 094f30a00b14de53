package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.FlowPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates what a flow preview deploys besides its job, as Windmill would on deploy: the flow at its
 * path (updated in place only when the flow there is one this tool seeded), then its schedules and
 * HTTP triggers, each marked as seeded. Windmill refusing one of them (4xx) is the model's doing,
 * not the server's.
 */
final class FlowDeployer {

  private final AssetSeeder seeder;

  FlowDeployer(AssetSeeder seeder) {
    this.seeder = seeder;
  }

  /**
   * Deploys the request's flow, schedules and triggers, reporting each asset as soon as it exists
   * so that cleanup finds it even when a later one fails.
   *
   * @return why Windmill refused one, or empty when all were created
   * @throws WindmillApiException when the server, not the request, is to blame
   * @throws ForeignAssetException when the flow's path holds a flow this tool did not seed
   */
  Optional<String> deploy(
      WindmillClient client, String workspace, FlowPreview request, Consumer<SeededAsset> seeded) {
    String base = "/w/" + workspace;
    AssetSeeder.createFolders(client, base, paths(request));
    try {
      seeded.accept(seeder.seedFlow(client, workspace, flow(request)));
    } catch (WindmillApiException e) {
      return refused(e, "the flow at " + request.path());
    }
    for (JsonNode schedule : request.schedules()) {
      String path = schedule.path("path").asText();
      try {
        client.post(base + "/schedules/create", scheduleBody(schedule));
      } catch (WindmillApiException e) {
        return refused(e, "the schedule " + path);
      }
      seeded.accept(new SeededAsset("schedule", path, "created", null));
    }
    for (JsonNode trigger : request.triggers()) {
      String path = trigger.path("path").asText();
      try {
        client.post(base + "/http_triggers/create", triggerBody(trigger));
      } catch (WindmillApiException e) {
        return refused(e, "the HTTP trigger " + path);
      }
      seeded.accept(new SeededAsset("http_trigger", path, "created", null));
    }
    return Optional.empty();
  }

  private static Optional<String> refused(WindmillApiException e, String what) {
    if (e.infrastructure()) {
      throw e;
    }
    return Optional.of(
        "Windmill rejected %s: HTTP %d: %s"
            .formatted(what, e.status(), WindmillClient.excerpt(e.body())));
  }

  private static JsonNode flow(FlowPreview request) {
    ObjectNode seed = JsonNodeFactory.instance.objectNode();
    seed.put("path", request.path());
    seed.set("value", request.value());
    return seed;
  }

  /**
   * The model's schedule, marked and disabled: the preview checks that Windmill accepts it, and a
   * preview workspace must not start running the flow on its own.
   */
  static ObjectNode scheduleBody(JsonNode schedule) {
    ObjectNode body = schedule.deepCopy();
    body.put("summary", SeedMarker.mark(schedule.path("summary").asText("")));
    body.put("enabled", false);
    return body;
  }

  /**
   * The model's HTTP trigger, marked, with the fields Windmill requires defaulted. The route is
   * workspaced so that previews of one case in parallel workspaces do not claim the same route.
   */
  static ObjectNode triggerBody(JsonNode trigger) {
    ObjectNode body = trigger.deepCopy();
    body.put("description", SeedMarker.mark(trigger.path("description").asText("")));
    if (!body.has("is_async")) {
      body.put("is_async", false);
    }
    if (!body.has("is_static_website")) {
      body.put("is_static_website", false);
    }
    body.put("workspaced_route", true);
    return body;
  }

  private static List<String> paths(FlowPreview request) {
    List<String> paths = new ArrayList<>();
    paths.add(request.path());
    request.schedules().forEach(s -> paths.add(s.path("path").asText()));
    request.triggers().forEach(t -> paths.add(t.path("path").asText()));
    return paths;
  }
}
