package dev.evals.modes.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code results.<id>} and {@code flow_input.<name>} references in a JavaScript expression,
 * in dot, optional-chaining and bracket spellings ({@code results?.a}, {@code results["a"]}).
 */
final class ExpressionRefs {

  private static final String NAME = "([A-Za-z_$][\\w$]*)";
  private static final String ACCESS = "\\s*(?:\\?\\.|\\.)\\s*";
  private static final String BRACKET = "\\s*(?:\\?\\.)?\\[\\s*([\"'`])([^\"'`]+)\\2\\s*\\]";
  private static final String NEXT = "(?:" + ACCESS + NAME + ")?";

  private static final Pattern RESULTS_DOT =
      Pattern.compile("(?<![\\w$.])results" + ACCESS + NAME + NEXT);
  private static final Pattern RESULTS_BRACKET =
      Pattern.compile("(?<![\\w$.])results()" + BRACKET + NEXT);
  private static final Pattern INPUT_DOT =
      Pattern.compile("(?<![\\w$.])flow_input" + ACCESS + NAME);
  private static final Pattern INPUT_BRACKET =
      Pattern.compile("(?<![\\w$.])flow_input()" + BRACKET);

  private ExpressionRefs() {}

  /**
   * A {@code results} reference.
   *
   * @param id the step id read
   * @param field the property read from that result, or null
   */
  record ResultRef(String id, String field) {
    String text() {
      return "results." + id + (field == null ? "" : "." + field);
    }
  }

  static List<ResultRef> results(String expression) {
    List<ResultRef> refs = new ArrayList<>();
    if (expression == null) {
      return refs;
    }
    Matcher dot = RESULTS_DOT.matcher(expression);
    while (dot.find()) {
      refs.add(new ResultRef(dot.group(1), dot.group(2)));
    }
    Matcher bracket = RESULTS_BRACKET.matcher(expression);
    while (bracket.find()) {
      refs.add(new ResultRef(bracket.group(3), bracket.group(4)));
    }
    return refs;
  }

  static List<String> flowInputs(String expression) {
    List<String> names = new ArrayList<>();
    if (expression == null) {
      return names;
    }
    Matcher dot = INPUT_DOT.matcher(expression);
    while (dot.find()) {
      names.add(dot.group(1));
    }
    Matcher bracket = INPUT_BRACKET.matcher(expression);
    while (bracket.find()) {
      names.add(bracket.group(3));
    }
    return names;
  }

  /** Collapses runs of whitespace, so expressions compare by meaning rather than layout. */
  static String normalise(String expression) {
    return expression == null ? null : expression.replaceAll("\\s+", " ").trim();
  }
}
