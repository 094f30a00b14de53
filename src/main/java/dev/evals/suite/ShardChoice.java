package dev.evals.suite;

import dev.evals.config.Environment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which share of the plan a run takes: {@code --shard i/n} (1-based, as jest and Playwright spell
 * it), or {@code --shard auto/n}, which takes {@code i} from {@code JOB_COMPLETION_INDEX} (0-based,
 * as a Kubernetes Indexed Job sets it).
 *
 * @param index the shard, 1-based
 * @param count how many shards
 */
record ShardChoice(int index, int count) {

  static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
  private static final Pattern FORM = Pattern.compile("(auto|\\d{1,9})/(\\d{1,9})");

  /** The shard named by {@code --shard}, or null when none was given. */
  static ShardChoice parse(String given, Environment environment) {
    if (given == null) {
      return null;
    }
    Matcher form = FORM.matcher(given.trim());
    if (!form.matches()) {
      throw refused(given, " must be i/n (1-based, e.g. 2/4) or auto/n");
    }
    int count = Integer.parseInt(form.group(2));
    if (count < 1) {
      throw refused(given, ": the number of shards must be at least 1");
    }
    int index =
        form.group(1).equals("auto")
            ? fromEnvironment(given, count, environment)
            : Integer.parseInt(form.group(1));
    if (index < 1 || index > count) {
      throw refused(given, ": the shard must be between 1 and " + count);
    }
    return new ShardChoice(index, count);
  }

  private static int fromEnvironment(String given, int count, Environment environment) {
    String value =
        environment
            .get(INDEX_VARIABLE)
            .orElseThrow(() -> refused(given, " reads " + INDEX_VARIABLE + ", which is not set"));
    if (!value.trim().matches("\\d{1,9}") || Integer.parseInt(value.trim()) >= count) {
      throw refused(
          given,
          ": "
              + INDEX_VARIABLE
              + " must be 0 to "
              + (count - 1)
              + " (0-based), got '"
              + value
              + "'");
    }
    return Integer.parseInt(value.trim()) + 1;
  }

  private static UsageException refused(String given, String why) {
    return UsageException.about(Setting.SHARD, " " + given + why);
  }
}
