package dev.evals.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An attempt's {@code transcript.json} read back: the tool calls the model made, as the loop
 * recorded them, and its last words. It lives beside the loop rather than the run because modes
 * restoring a session need it too (an app's tools used, a cli agent's final answer).
 *
 * @param calls every tool call in order, with its raw arguments
 * @param finalAnswer the text of the last assistant message, or empty
 */
public record RecordedTranscript(List<RecordedCall> calls, String finalAnswer) {

  /** The file name the run writes in each attempt folder. */
  public static final String FILE = "transcript.json";

  /**
   * One recorded tool call.
   *
   * @param name the tool name as the model sent it
   * @param rawArguments the arguments as the model sent them
   * @param isError whether the call was answered with an error (false when it had no answer)
   */
  public record RecordedCall(String name, String rawArguments, boolean isError) {}

  public RecordedTranscript {
    calls = List.copyOf(calls);
    finalAnswer = finalAnswer == null ? "" : finalAnswer;
  }

  /** The transcript in that attempt folder; a folder without one reads as an empty transcript. */
  public static RecordedTranscript read(Path attemptFolder) throws IOException {
    Path file = attemptFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new RecordedTranscript(List.of(), "");
    }
    JsonNode messages = Mappers.json().readTree(file.toFile()).path("messages");
    Set<String> erroredIds = new HashSet<>();
    for (JsonNode message : messages) {
      for (JsonNode result : message.path("results")) {
        if (result.path("isError").asBoolean(false)) {
          erroredIds.add(result.path("callId").asText());
        }
      }
    }
    List<RecordedCall> calls = new ArrayList<>();
    String finalAnswer = "";
    for (JsonNode message : messages) {
      if (!"assistant".equals(message.path("role").asText())) {
        continue;
      }
      finalAnswer = message.path("text").asText("");
      for (JsonNode call : message.path("toolCalls")) {
        calls.add(
            new RecordedCall(
                call.path("name").asText(),
                call.path("arguments").asText(""),
                erroredIds.contains(call.path("id").asText())));
      }
    }
    return new RecordedTranscript(calls, finalAnswer);
  }

  /** The calls as the loop reports them: arguments parsed, or null when they were not JSON. */
  public List<ToolInvocation> invocations() {
    return calls.stream()
        .map(call -> new ToolInvocation(call.name(), parse(call.rawArguments()), call.isError()))
        .toList();
  }

  /**
   * The names of the calls that reached one of these tools, in order: a known tool with arguments
   * matching its input schema, as the loop would have run them.
   */
  public List<String> toolsRun(List<Tool> tools) {
    Map<String, Tool> byName =
        tools.stream().collect(Collectors.toMap(Tool::name, Function.identity(), (a, b) -> a));
    ToolArguments arguments = new ToolArguments();
    List<String> run = new ArrayList<>();
    for (RecordedCall call : calls) {
      Tool tool = byName.get(call.name());
      if (tool != null && arguments.parse(tool, call.rawArguments()).problem() == null) {
        run.add(call.name());
      }
    }
    return run;
  }

  private static JsonNode parse(String raw) {
    try {
      return Mappers.json().readTree(raw.isBlank() ? "{}" : raw);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
