package dev.evals.judge;

import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ProviderException;
import dev.evals.model.StopReason;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the judge model for one judgement and asks again, with the reason, when the answer cannot be
 * read or leaves out an acceptance criterion, or with twice the token limit when its token limit
 * cut the answer off. Sampling settings are the judge model's own ({@code models.yaml}); stability
 * comes from {@code --judge-samples}.
 */
final class JudgeConversation {

  static final int MAX_REASKS = 2;

  private final ChatModel model;
  private final ToolSpec tool = SubmitJudgementTool.spec();

  JudgeConversation(ChatModel model) {
    this.model = model;
  }

  /** One sample of a judgement of {@code criteria} acceptance criteria. */
  JudgeSample sample(JudgePrompt prompt, int criteria) {
    List<ChatMessage> messages = new ArrayList<>(List.of(new ChatMessage.User(prompt.user())));
    List<JudgeAnswer> answers = new ArrayList<>();
    int maxTokens = ChatRequest.DEFAULT_MAX_TOKENS;
    for (int attempt = 0; attempt <= MAX_REASKS; attempt++) {
      ChatResponse response;
      try {
        response = model.chat(request(prompt.system(), messages, maxTokens));
      } catch (ProviderException e) {
        return new JudgeSample(answers, "judge provider error: " + e.getMessage());
      }
      if (response.stop().kind() == StopReason.Kind.TRUNCATED) {
        // A cut-off tool call is incomplete: ask the same question with room to finish.
        answers.add(JudgeAnswer.unreadable(response, truncated(response, maxTokens)));
        maxTokens *= 2;
        continue;
      }
      JudgeAnswer answer = SubmitJudgementTool.read(response, criteria);
      answers.add(answer);
      if (answer.isRead()) {
        return new JudgeSample(answers, null);
      }
      messages.addAll(reask(response, answer.problem()));
    }
    String last = answers.get(answers.size() - 1).problem();
    return new JudgeSample(
        answers, "judge answer unreadable after " + answers.size() + " tries: " + last);
  }

  private ChatRequest request(String system, List<ChatMessage> messages, int maxTokens) {
    return new ChatRequest(system, messages, List.of(tool), SubmitJudgementTool.NAME, maxTokens);
  }

  private static String truncated(ChatResponse response, int maxTokens) {
    return "cut off by its token limit of "
        + maxTokens
        + " ("
        + response.stop().raw()
        + "); asked again with "
        + maxTokens * 2;
  }

  /**
   * The assistant turn and our reply to it. Every tool call of the turn is answered, as providers
   * require; an empty turn is left out, as providers reject empty assistant messages.
   */
  private static List<ChatMessage> reask(ChatResponse response, String problem) {
    String text = "your judgement could not be read: " + problem + "; call submit_judgement again";
    if (response.toolCalls().isEmpty()) {
      List<ChatMessage> turn = new ArrayList<>();
      if (!response.text().isBlank()) {
        turn.add(response.asMessage());
      }
      turn.add(new ChatMessage.User(text));
      return turn;
    }
    // A call of another tool is answered with the problem too; there is nothing else to say.
    ToolCall read = SubmitJudgementTool.call(response).orElse(null);
    List<ToolResult> results = new ArrayList<>();
    for (ToolCall call : response.toolCalls()) {
      String content =
          read == null || read == call ? text : "ignored: only the first submit_judgement is read";
      results.add(new ToolResult(call.id(), call.name(), content, true));
    }
    return List.of(response.asMessage(), new ChatMessage.ToolResults(results));
  }
}
