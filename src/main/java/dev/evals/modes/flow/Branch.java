package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One branch of a {@code branchone} (with its condition) or {@code branchall} step.
 *
 * @param summary a label for people
 * @param expr the condition of a branchone branch, absent for branchall
 * @param modules the steps the branch runs
 * @param skipFailure whether a failing branchall branch is ignored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Branch(
    String summary,
    String expr,
    List<FlowModule> modules,
    @JsonProperty("skip_failure") Boolean skipFailure) {
  public Branch {
    modules = FlowModule.copy(modules);
  }
}
