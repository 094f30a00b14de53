package dev.evals.modes.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.evals.modes.script.ScriptCode;
import dev.evals.modes.script.ScriptLanguage;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks that hold for every flow: ids, input schema, workspace paths, no placeholder code. */
final class StructureValidator {

  static final String PARSES = "flow parses as OpenFlow";
  static final String HAS_MODULES = "flow has modules";
  static final String UNIQUE_IDS = "module ids are unique";
  static final String VALID_IDS = "module ids are valid identifiers";
  static final String SCHEMA_VALID = "input schema is valid JSON Schema";
  static final String PATHS_EXIST = "workspace paths exist";
  static final String NO_PLACEHOLDERS = "flow has no placeholder code";
  static final String KNOWN_TYPES = "module types are known";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final JsonSchema META_SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private StructureValidator() {}

  static List<Check> check(FlowValue flow, FlowState state, KnownPaths paths) {
    List<Check> checks = new ArrayList<>();
    checks.add(Check.pass(PARSES));
    checks.add(Check.of(HAS_MODULES, !flow.modules().isEmpty(), "the flow has no steps"));
    checks.add(knownTypes(flow));
    List<FlowModule> all = flow.stepsAndTools();
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    all.stream().map(StructureValidator::id).filter(id -> !seen.add(id)).forEach(duplicates::add);
    checks.add(
        Check.of(UNIQUE_IDS, duplicates.isEmpty(), "duplicate step ids: " + join(duplicates)));
    List<String> invalid =
        all.stream()
            .map(StructureValidator::id)
            .filter(id -> !IDENTIFIER.matcher(id).matches())
            .toList();
    checks.add(
        Check.of(
            VALID_IDS,
            invalid.isEmpty(),
            "step ids must match [a-zA-Z_][a-zA-Z0-9_]*: " + join(invalid)));
    List<String> schemaProblems = schemaProblems(state.schema());
    checks.add(Check.of(SCHEMA_VALID, schemaProblems.isEmpty(), join(schemaProblems)));
    List<String> missing = paths.problems(all);
    checks.add(Check.of(PATHS_EXIST, missing.isEmpty(), join(missing)));
    List<String> stubs = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    all.stream()
        .filter(StructureValidator::isPlaceholder)
        .forEach(m -> (isControlFlow(m.value()) ? empty : stubs).add(m.id()));
    List<String> problems = new ArrayList<>();
    if (!stubs.isEmpty()) {
      problems.add("placeholder or empty inline code in steps: " + join(stubs));
    }
    if (!empty.isEmpty()) {
      problems.add("loop or branch steps with no step inside: " + join(empty));
    }
    checks.add(Check.of(NO_PLACEHOLDERS, problems.isEmpty(), join(problems)));
    return checks;
  }

  static List<String> schemaProblems(JsonNode schema) {
    if (schema == null || schema.isNull()) {
      return List.of("the flow has no input schema");
    }
    if (!schema.isObject()) {
      return List.of("the input schema must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type != null && !"object".equals(type.asText())) {
      problems.add("the input schema's type must be 'object', not " + type);
    }
    META_SCHEMA.validate(schema).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .forEach(problems::add);
    return problems;
  }

  private static String id(FlowModule module) {
    return module.id() == null ? "(no id)" : module.id();
  }

  /** A type this tool does not know is a warning: a newer Windmill may have added it. */
  private static Check knownTypes(FlowValue flow) {
    List<String> unknown =
        flow.allModules().stream()
            .filter(m -> m.value() instanceof ModuleValue.Unknown)
            .map(m -> "step '" + m.id() + "' has type '" + m.type() + "'")
            .toList();
    return unknown.isEmpty()
        ? Check.pass(KNOWN_TYPES)
        : Check.warn(
            KNOWN_TYPES,
            join(unknown)
                + ", which this tool does not know: its contents are not checked (a newer"
                + " Windmill type, or a typo)");
  }

  private static final Pattern EMPTY_MAIN =
      Pattern.compile(
          "(?s).*\\bfunction\\s+main\\s*\\([^)]*\\)\\s*(:[^{]*)?\\{\\s*(\\.\\.\\.)?\\s*}\\s*;?\\s*"
              + "|(?s).*\\bdef\\s+main\\s*\\([^)]*\\)\\s*(->[^:]*)?:\\s*(pass|\\.\\.\\.)\\s*");

  /**
   * Stub code, or a loop or branch step with no step inside: Windmill's skeleton fixtures write a
   * routing step as just {@code {"type": "branchone"}}, which routes nothing.
   */
  static boolean isPlaceholder(FlowModule module) {
    if (isControlFlow(module.value())) {
      return module.value().childSequences().stream().allMatch(List::isEmpty);
    }
    if (!(module.value() instanceof ModuleValue.RawScript script)) {
      return false;
    }
    String code = script.content() == null ? "" : withoutComments(script.content()).trim();
    return code.isEmpty()
        || code.equals("...")
        || code.matches("inline_script\\.[A-Za-z0-9_-]+")
        || EMPTY_MAIN.matcher(code).matches()
        || ScriptLanguage.named(script.language())
            .map(language -> ScriptCode.stubbedMain(script.content(), language) != null)
            .orElse(false);
  }

  private static boolean isControlFlow(ModuleValue value) {
    return value instanceof ModuleValue.BranchOne
        || value instanceof ModuleValue.BranchAll
        || value instanceof ModuleValue.ForLoop
        || value instanceof ModuleValue.WhileLoop;
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("(?m)^\\s*(//|#|--).*$", "")
        .replaceAll("(?m)\\s//.*$", "");
  }

  private static String join(java.util.Collection<String> items) {
    return items.stream().collect(Collectors.joining("; "));
  }
}
