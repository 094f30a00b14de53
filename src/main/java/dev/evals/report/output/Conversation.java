package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An attempt's {@code transcript.json} as the conversation it was: the system prompt (a link to the
 * run's one page of it), the user's messages, the assistant's text and thinking, and each tool call
 * with its arguments and the result it got, collapsible.
 */
final class Conversation {

  private Conversation() {}

  /** The text of the first user message: the case's prompt as the model received it, or null. */
  static String prompt(JsonNode transcript) {
    for (JsonNode message : transcript.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        return message.path("text").asText(null);
      }
    }
    return null;
  }

  /**
   * The conversation.
   *
   * @param systemPromptHref the link to the system prompt's page, or null when it has none
   */
  static void render(HtmlWriter html, JsonNode transcript, String systemPromptHref) {
    html.raw("<section class=\"conversation\">\n<h2>Conversation</h2>\n");
    ending(html, transcript);
    if (systemPromptHref != null) {
      html.raw("<div class=\"message system\"><div class=\"role\">system</div>")
          .raw("<a href=\"")
          .text(systemPromptHref)
          .raw("\">the system prompt</a> <span class=\"muted\">(one page per run)</span></div>\n");
    }
    Map<String, JsonNode> results = resultsByCall(transcript);
    Set<String> calls = callIds(transcript);
    boolean promptSeen = false;
    for (JsonNode message : transcript.path("messages")) {
      switch (message.path("role").asText()) {
        case "user" -> {
          user(html, message, promptSeen);
          promptSeen = true;
        }
        case "assistant" -> assistant(html, message, results);
        case "tool" -> unansweredResults(html, message, calls);
        default -> html.raw("<div class=\"message\">").pre(null, message.toString()).raw("</div>");
      }
    }
    html.raw("</section>\n");
  }

  private static void ending(HtmlWriter html, JsonNode transcript) {
    html.raw("<p class=\"muted\">")
        .text(transcript.path("turns").asInt() + " turn(s), ended: ")
        .text(transcript.path("stop").asText("unknown"));
    if (transcript.hasNonNull("stopReason")) {
      html.text(" (stop reason " + transcript.get("stopReason").asText() + ")");
    }
    if (transcript.hasNonNull("stopDetail")) {
      html.text(": " + transcript.get("stopDetail").asText());
    }
    html.raw("</p>\n");
    if (transcript.hasNonNull("error")) {
      html.raw("<p class=\"error\">").text(transcript.get("error").asText()).raw("</p>\n");
    }
  }

  private static void user(HtmlWriter html, JsonNode message, boolean promptSeen) {
    html.raw("<div class=\"message user\"><div class=\"role\">user</div>");
    if (promptSeen) {
      text(html, message.path("text").asText(""));
    } else {
      html.raw("<div class=\"text muted\">the prompt above</div>");
    }
    html.raw("</div>\n");
  }

  private static void assistant(HtmlWriter html, JsonNode message, Map<String, JsonNode> results) {
    html.raw("<div class=\"message assistant\"><div class=\"role\">assistant</div>");
    for (JsonNode thought : message.path("thinking")) {
      html.details("thinking", "thinking", false);
      text(html, thought.asText());
      html.end();
    }
    String text = message.path("text").asText("");
    if (!text.isBlank()) {
      text(html, text);
    }
    for (JsonNode call : message.path("toolCalls")) {
      toolCall(html, call, results.remove(call.path("id").asText()));
    }
    html.raw("</div>\n");
  }

  private static void toolCall(HtmlWriter html, JsonNode call, JsonNode result) {
    boolean failed = result != null && result.path("isError").asBoolean();
    String answer = result == null ? "no result" : failed ? "error" : "ok";
    html.raw("<details class=\"tool-call")
        .raw(failed ? " failed" : "")
        .raw("\"><summary><code>")
        .text(call.path("name").asText())
        .raw("</code> <span class=\"muted\">→ ")
        .text(answer)
        .raw("</span></summary>\n<div class=\"label\">arguments</div>");
    JsonView.render(html, AttemptArtifacts.cut(call.path("arguments").asText("")));
    if (result != null) {
      html.raw("<div class=\"label\">result</div>");
      JsonView.render(html, AttemptArtifacts.cut(result.path("content").asText("")));
    }
    html.end();
  }

  /** Results whose call is not in the transcript (it never is, but a page must not drop any). */
  private static void unansweredResults(HtmlWriter html, JsonNode message, Set<String> calls) {
    for (JsonNode result : message.path("results")) {
      if (!calls.contains(result.path("callId").asText())) {
        html.raw("<div class=\"message tool\"><div class=\"role\">tool result</div>");
        JsonView.render(html, AttemptArtifacts.cut(result.path("content").asText("")));
        html.raw("</div>\n");
      }
    }
  }

  private static Set<String> callIds(JsonNode transcript) {
    Set<String> ids = new HashSet<>();
    for (JsonNode message : transcript.path("messages")) {
      message.path("toolCalls").forEach(call -> ids.add(call.path("id").asText()));
    }
    return ids;
  }

  private static Map<String, JsonNode> resultsByCall(JsonNode transcript) {
    Map<String, JsonNode> results = new HashMap<>();
    for (JsonNode message : transcript.path("messages")) {
      for (JsonNode result : message.path("results")) {
        results.putIfAbsent(result.path("callId").asText(), result);
      }
    }
    return results;
  }

  private static void text(HtmlWriter html, String text) {
    html.raw("<div class=\"text\">").text(AttemptArtifacts.cut(text)).raw("</div>");
  }
}
