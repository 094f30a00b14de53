package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Global mode's drafts made comparable: a set of items keyed by type and path (sorted, so the order
 * the model created them in is no difference), and no secret value on either side (the draft keeps
 * secrets out, so the expected side's is masked the same way and never shown).
 */
final class GlobalDrafts {

  /** The global mode's placeholder for a secret it keeps out of a draft (DraftWriters). */
  static final String SECRET_KEPT_OUT = "(secret value, kept out of the draft)";

  private GlobalDrafts() {}

  /** Sorts and masks in place, and returns the node. */
  static JsonNode normalise(JsonNode state) {
    for (String list : List.of("drafts", "deployed")) {
      if (state.path(list) instanceof ArrayNode items) {
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        sorted.sort(Comparator.comparing(GlobalDrafts::key));
        items.removeAll();
        sorted.forEach(item -> items.add(mask(item)));
      }
    }
    return state;
  }

  private static String key(JsonNode item) {
    return item.path("type").asText() + " " + item.path("path").asText();
  }

  private static JsonNode mask(JsonNode item) {
    JsonNode value = item.path("value");
    if (value instanceof ObjectNode variable
        && variable.path("is_secret").asBoolean(false)
        && variable.has("value")) {
      variable.put("value", SECRET_KEPT_OUT);
    }
    return item;
  }
}
