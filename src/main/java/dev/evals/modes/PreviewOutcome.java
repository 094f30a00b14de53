package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a preview ended.
 *
 * @param succeeded whether the job ran and succeeded
 * @param infrastructureFailed whether the server could not be used (unreachable, login, 5xx): an
 *     execution error, never a model failure
 * @param result the job's result (possibly truncated), or null
 * @param error why it failed, or null
 * @param report the content of {@code backend-preview.json}, free of credentials
 */
public record PreviewOutcome(
    boolean succeeded,
    boolean infrastructureFailed,
    JsonNode result,
    String error,
    JsonNode report) {

  public PreviewOutcome {
    if (succeeded && (infrastructureFailed || error != null)) {
      throw new IllegalArgumentException("a successful preview has no error");
    }
  }
}
