package dev.evals.naming;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a user most likely meant, for "did you mean" hints. */
public final class ClosestMatch {

  private ClosestMatch() {}

  /** The candidate closest to {@code typed}, if it is close enough to be a plausible typo. */
  public static Optional<String> among(Collection<String> candidates, String typed) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(candidate -> isPlausible(candidate.toLowerCase(Locale.ROOT), wanted))
        .min(Comparator.comparingInt(c -> distance(c.toLowerCase(Locale.ROOT), wanted)));
  }

  /** A hint sentence such as {@code " (did you mean 'opus'?)"}, or an empty string. */
  public static String hint(Collection<String> candidates, String typed) {
    return among(candidates, typed).map(name -> " (did you mean '" + name + "'?)").orElse("");
  }

  private static boolean isPlausible(String candidate, String typed) {
    if (candidate.startsWith(typed) || typed.startsWith(candidate)) {
      return true;
    }
    return distance(candidate, typed)
        <= Math.max(2, Math.min(candidate.length(), typed.length()) / 3);
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
