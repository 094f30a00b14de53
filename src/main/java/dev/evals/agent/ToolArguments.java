package dev.evals.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.evals.json.Mappers;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Parses tool arguments and checks them against the tool's input schema. */
final class ToolArguments {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  /** The parsed arguments, or a problem the model can act on. */
  Parsed parse(Tool tool, String rawArguments) {
    JsonNode arguments;
    try {
      arguments = Mappers.json().readTree(rawArguments.isBlank() ? "{}" : rawArguments);
    } catch (JsonProcessingException e) {
      return new Parsed(null, "arguments are not valid JSON: " + e.getOriginalMessage());
    }
    if (!arguments.isObject()) {
      return new Parsed(arguments, "arguments must be a JSON object");
    }
    JsonSchema schema =
        schemas.computeIfAbsent(tool.name(), name -> FACTORY.getSchema(tool.spec().inputSchema()));
    Set<ValidationMessage> problems = schema.validate(arguments);
    if (!problems.isEmpty()) {
      String listed =
          problems.stream()
              .map(ValidationMessage::getMessage)
              .sorted()
              .collect(Collectors.joining("; "));
      return new Parsed(
          arguments, "arguments do not match the input schema of " + tool.name() + ": " + listed);
    }
    return new Parsed(arguments, null);
  }

  record Parsed(JsonNode arguments, String problem) {}
}
