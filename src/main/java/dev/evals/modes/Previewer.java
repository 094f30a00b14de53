package dev.evals.modes;

/** Runs previews on a Windmill server; the backend package provides the real one. */
public interface Previewer {

  /** Seeds the workspace, runs the job, waits for it and cleans up. Never throws. */
  PreviewOutcome preview(PreviewRequest request);
}
