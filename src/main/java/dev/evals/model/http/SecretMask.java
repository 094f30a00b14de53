package dev.evals.model.http;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replaces every configured secret with {@code ***} in text that leaves the provider layer. */
public final class SecretMask {

  static final int EXCERPT_LENGTH = 300;

  private final List<String> secrets;

  public SecretMask(Collection<String> secrets) {
    // Longest first, so a key that contains another key is masked whole.
    this.secrets =
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(s -> !s.isBlank())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  public String mask(String text) {
    if (text == null) {
      return "";
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "***");
    }
    return masked;
  }

  /** The masked text on one line, cut to a short excerpt. */
  public String excerpt(String text) {
    String flat = mask(text).replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "...";
  }
}
