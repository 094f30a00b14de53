package dev.evals.config;

import java.util.Comparator;
import java.util.List;

/** Removes credential values from text before it is written anywhere. */
public final class Secrets {

  public static final String MASK = "***";

  private final List<String> values;

  public Secrets(List<String> values) {
    this.values =
        values.stream()
            .filter(v -> v != null && v.length() >= 4)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  public static Secrets of(Environment environment) {
    return new Secrets(environment.secretValues());
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String value : values) {
      redacted = redacted.replace(value, MASK);
    }
    return redacted;
  }
}
