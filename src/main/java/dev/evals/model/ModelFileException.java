package dev.evals.model;

import dev.evals.input.BadInput;

/** A models file that cannot be read, with the file and line it points at. */
public final class ModelFileException extends IllegalArgumentException implements BadInput {
  public ModelFileException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
