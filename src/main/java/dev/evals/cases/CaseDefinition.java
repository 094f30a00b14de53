package dev.evals.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One case of a suite, as written in {@code cases/<mode>.yaml}, its fields grouped by concern (the
 * file keeps them flat; the accessors below read them as the file names them).
 *
 * @param id unique within its file, {@code [a-z0-9][a-z0-9._-]*}
 * @param prompt what the user asks the model under test
 * @param fixtures the starting state and the reference solution
 * @param expectations the mode's rules, the tool-use and the cli expectations
 * @param judging the judge's checklist, and whether the judge is skipped
 * @param runtime turn limit, timeout and backend preview settings
 * @param tags free labels for selecting and grouping cases
 * @param source where the case was written
 */
public record CaseDefinition(
    String id,
    String prompt,
    Fixtures fixtures,
    Expectations expectations,
    Judging judging,
    CaseRuntime runtime,
    List<String> tags,
    SourceLocation source) {

  public CaseDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    fixtures = Objects.requireNonNullElse(fixtures, Fixtures.NONE);
    expectations = Objects.requireNonNullElse(expectations, Expectations.NONE);
    judging = Objects.requireNonNullElse(judging, Judging.DEFAULT);
    runtime = runtime == null ? CaseRuntime.DEFAULTS : runtime;
    tags = tags == null ? List.of() : List.copyOf(tags);
    Objects.requireNonNull(source, "source");
  }

  /**
   * The fixture paths of a case.
   *
   * @param initial fixture path of the starting state, or null to start empty
   * @param expected fixture path of a reference solution, or null
   */
  public record Fixtures(String initial, String expected) {
    public static final Fixtures NONE = new Fixtures(null, null);
  }

  /**
   * What a case expects besides the judge's opinion.
   *
   * @param validate the mode's deterministic rules, by rule name
   * @param toolExpect expectations on the model's tool use
   * @param cliExpect cli mode's expectations on the agent's skills, commands and answer (Windmill's
   *     field names), empty when absent
   */
  public record Expectations(ObjectNode validate, ToolExpect toolExpect, ObjectNode cliExpect) {
    public static final Expectations NONE = new Expectations(null, null, null);

    public Expectations {
      validate = validate == null ? JsonNodeFactory.instance.objectNode() : validate;
      toolExpect = toolExpect == null ? ToolExpect.NONE : toolExpect;
      cliExpect = cliExpect == null ? JsonNodeFactory.instance.objectNode() : cliExpect;
    }

    /** The mode's rules alone. */
    public static Expectations validate(ObjectNode validate) {
      return new Expectations(validate, null, null);
    }
  }

  /**
   * How the judge sees a case.
   *
   * @param checklist acceptance criteria for the judge
   * @param skip whether the judge is skipped for this case
   */
  public record Judging(List<String> checklist, boolean skip) {
    public static final Judging DEFAULT = new Judging(null, false);

    public Judging {
      checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
  }

  /** Fixture path of the starting state, or null to start empty. */
  public String initial() {
    return fixtures.initial();
  }

  /** Fixture path of a reference solution, or null. */
  public String expected() {
    return fixtures.expected();
  }

  /** The mode's deterministic rules, by rule name. */
  public ObjectNode validate() {
    return expectations.validate();
  }

  /** Expectations on the model's tool use. */
  public ToolExpect toolExpect() {
    return expectations.toolExpect();
  }

  /** Cli mode's expectations, empty when absent. */
  public ObjectNode cliExpect() {
    return expectations.cliExpect();
  }

  /** Acceptance criteria for the judge. */
  public List<String> judgeChecklist() {
    return judging.checklist();
  }

  /** Whether the judge is skipped for this case. */
  public boolean skipJudge() {
    return judging.skip();
  }

  /** An error pointing at a field of this case, such as {@code validate.moduleRules[1]}. */
  public CaseFileException error(String fieldPath, String problem) {
    return source.error(fieldPath, "case '" + id + "': " + problem);
  }
}
