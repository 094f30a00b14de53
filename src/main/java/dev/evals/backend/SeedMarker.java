package dev.evals.backend;

/**
 * Marks the scripts, flows, schedules and HTTP triggers this tool seeds (at the end of their
 * description, or a schedule's summary), so that in a shared workspace it removes only what it
 * created and never a user's own assets.
 */
final class SeedMarker {

  static final String MARK = "[seeded by evals]";

  private SeedMarker() {}

  static String mark(String description) {
    String text = description == null ? "" : description.strip();
    if (text.endsWith(MARK)) {
      return text;
    }
    return text.isEmpty() ? MARK : text + " " + MARK;
  }

  static boolean marked(String description) {
    return description != null && description.strip().endsWith(MARK);
  }
}
