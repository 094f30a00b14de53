package dev.evals.judge;

import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A chat model that plays back scripted answers (or failures) and records every request. */
final class ScriptedJudgeModel implements ChatModel {

  private final Deque<Object> script = new ArrayDeque<>();
  private final List<ChatRequest> requests = new ArrayList<>();

  ScriptedJudgeModel answers(ChatResponse response) {
    script.add(response);
    return this;
  }

  ScriptedJudgeModel fails(RuntimeException failure) {
    script.add(failure);
    return this;
  }

  /** An answer calling submit_judgement with the given arguments, costing 1000 + 200 tokens. */
  ScriptedJudgeModel submits(String arguments) {
    return answers(
        new ChatResponse(
            "",
            List.of(new ToolCall("call-" + (script.size() + 1), "submit_judgement", arguments)),
            TokenUsage.of(1000, 200),
            "tool_use"));
  }

  /** A valid judgement with the given score and one met criterion. */
  ScriptedJudgeModel submitsScore(int score) {
    return submits(
        """
        {"score": %d, "summary": "scored %d",
         "checklist": [{"item": "runs hourly", "met": true, "reason": "cron 0 * * * *"}]}
        """
            .formatted(score, score));
  }

  /** A judgement with the given score and one entry per verdict, criteria named c1, c2, ... */
  ScriptedJudgeModel submitsVerdicts(int score, boolean... met) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < met.length; i++) {
      items
          .append(i == 0 ? "" : ", ")
          .append(
              "{\"item\": \"c%d\", \"met\": %b, \"reason\": \"r%d\"}"
                  .formatted(i + 1, met[i], i + 1));
    }
    return submits(
        "{\"score\": %d, \"summary\": \"scored %d\", \"checklist\": [%s]}"
            .formatted(score, score, items));
  }

  List<ChatRequest> requests() {
    return requests;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requests.add(request);
    Object next = script.poll();
    if (next == null) {
      throw new AssertionError("the script has no answer left for request " + requests.size());
    }
    if (next instanceof RuntimeException failure) {
      throw failure;
    }
    return (ChatResponse) next;
  }
}
