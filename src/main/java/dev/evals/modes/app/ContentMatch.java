package dev.evals.modes.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a text lacks against snippets (case-insensitive, as Windmill compares) and a regex. */
final class ContentMatch {

  private ContentMatch() {}

  /** Empty when the content has every snippet and the pattern is found (or absent). */
  static List<String> missing(String content, List<String> includes, String pattern) {
    String lower = content.toLowerCase(Locale.ROOT);
    List<String> missing = new ArrayList<>();
    for (String snippet : includes) {
      if (!lower.contains(snippet.toLowerCase(Locale.ROOT))) {
        missing.add("'" + snippet + "'");
      }
    }
    if (pattern != null && !Pattern.compile(pattern).matcher(content).find()) {
      missing.add("a match for /" + pattern + "/");
    }
    return missing;
  }

  static boolean containsIgnoringCase(String content, String snippet) {
    return content.toLowerCase(Locale.ROOT).contains(snippet.toLowerCase(Locale.ROOT));
  }
}
