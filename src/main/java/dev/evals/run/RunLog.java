package dev.evals.run;

import dev.evals.config.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** {@code run.log}: the stack traces and details that the terminal leaves out. */
public final class RunLog {

  private final Path file;
  private final Clock clock;
  private final Secrets secrets;

  public RunLog(Path file, Clock clock, Secrets secrets) {
    this.file = file;
    this.clock = clock;
    this.secrets = secrets;
  }

  public synchronized void failure(String context, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    append(context + "\n" + trace);
  }

  public synchronized void info(String message) {
    append(message + "\n");
  }

  private void append(String text) {
    try {
      Files.writeString(
          file,
          clock.instant() + " " + secrets.redact(text),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
