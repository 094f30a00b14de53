package dev.evals.suite;

import dev.evals.input.BadInput;
import java.util.List;
import java.util.function.Function;

/**
 * A combination of settings that cannot run, explained in one line. The explanation is a sequence
 * of text and {@link Setting}s, so the front end names each setting as its user spells it ({@code
 * --concurrency must be at least 1}); {@link #getMessage} names them by their {@link
 * Setting#label}.
 */
public final class UsageException extends IllegalArgumentException implements BadInput {

  private final List<Object> parts;

  /** An explanation that names no setting. */
  public UsageException(String message) {
    this(List.of(message));
  }

  private UsageException(List<Object> parts) {
    super(render(parts, Setting::label));
    this.parts = parts;
  }

  /**
   * An explanation made of text and settings, e.g. {@code about(Setting.RUNS, " must be at least
   * 1")}.
   *
   * @param parts each a {@link String} or a {@link Setting}
   */
  public static UsageException about(Object... parts) {
    for (Object part : parts) {
      if (!(part instanceof String) && !(part instanceof Setting)) {
        throw new IllegalArgumentException("not text or a setting: " + part);
      }
    }
    return new UsageException(List.of(parts));
  }

  /** The explanation with each setting named by {@code name}. */
  public String describe(Function<Setting, String> name) {
    return render(parts, name);
  }

  private static String render(List<Object> parts, Function<Setting, String> name) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part instanceof Setting setting ? name.apply(setting) : part);
    }
    return text.toString();
  }
}
