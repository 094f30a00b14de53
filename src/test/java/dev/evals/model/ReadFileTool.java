package dev.evals.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A tool for provider tests: answers {@code read_file(path)} with fixed contents. */
public final class ReadFileTool implements Tool {

  public static final String CONTENTS = "summary: two steps";

  private final java.util.concurrent.atomic.AtomicInteger calls =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final String SCHEMA =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object",
       "properties": {"path": {"type": "string", "description": "file to read"}},
       "required": ["path"],
       "additionalProperties": false}
      """;

  @Override
  public ToolSpec spec() {
    try {
      return new ToolSpec(
          "read_file", "Reads a file of the workspace", Mappers.json().readTree(SCHEMA));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ToolReply call(JsonNode arguments) {
    calls.incrementAndGet();
    return ToolReply.ok(CONTENTS);
  }

  /** How often the loop ran this tool. */
  public int calls() {
    return calls.get();
  }
}
