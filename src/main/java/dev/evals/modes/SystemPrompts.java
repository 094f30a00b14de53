package dev.evals.modes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The modes' built-in system prompts, shipped as resources under {@code /prompts/}. */
public final class SystemPrompts {

  private SystemPrompts() {}

  /** The prompt of this mode ({@code /prompts/<mode>.md}). */
  public static String of(String mode) {
    String resource = "/prompts/" + mode + ".md";
    try (InputStream in = SystemPrompts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
