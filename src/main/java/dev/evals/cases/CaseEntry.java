package dev.evals.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A case exactly as the YAML spells it, before it is checked and located. */
record CaseEntry(
    String id,
    String prompt,
    String initial,
    String expected,
    ObjectNode validate,
    List<String> judgeChecklist,
    ToolExpect toolExpect,
    CaseRuntime runtime,
    List<String> tags,
    Boolean skipJudge,
    ObjectNode cliExpect) {

  CaseDefinition locate(SourceLocation source) {
    return new CaseDefinition(
        id,
        prompt,
        initial,
        expected,
        validate,
        judgeChecklist,
        toolExpect,
        runtime,
        tags,
        Boolean.TRUE.equals(skipJudge),
        cliExpect,
        source);
  }
}
