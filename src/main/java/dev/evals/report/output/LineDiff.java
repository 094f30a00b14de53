package dev.evals.report.output;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence, enough for the few hundred lines of a flow. */
final class LineDiff {

  /** Beyond this many lines on a side the quadratic table is not worth it; no diff is shown. */
  static final int MAX_LINES = 3000;

  /**
   * One line of the diff.
   *
   * @param kind ' ' kept, '-' only expected, '+' only actual
   * @param text the line
   */
  record Line(char kind, String text) {}

  private LineDiff() {}

  /** The diff from expected to actual, or an empty list when either side is too long. */
  static List<Line> between(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    if (n > MAX_LINES || m > MAX_LINES) {
      return List.of();
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            expected.get(i).equals(actual.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        lines.add(new Line(' ', expected.get(i++)));
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        lines.add(new Line('-', expected.get(i++)));
      } else {
        lines.add(new Line('+', actual.get(j++)));
      }
    }
    return lines;
  }

  static boolean identical(List<Line> lines) {
    return lines.stream().allMatch(l -> l.kind() == ' ');
  }
}
