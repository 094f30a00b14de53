package dev.evals.modes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.FunctionTool;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import dev.evals.modes.EditReply;
import dev.evals.modes.InputSchemas;
import java.util.List;
import java.util.stream.Stream;

/** The flow mode's tools, bound to one session's draft. Their names are a contract. */
final class FlowTools {

  static final String GET_FLOW = "get_flow";
  static final String SET_FLOW = "set_flow";
  static final String SEARCH_WORKSPACE = "search_workspace";
  static final String GET_RUNNABLE_DETAILS = "get_runnable_details";
  static final String TEST_RUN_FLOW = "test_run_flow";
  static final String SET_MODULE_CODE = "set_module_code";

  private static final String SET_FLOW_INPUT =
      """
      {"type": "object",
       "properties": {
         "value": {"type": "object",
           "description": "The OpenFlow value: {modules: [...], failure_module?, preprocessor_module?}",
           "properties": {"modules": {"type": "array", "items": {"type": "object"}}},
           "required": ["modules"]},
         "schema": {"type": "object", "description": "JSON Schema (type object) of the flow inputs"},
         "summary": {"type": "string", "description": "One-line summary of the flow"}},
       "required": ["value", "schema"],
       "additionalProperties": false}
      """;
  private static final String SEARCH_INPUT =
      """
      {"type": "object",
       "properties": {"query": {"type": "string", "minLength": 1,
         "description": "Words to look for in script and flow paths, summaries and descriptions"}},
       "required": ["query"], "additionalProperties": false}
      """;
  private static final String DETAILS_INPUT =
      """
      {"type": "object",
       "properties": {"path": {"type": "string", "minLength": 1,
         "description": "Workspace path of a script or flow, e.g. f/folder/name"}},
       "required": ["path"], "additionalProperties": false}
      """;
  private static final String TEST_RUN_INPUT =
      """
      {"type": "object",
       "properties": {"args": {"type": "object", "description": "Flow inputs by name"}},
       "additionalProperties": false}
      """;

  private static final String SET_CODE_INPUT =
      """
      {"type": "object",
       "properties": {
         "id": {"type": "string", "minLength": 1, "description": "Id of a rawscript step"},
         "content": {"type": "string", "description": "The step's complete new code"}},
       "required": ["id", "content"], "additionalProperties": false}
      """;

  private final FlowSession session;
  private final FlowTestRun testRun;

  FlowTools(FlowSession session, PreviewSetup preview) {
    this.session = session;
    this.testRun = new FlowTestRun(session, preview);
  }

  List<Tool> all() {
    return Stream.concat(flowTools().stream(), session.deployments().tools().stream()).toList();
  }

  private List<Tool> flowTools() {
    return List.of(
        FunctionTool.of(
            GET_FLOW,
            "Returns the current flow as {path, summary, value, schema}; path is where the flow"
                + " lives in the workspace.",
            InputSchemas.NONE,
            this::getFlow),
        FunctionTool.of(
            SET_FLOW,
            "Replaces the whole flow with {value, schema, summary?} and reports any structural"
                + " problems (bad ids, unresolved results/flow_input references, invalid schema).",
            SET_FLOW_INPUT,
            this::setFlow),
        FunctionTool.of(
            SEARCH_WORKSPACE,
            "Finds existing workspace scripts and flows whose path, summary or description"
                + " contain every word of the query (case-insensitive).",
            SEARCH_INPUT,
            this::search),
        FunctionTool.of(
            GET_RUNNABLE_DETAILS,
            "Returns a workspace script's schema, summary, language and code, or a flow's schema"
                + " and value.",
            DETAILS_INPUT,
            this::details),
        FunctionTool.of(TEST_RUN_FLOW, testRun.description(), TEST_RUN_INPUT, testRun::run),
        FunctionTool.of(
            SET_MODULE_CODE,
            "Replaces the code of one rawscript step, at any depth, keeping the rest of the flow.",
            SET_CODE_INPUT,
            this::setModuleCode));
  }

  private ToolReply getFlow(JsonNode args) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("path", session.flowPath());
    node.setAll(session.current().toJson());
    return ToolReply.ok(write(node));
  }

  private ToolReply setFlow(JsonNode args) {
    FlowState state = FlowState.fromJson(args);
    List<String> problems = session.validator().structuralProblems(state);
    try {
      state.parse();
    } catch (InvalidFlowException e) {
      return ToolReply.error("The flow was not saved: " + e.getMessage());
    }
    session.replace(state);
    return EditReply.of("The flow was saved, but it has problems to fix", problems);
  }

  private ToolReply setModuleCode(JsonNode args) {
    String id = args.path("id").asText();
    FlowState current = session.current();
    JsonNode value = current.value().deepCopy();
    JsonNode module = JsonValues.findModule(value, id);
    if (module == null || !"rawscript".equals(module.path("value").path("type").asText())) {
      return ToolReply.error(
          "No rawscript step with id '" + id + "'. Call get_flow to see the step ids.");
    }
    ((ObjectNode) module.get("value")).put("content", args.path("content").asText());
    FlowState edited = new FlowState(current.summary(), value, current.schema());
    session.replace(edited);
    return EditReply.of(
        "The code was saved, but the flow has problems to fix",
        session.validator().structuralProblems(edited));
  }

  private ToolReply search(JsonNode args) {
    String query = args.path("query").asText();
    List<WorkspaceCatalog.Entry> found = session.workspace().search(query);
    if (found.isEmpty()) {
      return ToolReply.ok("No workspace script or flow matches '" + query + "'.");
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (WorkspaceCatalog.Entry entry : found) {
      ObjectNode item = list.addObject();
      item.put("kind", entry.kind());
      item.put("path", entry.path());
      item.put("summary", entry.summary());
      item.put("description", entry.description());
    }
    return ToolReply.ok(write(list));
  }

  private ToolReply details(JsonNode args) {
    String path = args.path("path").asText();
    return session
        .workspace()
        .entry(path)
        .map(FlowTools::describe)
        .orElseGet(
            () ->
                ToolReply.error(
                    "No script or flow at path '"
                        + path
                        + "'. Use search_workspace to find existing runnables."));
  }

  private static ToolReply describe(WorkspaceCatalog.Entry entry) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", entry.kind());
    node.setAll((ObjectNode) Mappers.json().valueToTree(entry));
    return ToolReply.ok(write(node));
  }

  private static String write(JsonNode node) {
    try {
      return Mappers.json().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
