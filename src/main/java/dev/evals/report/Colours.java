package dev.evals.report;

import dev.evals.run.AttemptRecord;

/** How verdicts and the headline are coloured: ANSI escapes on a terminal, nothing elsewhere. */
public enum Colours {
  PLAIN,
  ANSI;

  private static final String RESET = "\033[0m";
  private static final String GREEN = "\033[32m";
  private static final String RED = "\033[31m";
  private static final String YELLOW = "\033[33m";
  private static final String MAGENTA = "\033[35m";
  private static final String BOLD_GREEN = "\033[1;32m";
  private static final String BOLD_RED = "\033[1;31m";

  /** The verdict word as {@link ProgressReporter#verdict} spells it, coloured by what it means. */
  String verdict(AttemptRecord record) {
    String word = ProgressReporter.verdict(record);
    String colour =
        switch (record.status()) {
          case EXECUTION_ERROR -> MAGENTA;
          case NO_REFERENCE, INCOMPLETE_REFERENCE -> YELLOW;
          default -> record.passed() ? GREEN : RED;
        };
    // The padding stays outside the escape, so columns line up as in plain text.
    String trimmed = word.stripTrailing();
    return paint(colour, trimmed) + word.substring(trimmed.length());
  }

  /** The headline: green when every scored attempt passed, red otherwise. */
  String headline(String text, boolean allPassed) {
    return paint(allPassed ? BOLD_GREEN : BOLD_RED, text);
  }

  private String paint(String colour, String text) {
    return this == ANSI ? colour + text + RESET : text;
  }
}
