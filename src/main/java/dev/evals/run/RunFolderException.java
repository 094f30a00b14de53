package dev.evals.run;

import dev.evals.input.BadInput;

/**
 * A run folder that cannot be used as asked: held by another process, or holding a {@code run.json}
 * or {@code index.jsonl} that cannot be read. Bad input, explained in one line.
 */
public final class RunFolderException extends RuntimeException implements BadInput {

  public RunFolderException(String message) {
    super(message);
  }

  /** The first line of a parser's message, so the error stays one line. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int end = stripped.indexOf('\n');
    return end < 0 ? stripped : stripped.substring(0, end).strip();
  }
}
