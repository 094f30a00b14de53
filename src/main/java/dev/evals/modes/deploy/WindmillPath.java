package dev.evals.modes.deploy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Windmill item paths: {@code f/<folder>/<name>} or {@code u/<user>/<name>}. */
public final class WindmillPath {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");

  private WindmillPath() {}

  /** Returns the path, or throws an {@link IllegalArgumentException} saying what is wrong. */
  public static String check(String field, String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(field + " is required, e.g. f/evals/daily_report");
    }
    if (!path.startsWith("f/") && !path.startsWith("u/")) {
      throw new IllegalArgumentException(
          field
              + " '"
              + path
              + "' must start with f/ (a folder) or u/ (a user), e.g. f/evals/daily_report");
    }
    String[] segments = path.split("/", -1);
    if (segments.length < 3) {
      throw new IllegalArgumentException(
          field + " '" + path + "' needs a folder or user and a name, e.g. f/evals/daily_report");
    }
    for (int i = 1; i < segments.length; i++) {
      if (!SEGMENT.matcher(segments[i]).matches()) {
        throw new IllegalArgumentException(
            field
                + " '"
                + path
                + "' has an invalid segment '"
                + segments[i]
                + "' (letters, digits, _ . - only)");
      }
    }
    return path;
  }

  /**
   * The path a case's flow or script gets when its fixture names none: {@code f/evals/<case id>}.
   */
  public static String forCase(String caseId) {
    return "f/evals/" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
