package dev.evals.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One case of a suite, as written in {@code cases/<mode>.yaml}.
 *
 * @param id unique within its file, {@code [a-z0-9][a-z0-9._-]*}
 * @param prompt what the user asks the model under test
 * @param initial fixture path of the starting state, or null to start empty
 * @param expected fixture path of a reference solution, or null
 * @param validate the mode's deterministic rules, by rule name
 * @param judgeChecklist acceptance criteria for the judge
 * @param toolExpect expectations on the model's tool use
 * @param runtime turn limit, timeout and backend preview settings
 * @param tags free labels for selecting and grouping cases
 * @param skipJudge whether the judge is skipped for this case
 * @param cliExpect cli mode's expectations on the agent's skills, commands and answer (Windmill's
 *     field names), empty when absent
 * @param source where the case was written
 */
public record CaseDefinition(
    String id,
    String prompt,
    String initial,
    String expected,
    ObjectNode validate,
    List<String> judgeChecklist,
    ToolExpect toolExpect,
    CaseRuntime runtime,
    List<String> tags,
    boolean skipJudge,
    ObjectNode cliExpect,
    SourceLocation source) {

  public CaseDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    validate = validate == null ? JsonNodeFactory.instance.objectNode() : validate;
    judgeChecklist = judgeChecklist == null ? List.of() : List.copyOf(judgeChecklist);
    toolExpect = toolExpect == null ? ToolExpect.NONE : toolExpect;
    runtime = runtime == null ? CaseRuntime.DEFAULTS : runtime;
    tags = tags == null ? List.of() : List.copyOf(tags);
    cliExpect = cliExpect == null ? JsonNodeFactory.instance.objectNode() : cliExpect;
    Objects.requireNonNull(source, "source");
  }

  /** A case without cli expectations, as every mode but cli writes it. */
  public CaseDefinition(
      String id,
      String prompt,
      String initial,
      String expected,
      ObjectNode validate,
      List<String> judgeChecklist,
      ToolExpect toolExpect,
      CaseRuntime runtime,
      List<String> tags,
      boolean skipJudge,
      SourceLocation source) {
    this(
        id,
        prompt,
        initial,
        expected,
        validate,
        judgeChecklist,
        toolExpect,
        runtime,
        tags,
        skipJudge,
        null,
        source);
  }

  /** An error pointing at a field of this case, such as {@code validate.moduleRules[1]}. */
  public CaseFileException error(String fieldPath, String problem) {
    return source.error(fieldPath, "case '" + id + "': " + problem);
  }
}
