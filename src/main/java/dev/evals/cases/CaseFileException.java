package dev.evals.cases;

import dev.evals.input.BadInput;

/**
 * A problem in a case file or one of its fixtures, reported as {@code file:line: what is wrong}
 * before any model is called.
 */
public final class CaseFileException extends RuntimeException implements BadInput {

  private final String file;
  private final int line;

  public CaseFileException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
