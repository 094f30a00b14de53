package dev.evals.input;

/**
 * An error in what the user gave (a flag, a file, a line of a file, a name), found before any model
 * is called and explained in one line by its message. Every exception thrown for bad input
 * implements it; the command line maps it to its exit status in one place and prints the message
 * without a stack trace. An exception that does not implement it is an internal failure.
 */
public interface BadInput {

  /** The one-line explanation, naming the flag, file or line. */
  String getMessage();
}
