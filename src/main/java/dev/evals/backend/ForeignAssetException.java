package dev.evals.backend;

/**
 * A path a preview would seed holds an asset this tool did not seed (no {@link SeedMarker}): it is
 * neither updated nor deleted, and the preview ends as an execution error that says how to resolve
 * it.
 */
final class ForeignAssetException extends RuntimeException {

  ForeignAssetException(String kind, String path, String workspace, String baseUrl) {
    super(
        ("%s %s in workspace %s on %s was not seeded by evals (its description does not end in %s),"
                + " so it is left untouched; run the previews in another workspace"
                + " (WMILL_AI_EVAL_BACKEND_WORKSPACE=<id>), or unset"
                + " WMILL_AI_EVAL_BACKEND_WORKSPACE to give each preview a fresh workspace named"
                + " after WMILL_AI_EVAL_WORKSPACE_PREFIX")
            .formatted(kind, path, workspace, baseUrl, SeedMarker.MARK));
  }
}
