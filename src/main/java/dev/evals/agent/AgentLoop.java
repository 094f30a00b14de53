package dev.evals.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ProviderException;
import dev.evals.model.TokenUsage;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolResult;
import dev.evals.model.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the model under test the way a production assistant does: the mode's system prompt and
 * tools, then model turns and tool results until the model stops or the turn limit is reached. Bad
 * model output (unknown tools, malformed or invalid arguments) is answered as a tool error so the
 * model can recover; it never ends the loop.
 */
public final class AgentLoop {

  private static final int PREVIEW_LENGTH = 120;

  private final ChatModel model;
  private final AgentListener listener;
  private final ToolArguments toolArguments = new ToolArguments();

  public AgentLoop(ChatModel model, AgentListener listener) {
    this.model = model;
    this.listener = listener;
  }

  public AgentResult run(String systemPrompt, String userPrompt, List<Tool> tools, int maxTurns) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    tools.forEach(tool -> byName.put(tool.name(), tool));
    List<ToolSpec> specs = tools.stream().map(Tool::spec).toList();
    List<ChatMessage> messages = new ArrayList<>(List.of(new ChatMessage.User(userPrompt)));
    List<ToolInvocation> invocations = new ArrayList<>();
    TokenUsage usage = TokenUsage.ZERO;
    long contextTokens = 0;
    for (int turn = 1; turn <= maxTurns; turn++) {
      ChatResponse response;
      try {
        response = model.chat(ChatRequest.of(systemPrompt, messages, specs));
      } catch (ProviderException e) {
        return new AgentResult(
            messages,
            invocations,
            usage,
            contextTokens,
            turn - 1,
            AgentResult.Stop.PROVIDER_ERROR,
            e.getMessage());
      }
      usage = usage.plus(response.usage());
      contextTokens = response.usage().prompt();
      messages.add(response.asMessage());
      if (!response.text().isBlank()) {
        listener.assistantText(response.text());
      }
      if (response.toolCalls().isEmpty()) {
        return new AgentResult(
            messages, invocations, usage, contextTokens, turn, AgentResult.Stop.COMPLETED, null);
      }
      List<ToolResult> results = new ArrayList<>();
      for (ToolCall call : response.toolCalls()) {
        listener.toolCall(call.name(), preview(call.arguments()));
        Answer answer = answer(call, byName);
        invocations.add(
            new ToolInvocation(call.name(), answer.arguments(), answer.result().isError()));
        results.add(answer.result());
      }
      messages.add(new ChatMessage.ToolResults(results));
    }
    return new AgentResult(
        messages, invocations, usage, contextTokens, maxTurns, AgentResult.Stop.MAX_TURNS, null);
  }

  private Answer answer(ToolCall call, Map<String, Tool> tools) {
    Tool tool = tools.get(call.name());
    if (tool == null) {
      String available = String.join(", ", tools.keySet());
      return new Answer(
          null, error(call, "unknown tool '" + call.name() + "'; available tools: " + available));
    }
    ToolArguments.Parsed parsed = toolArguments.parse(tool, call.arguments());
    if (parsed.problem() != null) {
      return new Answer(parsed.arguments(), error(call, parsed.problem()));
    }
    ToolReply reply = tool.call(parsed.arguments());
    return new Answer(
        parsed.arguments(),
        new ToolResult(call.id(), call.name(), reply.content(), reply.isError()));
  }

  private static ToolResult error(ToolCall call, String problem) {
    return new ToolResult(call.id(), call.name(), problem, true);
  }

  private record Answer(JsonNode arguments, ToolResult result) {}

  private static String preview(String arguments) {
    String flat = arguments.replaceAll("\\s+", " ");
    return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH) + "...";
  }
}
