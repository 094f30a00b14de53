package dev.evals.modes.flow;

import dev.evals.cases.CaseRuntime;
import dev.evals.modes.Previewer;
import java.util.Objects;

/**
 * What a flow session needs to run its flow on Windmill.
 *
 * @param caseId the case, which names an isolated preview workspace
 * @param casePreview the case's {@code runtime.backendPreview}, or null when it defines none
 * @param previewer runs {@code test_run_flow} on Windmill, or null when backend preview is off
 */
record PreviewSetup(String caseId, CaseRuntime.BackendPreview casePreview, Previewer previewer) {

  /** No backend preview at all: test runs are static checks, the attempt has no preview. */
  static final PreviewSetup NONE = new PreviewSetup("flow", null, null);

  PreviewSetup {
    Objects.requireNonNull(caseId, "caseId");
  }

  /** The job timeout the case asks for, or null for the run's default. */
  Integer timeoutSeconds() {
    return casePreview == null ? null : casePreview.timeoutSeconds();
  }
}
