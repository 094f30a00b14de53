package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.modes.DraftState;
import java.util.ArrayList;
import java.util.List;

/**
 * A global case's {@code expected} fixture: Windmill's {@code {drafts: [...]}}, plus our {@code
 * deployed} (items the user asked to deploy) and {@code lookups} (the read-only tool calls a
 * careful assistant makes first, such as {@code list_runs} before summarising runs).
 */
record ExpectedOutcome(List<Lookup> lookups, List<Draft> drafts, List<Draft> deployed)
    implements DraftState {

  ExpectedOutcome {
    lookups = List.copyOf(lookups);
    drafts = List.copyOf(drafts);
    deployed = List.copyOf(deployed);
  }

  /** One read-only tool call of the reference. */
  record Lookup(String tool, ObjectNode args) {}

  static ExpectedOutcome fromJson(JsonNode node) {
    List<Lookup> lookups = new ArrayList<>();
    for (JsonNode lookup : node.path("lookups")) {
      JsonNode args = lookup.path("args");
      lookups.add(
          new Lookup(
              lookup.path("tool").asText(),
              args.isObject() ? (ObjectNode) args : JsonNodeFactory.instance.objectNode()));
    }
    List<Draft> drafts = new ArrayList<>();
    node.path("drafts").forEach(draft -> drafts.add(Draft.fromJson(draft)));
    List<Draft> deployed = new ArrayList<>();
    node.path("deployed").forEach(item -> deployed.add(Draft.fromJson(item)));
    return new ExpectedOutcome(lookups, drafts, deployed);
  }

  /** The outcome shown to the judge: the drafts and deployments, not the lookups. */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    drafts.forEach(draft -> node.withArray("drafts").add(draft.toJson(true)));
    deployed.forEach(item -> node.withArray("deployed").add(item.toJson(false)));
    return node;
  }
}
