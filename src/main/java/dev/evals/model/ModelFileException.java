package dev.evals.model;

/** A models file that cannot be read, with the file and line it points at. */
public final class ModelFileException extends IllegalArgumentException {
  public ModelFileException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
