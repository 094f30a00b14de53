package dev.evals.agent;

/** Hears what the model under test does, for {@code --verbose}. */
public interface AgentListener {

  AgentListener SILENT = new AgentListener() {};

  default void assistantText(String text) {}

  default void toolCall(String name, String argumentsPreview) {}
}
