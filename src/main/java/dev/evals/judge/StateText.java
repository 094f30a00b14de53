package dev.evals.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.json.Mappers;
import java.util.Iterator;
import java.util.Map;

/**
 * A state as the judge sees it: pretty JSON of at most a given length. A state that is too long is
 * shortened string by string: every string field longer than a common cap keeps its head and its
 * tail and says how much of its middle was cut. Padding one field therefore cannot push the other
 * fields (the last step's code, say) out of view; the cap is the largest that makes the state fit.
 * Only when the state's structure alone is too long is the whole text cut in the middle.
 */
final class StateText {

  /** Below this many kept characters a string says too little to be worth keeping at all. */
  static final int MIN_KEPT_CHARS = 200;

  /** Room for the marker {@link #middleCut} puts in place of the cut. */
  private static final int MARKER_CHARS = 64;

  private StateText() {}

  static String of(JsonNode state, int maxChars) {
    String whole = pretty(state);
    if (whole.length() <= maxChars) {
      return whole;
    }
    int low = MIN_KEPT_CHARS;
    int high = longestString(state);
    if (high <= low || pretty(capped(state, low)).length() > maxChars) {
      return middleCut(pretty(capped(state, low)), Math.max(0, maxChars - MARKER_CHARS));
    }
    // The largest cap that fits: pretty(capped(state, low)) always fits, high never does.
    while (high - low > 1) {
      int mid = low + (high - low) / 2;
      if (pretty(capped(state, mid)).length() <= maxChars) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return pretty(capped(state, low));
  }

  /**
   * {@code text} with its middle replaced by a marker saying how many characters were cut, keeping
   * {@code kept} characters of head and tail together. Never splits a surrogate pair.
   */
  static String middleCut(String text, int kept) {
    if (text.length() <= kept) {
      return text;
    }
    int headEnd = safeEnd(text, kept / 2);
    int tailStart = safeStart(text, text.length() - (kept - kept / 2));
    int cut = tailStart - headEnd;
    return text.substring(0, headEnd)
        + "\n... [truncated: "
        + cut
        + " characters cut here] ...\n"
        + text.substring(tailStart);
  }

  private static int safeEnd(String text, int end) {
    return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private static int safeStart(String text, int start) {
    return start < text.length() && Character.isLowSurrogate(text.charAt(start))
        ? start + 1
        : start;
  }

  private static JsonNode capped(JsonNode node, int cap) {
    if (node.isTextual()) {
      return node.asText().length() > cap ? TextNode.valueOf(middleCut(node.asText(), cap)) : node;
    }
    if (node.isArray()) {
      ArrayNode copy = Mappers.json().createArrayNode();
      node.forEach(element -> copy.add(capped(element, cap)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Mappers.json().createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), capped(field.getValue(), cap));
      }
      return copy;
    }
    return node;
  }

  private static int longestString(JsonNode node) {
    if (node.isTextual()) {
      return node.asText().length();
    }
    int longest = 0;
    for (JsonNode child : node) {
      longest = Math.max(longest, longestString(child));
    }
    return longest;
  }

  private static String pretty(JsonNode state) {
    try {
      return Mappers.json().writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }
}
