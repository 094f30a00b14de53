package dev.evals.modes;

/** JSON Schemas of tool inputs that every tool mode writes the same way. */
public final class InputSchemas {

  /** A tool that takes no arguments. */
  public static final String NONE =
      """
      {"type": "object", "properties": {}, "additionalProperties": false}
      """;

  private InputSchemas() {}
}
