package dev.evals.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A case exactly as the YAML spells it, before it is checked and located: one field a key, filled
 * by Jackson by name (never built positionally), so the flat file maps onto the nested {@link
 * CaseDefinition} in one place.
 */
final class CaseEntry {
  @JsonProperty private String id;
  @JsonProperty private String prompt;
  @JsonProperty private String initial;
  @JsonProperty private String expected;
  @JsonProperty private ObjectNode validate;
  @JsonProperty private List<String> judgeChecklist;
  @JsonProperty private ToolExpect toolExpect;
  @JsonProperty private CaseRuntime runtime;
  @JsonProperty private List<String> tags;
  @JsonProperty private Boolean skipJudge;
  @JsonProperty private ObjectNode cliExpect;

  String id() {
    return id;
  }

  String prompt() {
    return prompt;
  }

  CaseDefinition locate(SourceLocation source) {
    return new CaseDefinition(
        id,
        prompt,
        new CaseDefinition.Fixtures(initial, expected),
        new CaseDefinition.Expectations(validate, toolExpect, cliExpect),
        new CaseDefinition.Judging(judgeChecklist, Boolean.TRUE.equals(skipJudge)),
        runtime,
        tags,
        source);
  }
}
