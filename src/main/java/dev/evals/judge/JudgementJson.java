package dev.evals.judge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import java.util.List;

/** Writes a {@link Judgement} as {@code judge.json}, fields in a stable order, nulls left out. */
final class JudgementJson {

  private JudgementJson() {}

  static ObjectNode of(Judgement judgement) {
    ObjectNode json = Mappers.json().createObjectNode();
    json.put("model", judgement.model());
    json.put("succeeded", judgement.succeeded());
    if (judgement.succeeded()) {
      json.put("score", judgement.score());
      json.put("passed", judgement.passed());
    }
    json.put("threshold", judgement.threshold());
    json.put("criteria", judgement.criteria());
    judgement.sampleScores().forEach(json.putArray("sampleScores")::add);
    if (judgement.spread() != null) {
      json.put("spread", judgement.spread());
    }
    json.put("summary", judgement.summary());
    json.set("checklist", checklist(judgement.checklist()));
    json.set("usage", usage(judgement.usage()));
    json.put("costUsd", judgement.costUsd());
    if (judgement.error() != null) {
      json.put("error", judgement.error());
    }
    ObjectNode prompt = json.putObject("prompt");
    prompt.put("system", judgement.prompt().system());
    prompt.put("user", judgement.prompt().user());
    ArrayNode samples = json.putArray("samples");
    judgement.samples().forEach(sample -> samples.add(sample(sample)));
    return json;
  }

  private static ObjectNode sample(JudgeSample sample) {
    ObjectNode json = Mappers.json().createObjectNode();
    json.put("succeeded", sample.succeeded());
    if (sample.succeeded()) {
      json.put("score", sample.assessment().score());
      json.put("summary", sample.assessment().summary());
      json.set("checklist", checklist(sample.assessment().checklist()));
    } else {
      json.put("error", sample.error());
    }
    json.set("usage", usage(sample.usage()));
    ArrayNode answers = json.putArray("answers");
    sample.answers().forEach(answer -> answers.add(answer(answer)));
    return json;
  }

  private static ObjectNode answer(JudgeAnswer answer) {
    ObjectNode json = Mappers.json().createObjectNode();
    json.put("text", answer.response().text());
    ArrayNode calls = json.putArray("toolCalls");
    for (ToolCall call : answer.response().toolCalls()) {
      // The arguments stay the raw text received, since an unreadable answer may not be JSON.
      calls
          .addObject()
          .put("id", call.id())
          .put("name", call.name())
          .put("arguments", call.arguments());
    }
    json.put("stopReason", answer.response().stopReason());
    json.set("usage", usage(answer.response().usage()));
    if (answer.problem() != null) {
      json.put("problem", answer.problem());
    }
    return json;
  }

  private static ArrayNode checklist(List<ChecklistItem> items) {
    ArrayNode json = Mappers.json().createArrayNode();
    for (ChecklistItem item : items) {
      json.addObject().put("item", item.item()).put("met", item.met()).put("reason", item.reason());
    }
    return json;
  }

  private static ObjectNode usage(TokenUsage usage) {
    return Mappers.json()
        .createObjectNode()
        .put("prompt", usage.prompt())
        .put("completion", usage.completion())
        .put("total", usage.total());
  }
}
