package dev.evals.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a run reads from its surroundings: real environment variables, over those of an
 * optional {@code .env} file. Injected everywhere instead of {@link System#getenv()}, so tests
 * choose what the code sees.
 */
public record Environment(Map<String, String> variables) {

  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /**
   * The process environment over the {@code .env} files given (earlier files win over later ones;
   * missing files are skipped).
   */
  public static Environment load(Map<String, String> processEnvironment, List<Path> dotEnvFiles) {
    Map<String, String> merged = new HashMap<>();
    for (int i = dotEnvFiles.size() - 1; i >= 0; i--) {
      merged.putAll(readDotEnv(dotEnvFiles.get(i)));
    }
    merged.putAll(processEnvironment);
    return new Environment(merged);
  }

  /** The non-blank value of a variable. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String getOrDefault(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** Every non-blank value, for masking secrets wherever text is written. */
  public List<String> secretValues() {
    return variables.entrySet().stream()
        .filter(e -> looksSecret(e.getKey()) && e.getValue() != null && e.getValue().length() >= 4)
        .map(Map.Entry::getValue)
        .toList();
  }

  private static boolean looksSecret(String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return upper.contains("KEY")
        || upper.contains("TOKEN")
        || upper.contains("PASSWORD")
        || upper.contains("SECRET");
  }

  static Map<String, String> readDotEnv(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      Map<String, String> values = new HashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("export ")) {
          trimmed = trimmed.substring("export ".length()).strip();
        }
        int equals = trimmed.indexOf('=');
        if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
          continue;
        }
        values.put(
            trimmed.substring(0, equals).strip(), unquote(trimmed.substring(equals + 1).strip()));
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
