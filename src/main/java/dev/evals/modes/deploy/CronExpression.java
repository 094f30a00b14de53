package dev.evals.modes.deploy;

import java.util.List;
import java.util.Locale;

/**
 * A schedule's cron expression as Windmill reads it: six fields starting with seconds ({@code 0 30
 * 7 * * *}), or the classic five without seconds. Each field is {@code *}, {@code ?} (day fields
 * only), a value, a range {@code a-b}, a stepped one ({@code a-b/n}, {@code a/n}, or {@code *}
 * followed by {@code /n}), or a comma-separated list of those; months and weekdays may be named
 * ({@code JAN}, {@code MON}).
 *
 * @param text the expression as given
 * @param hasSeconds whether the first field is seconds
 */
record CronExpression(String text, boolean hasSeconds) {

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** One position of the expression, with its allowed values. */
  private enum Field {
    SECOND("second", 0, 59, List.of(), false),
    MINUTE("minute", 0, 59, List.of(), false),
    HOUR("hour", 0, 23, List.of(), false),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of(), true),
    MONTH("month", 1, 12, MONTHS, false),
    DAY_OF_WEEK("day-of-week", 0, 7, DAYS, true);

    final String label;
    final int min;
    final int max;
    final List<String> names;
    final boolean allowsQuestionMark;

    Field(String label, int min, int max, List<String> names, boolean allowsQuestionMark) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
      this.allowsQuestionMark = allowsQuestionMark;
    }
  }

  private static final List<Field> WITH_SECONDS = List.of(Field.values());
  private static final List<Field> WITHOUT_SECONDS = WITH_SECONDS.subList(1, WITH_SECONDS.size());

  /** Parses an expression, or throws an {@link IllegalArgumentException} naming the problem. */
  static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the cron expression is empty");
    }
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 5 && parts.length != 6) {
      throw new IllegalArgumentException(
          "cron expression '"
              + text
              + "' has "
              + parts.length
              + " fields; Windmill expects 6 (second minute hour day-of-month month"
              + " day-of-week), e.g. '0 30 7 * * *'");
    }
    List<Field> fields = parts.length == 6 ? WITH_SECONDS : WITHOUT_SECONDS;
    for (int i = 0; i < parts.length; i++) {
      checkField(fields.get(i), parts[i]);
    }
    return new CronExpression(text.trim(), parts.length == 6);
  }

  private static void checkField(Field field, String text) {
    if (text.equals("?")) {
      if (!field.allowsQuestionMark) {
        throw new IllegalArgumentException(
            "'?' is only allowed in day-of-month and day-of-week, not in " + field.label);
      }
      return;
    }
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw new IllegalArgumentException("empty list item in " + field.label + " '" + text + "'");
      }
      checkItem(field, item);
    }
  }

  private static void checkItem(Field field, String item) {
    String base = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      base = item.substring(0, slash);
      int step = number(field, item.substring(slash + 1), "step");
      if (step < 1 || step > field.max) {
        throw new IllegalArgumentException(
            "step " + step + " in " + field.label + " must be between 1 and " + field.max);
      }
    }
    if (base.equals("*")) {
      return;
    }
    int dash = base.indexOf('-', 1);
    if (dash < 0) {
      value(field, base);
      return;
    }
    int from = value(field, base.substring(0, dash));
    int to = value(field, base.substring(dash + 1));
    if (from > to) {
      throw new IllegalArgumentException(
          "range " + base + " in " + field.label + " goes backwards");
    }
  }

  private static int value(Field field, String text) {
    int index = field.names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return field == Field.MONTH ? index + 1 : index;
    }
    int value = number(field, text, "value");
    if (value < field.min || value > field.max) {
      throw new IllegalArgumentException(
          field.label + " value " + value + " is out of range " + field.min + "-" + field.max);
    }
    return value;
  }

  private static int number(Field field, String text, String what) {
    if (!text.matches("\\d{1,4}")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid " + field.label + " " + what);
    }
    return Integer.parseInt(text);
  }
}
