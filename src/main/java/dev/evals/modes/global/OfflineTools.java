package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.ToolReply;
import java.util.Locale;

/**
 * Tools whose real effect needs a live Windmill: runs and logs answer from the case's fixture
 * ({@code workspace.jobs}), resource types and authoring instructions come from our catalog, and
 * what cannot be done offline (documentation search, asking the user) says so plainly. Datatables
 * run on a real PostgreSQL ({@link dev.evals.datatable.DatatableTools}).
 */
final class OfflineTools {

  private static final JsonNode REFERENCE = ToolCatalog.read("/global/reference.json");

  private final GlobalSession session;

  OfflineTools(GlobalSession session) {
    this.session = session;
  }

  void bindTo(ToolCatalog catalog) {
    catalog.bind("list_runs", this::listRuns);
    catalog.bind("get_job_logs", this::jobLogs);
    catalog.bind("get_instructions", OfflineTools::instructions);
    catalog.bind(
        "search_docs",
        args ->
            ToolReply.ok(
                "Documentation search is not available offline in this evaluation; answer from"
                    + " what you know of Windmill and say so."));
    catalog.bind("askUserQuestion", OfflineTools::ask);
    catalog.bind("search_resource_types", OfflineTools::resourceTypes);
  }

  private ToolReply listRuns(JsonNode args) {
    ArrayNode runs = JsonNodeFactory.instance.arrayNode();
    for (JsonNode job : session.initial().jobs()) {
      if (args.hasNonNull("path")
              && !args.get("path").asText().equals(job.path("scriptPath").asText())
          || args.hasNonNull("success")
              && args.get("success").asBoolean() != job.path("success").asBoolean()
          || args.hasNonNull("created_by")
              && !args.get("created_by").asText().equals(job.path("createdBy").asText())) {
        continue;
      }
      ObjectNode run = job.deepCopy();
      run.remove("logs");
      runs.add(run);
    }
    return ToolReply.ok(runs.toPrettyString());
  }

  private ToolReply jobLogs(JsonNode args) {
    String id = args.path("id").asText();
    for (JsonNode job : session.initial().jobs()) {
      if (id.equals(job.path("id").asText())) {
        String logs = job.path("logs").asText("");
        return ToolReply.ok(logs.isBlank() ? "No logs available for this job." : logs);
      }
    }
    return ToolReply.error("No job " + id + " in this workspace; list_runs shows the recent runs.");
  }

  private static ToolReply instructions(JsonNode args) {
    String subject = args.path("subject").asText();
    JsonNode text = REFERENCE.path("instructions").get(subject);
    return text == null
        ? ToolReply.error("No instructions for '" + subject + "'.")
        : ToolReply.ok(text.asText());
  }

  private static ToolReply ask(JsonNode args) {
    return ToolReply.ok(
        "The question was shown to the user, who cannot answer during this evaluation. Do not"
            + " guess: end your turn with the question.");
  }

  private static ToolReply resourceTypes(JsonNode args) {
    String query = args.path("query").asText().toLowerCase(Locale.ROOT);
    ArrayNode found = JsonNodeFactory.instance.arrayNode();
    for (JsonNode type : REFERENCE.path("resourceTypes")) {
      if (found.size() < args.path("limit").asInt(5)
          && (type.path("name").asText().contains(query)
              || query.contains(type.path("name").asText()))) {
        found.add(type);
      }
    }
    return ToolReply.ok(found.toPrettyString());
  }
}
