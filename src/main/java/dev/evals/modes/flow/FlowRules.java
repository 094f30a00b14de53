package dev.evals.modes.flow;

import static dev.evals.modes.RuleFields.orEmpty;
import static dev.evals.modes.RuleFields.requireText;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A flow case's {@code validate} rules, named as in Windmill's {@code FlowValidationSpec} and
 * written flat in the case file; here grouped by what they look at. A {@code type} may be one type
 * or a list of accepted types.
 *
 * @param topLevel rules on the flow's top-level steps
 * @param schema rules on the flow's input schema
 * @param steps rules on special modules and on steps at any depth
 */
public record FlowRules(
    @JsonUnwrapped TopLevelRules topLevel,
    @JsonUnwrapped SchemaRules schema,
    @JsonUnwrapped StepRules steps) {

  /** Every rule name a flow case may use. */
  public static final Set<String> NAMES =
      Set.of(
          "exactTopLevelStepIds",
          "topLevelStepIds",
          "topLevelStepOrder",
          "topLevelStepTypes",
          "topLevelStepTypeCountsAtLeast",
          "schemaRequiredPaths",
          "schemaAnyOf",
          "resolveResultsRefs",
          "requireSpecialModules",
          "requireSuspendSteps",
          "moduleRules",
          "moduleFieldRules");

  public static final FlowRules NONE = new FlowRules(null, null, null);

  private static final Set<String> SPECIAL_MODULES =
      Set.of("preprocessor_module", "failure_module");

  /** Absent groups ask for nothing, as their absent rules do. */
  public FlowRules {
    topLevel = topLevel == null ? new TopLevelRules(null, null, null, null, null) : topLevel;
    schema = schema == null ? new SchemaRules(null, null) : schema;
    steps = steps == null ? new StepRules(null, null, null, null, null) : steps;
  }

  /** The ids, order and types of the flow's top-level steps. */
  public record TopLevelRules(
      List<String> exactTopLevelStepIds,
      List<String> topLevelStepIds,
      List<String> topLevelStepOrder,
      List<TypedStep> topLevelStepTypes,
      List<TypeCount> topLevelStepTypeCountsAtLeast) {
    public TopLevelRules {
      exactTopLevelStepIds = orEmpty(exactTopLevelStepIds);
      topLevelStepIds = orEmpty(topLevelStepIds);
      topLevelStepOrder = orEmpty(topLevelStepOrder);
      topLevelStepTypes = orEmpty(topLevelStepTypes);
      topLevelStepTypeCountsAtLeast = orEmpty(topLevelStepTypeCountsAtLeast);
    }
  }

  /** The paths the flow's input schema must have, all of them or one accepted shape's. */
  public record SchemaRules(List<String> schemaRequiredPaths, List<SchemaShape> schemaAnyOf) {
    public SchemaRules {
      schemaRequiredPaths = orEmpty(schemaRequiredPaths);
      schemaAnyOf = orEmpty(schemaAnyOf);
    }
  }

  /** Special modules, suspend steps and rules on steps at any depth. */
  public record StepRules(
      Boolean resolveResultsRefs,
      List<String> requireSpecialModules,
      List<SuspendRule> requireSuspendSteps,
      List<ModuleRule> moduleRules,
      List<FieldRule> moduleFieldRules) {
    public StepRules {
      requireSpecialModules = orEmpty(requireSpecialModules);
      for (String special : requireSpecialModules) {
        if (!SPECIAL_MODULES.contains(special)) {
          throw new IllegalArgumentException(
              "requireSpecialModules accepts preprocessor_module and failure_module, not '"
                  + special
                  + "'");
        }
      }
      requireSuspendSteps = orEmpty(requireSuspendSteps);
      moduleRules = orEmpty(moduleRules);
      moduleFieldRules = orEmpty(moduleFieldRules);
    }
  }

  /** A step that must have one of the given types. */
  public record TypedStep(
      String id,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> type) {
    public TypedStep {
      requireText(id, "id");
      type = types(type);
    }
  }

  /** At least {@code count} top-level steps of one of the given types. */
  public record TypeCount(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> type,
      Integer count) {
    public TypeCount {
      type = types(type);
      if (count == null || count < 1) {
        throw new IllegalArgumentException("'count' must be a positive number");
      }
    }
  }

  /** One accepted input shape: every dotted path must exist in the schema. */
  public record SchemaShape(List<String> requiredPaths) {
    public SchemaShape {
      requiredPaths = orEmpty(requiredPaths);
      if (requiredPaths.isEmpty()) {
        throw new IllegalArgumentException("'requiredPaths' must list at least one path");
      }
    }
  }

  /** A step that must suspend for approval. */
  public record SuspendRule(
      String id, Integer requiredEvents, List<String> resumeRequiredStringFieldAnyOf) {
    public SuspendRule {
      requireText(id, "id");
      resumeRequiredStringFieldAnyOf = orEmpty(resumeRequiredStringFieldAnyOf);
    }
  }

  /** Rules on one step at any depth; with only an id, the step must exist. */
  public record ModuleRule(
      String id,
      Boolean hasStopAfterIf,
      Boolean hasStopAfterAllItersIf,
      List<String> immediateChildStepIds,
      List<String> exactImmediateChildStepIds,
      List<TypedStep> immediateChildStepTypes,
      List<TransformRule> requiredInputTransforms) {
    public ModuleRule {
      requireText(id, "id");
      immediateChildStepIds = orEmpty(immediateChildStepIds);
      exactImmediateChildStepIds = orEmpty(exactImmediateChildStepIds);
      immediateChildStepTypes = orEmpty(immediateChildStepTypes);
      requiredInputTransforms = orEmpty(requiredInputTransforms);
    }
  }

  /** An input transform the step must have, for any argument name. */
  public record TransformRule(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> type,
      String expr,
      List<String> exprAnyOf,
      JsonNode value) {
    public TransformRule {
      type = type == null ? null : List.copyOf(type);
      exprAnyOf = exprAnyOf == null ? null : List.copyOf(exprAnyOf);
      if (type == null && expr == null && exprAnyOf == null && value == null) {
        throw new IllegalArgumentException(
            "a required input transform needs 'type', 'expr', 'exprAnyOf' or 'value'");
      }
    }
  }

  /** A field of a step, by dotted path from the step, that must equal a value. */
  public record FieldRule(String id, String path, @JsonProperty("equals") JsonNode expected) {
    public FieldRule {
      requireText(id, "id");
      requireText(path, "path");
      if (expected == null) {
        throw new IllegalArgumentException("'equals' is required (it may be null)");
      }
    }
  }

  private static List<String> types(List<String> types) {
    if (types == null || types.isEmpty() || types.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("'type' must be a module type or a list of them");
    }
    return List.copyOf(types);
  }
}
