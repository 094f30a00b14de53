package dev.evals.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ContextOverflowException;
import dev.evals.model.ProviderException;
import dev.evals.model.StopReason;
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
 * model output (unknown tools, malformed or invalid arguments, a function call the provider could
 * not parse) is answered as a tool error so the model can recover; it never ends the loop. A
 * refusal, a turn cut off by the output limit (whose tool calls are never run), a context overflow
 * and an unknown stop reason end it, each as its own {@link AgentResult.Stop}.
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
    Conversation conversation = new Conversation(userPrompt);
    for (int turn = 1; turn <= maxTurns; turn++) {
      ChatResponse response;
      try {
        response = model.chat(ChatRequest.of(systemPrompt, conversation.messages, specs));
      } catch (ContextOverflowException e) {
        String size = "context window exceeded after " + conversation.contextTokens;
        return conversation.end(
            turn - 1,
            AgentResult.Stop.CONTEXT_OVERFLOW,
            size + " prompt tokens: " + e.getMessage());
      } catch (ProviderException e) {
        return conversation.end(turn - 1, AgentResult.Stop.PROVIDER_ERROR, e.getMessage());
      }
      conversation.add(response);
      if (!response.text().isBlank()) {
        listener.assistantText(response.text());
      }
      AgentResult ended = ending(conversation, response, turn);
      if (ended != null) {
        return ended;
      }
      if (response.stop().kind() == StopReason.Kind.MALFORMED_CALL) {
        conversation.messages.add(new ChatMessage.User(malformed(response.stop())));
        continue;
      }
      if (response.toolCalls().isEmpty()) {
        return conversation.end(turn, AgentResult.Stop.COMPLETED, null);
      }
      List<ToolResult> results = new ArrayList<>();
      for (ToolCall call : response.toolCalls()) {
        listener.toolCall(call.name(), preview(call.arguments()));
        Answer answer = answer(call, byName);
        conversation.invocations.add(
            new ToolInvocation(call.name(), answer.arguments(), answer.result().isError()));
        results.add(answer.result());
      }
      conversation.messages.add(new ChatMessage.ToolResults(results));
    }
    return conversation.end(maxTurns, AgentResult.Stop.MAX_TURNS, null);
  }

  /** The result when this turn's stop reason ends the loop, else null. */
  private static AgentResult ending(Conversation conversation, ChatResponse response, int turn) {
    StopReason stop = response.stop();
    return switch (stop.kind()) {
      case REFUSAL ->
          conversation.end(turn, AgentResult.Stop.REFUSED, "refused: " + stop.describe());
      case TRUNCATED ->
          conversation
              .withoutCutOffCalls(response)
              .end(
                  turn,
                  AgentResult.Stop.TRUNCATED,
                  "the answer was cut off at the output limit ("
                      + stop.raw()
                      + ")"
                      + (response.toolCalls().isEmpty()
                          ? ""
                          : "; its "
                              + response.toolCalls().size()
                              + " cut-off tool call(s) were not run"));
      case CONTEXT_OVERFLOW ->
          conversation.end(
              turn,
              AgentResult.Stop.CONTEXT_OVERFLOW,
              "context window exceeded at "
                  + response.usage().prompt()
                  + " prompt tokens ("
                  + stop.raw()
                  + ")");
      case OTHER ->
          response.toolCalls().isEmpty()
              ? conversation.end(
                  turn, AgentResult.Stop.UNEXPECTED_STOP, "stop reason " + stop.describe())
              : null;
      case END_TURN, TOOL_USE, MALFORMED_CALL -> null;
    };
  }

  /** What the model is told when the provider could not parse its function call. */
  static String malformed(StopReason stop) {
    return "tool call error: your last function call could not be parsed ("
        + stop.describe()
        + "); call the tool again with arguments that are valid JSON matching its input schema";
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

  /** The state of one loop: messages, calls, tokens and the last stop reason. */
  private static final class Conversation {
    final List<ChatMessage> messages = new ArrayList<>();
    final List<ToolInvocation> invocations = new ArrayList<>();
    TokenUsage usage = TokenUsage.ZERO;
    long contextTokens;
    StopReason lastStop;

    Conversation(String userPrompt) {
      messages.add(new ChatMessage.User(userPrompt));
    }

    void add(ChatResponse response) {
      usage = usage.plus(response.usage());
      contextTokens = response.usage().prompt();
      lastStop = response.stop();
      messages.add(response.asMessage());
    }

    /** The recorded turn keeps its text; its cut-off calls were never run, so they are dropped. */
    Conversation withoutCutOffCalls(ChatResponse response) {
      messages.set(
          messages.size() - 1,
          new ChatMessage.Assistant(response.text(), List.of(), response.thoughts()));
      return this;
    }

    AgentResult end(int turns, AgentResult.Stop stop, String error) {
      return new AgentResult(
          messages, invocations, usage, contextTokens, turns, stop, error, lastStop);
    }
  }

  private static String preview(String arguments) {
    String flat = arguments.replaceAll("\\s+", " ");
    return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH) + "...";
  }
}
