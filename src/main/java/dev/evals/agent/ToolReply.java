package dev.evals.agent;

import java.util.Objects;

/** What a tool answers the model. */
public record ToolReply(String content, boolean isError) {
  public ToolReply {
    Objects.requireNonNull(content, "content");
  }

  public static ToolReply ok(String content) {
    return new ToolReply(content, false);
  }

  public static ToolReply error(String content) {
    return new ToolReply(content, true);
  }
}
