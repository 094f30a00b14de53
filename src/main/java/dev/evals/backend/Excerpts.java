package dev.evals.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Keeps results and logs in the report small enough to read, saying visibly what was cut. */
final class Excerpts {

  static final int RESULT_LIMIT = 64 * 1024;
  static final int LOG_LIMIT = 16 * 1024;

  private Excerpts() {}

  /** The result itself, or past 64 KiB of JSON its first 64 KiB as text with a marker. */
  static JsonNode result(JsonNode result) {
    if (result == null) {
      return null;
    }
    String json = result.toString();
    if (json.length() <= RESULT_LIMIT) {
      return result;
    }
    return TextNode.valueOf(
        json.substring(0, RESULT_LIMIT)
            + "... [truncated by evals: the result was %d characters of JSON, %d kept]"
                .formatted(json.length(), RESULT_LIMIT));
  }

  /** The end of the logs, where the error usually is. */
  static String logs(String logs) {
    if (logs == null || logs.length() <= LOG_LIMIT) {
      return logs;
    }
    int cut = logs.length() - LOG_LIMIT;
    return "[... %d earlier characters cut by evals]\n".formatted(cut) + logs.substring(cut);
  }
}
