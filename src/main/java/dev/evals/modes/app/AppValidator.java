package dev.evals.modes.app;

import dev.evals.datatable.AttemptDatatables;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic checks of an app case: the app's own soundness always, whether it changed when
 * the case starts from an app, then the case's {@code validate} rules.
 */
public final class AppValidator {

  static final String ENTRY = "app has an entry file";
  static final String NON_EMPTY = "frontend files are non-empty";
  static final String CALLS = "frontend backend calls name existing runnables";
  static final String MAINS = "backend runnables define main";
  static final String INSIDE_ROOT = "app paths stay inside the app root";
  static final String DIFFERS = "app differs from initial";

  private static final Pattern BACKEND_CALL =
      Pattern.compile("\\bbackend\\s*\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(");
  private static final Pattern TS_MAIN =
      Pattern.compile(
          "\\bexport\\s+(?:default\\s+)?(?:async\\s+)?function\\s+main\\s*[(<]"
              + "|\\bexport\\s+(?:const|let)\\s+main\\s*=");
  private static final Pattern PY_MAIN =
      Pattern.compile("^(?:async\\s+)?def\\s+main\\s*\\(", Pattern.MULTILINE);

  private final AppRules rules;
  private final AppState initial;

  /**
   * @param rules the case's rules
   * @param initial the app the model started from, or null
   */
  public AppValidator(AppRules rules, AppState initial) {
    this.rules = rules;
    this.initial = initial;
  }

  /**
   * @param toolsUsed the names of the tools the model called, for {@code requiredToolsUsed}
   */
  public List<Check> validate(AppState app, List<String> toolsUsed) {
    List<Check> checks = new ArrayList<>(structure(app));
    if (initial != null) {
      checks.add(
          Check.of(DIFFERS, !initial.equals(app), "the app is unchanged from the initial app"));
    }
    checks.addAll(AppRuleValidator.check(app, rules, toolsUsed));
    return checks;
  }

  /** The case's {@code datatableQuery} rules, run on the attempt's datatables as they are now. */
  public List<Check> datatableQueries(AttemptDatatables datatables) {
    return rules.datatables().datatableQuery().stream()
        .map(query -> query.check(datatables))
        .toList();
  }

  /** The app's own checks, independent of the case. */
  static List<Check> structure(AppState app) {
    return List.of(
        Check.of(
            ENTRY,
            app.entryPath().isPresent(),
            "no entry file; add one of " + String.join(", ", AppState.ENTRY_PATHS)),
        problems(NON_EMPTY, emptyFiles(app)),
        problems(CALLS, unknownCalls(app)),
        problems(MAINS, missingMains(app)),
        problems(INSIDE_ROOT, escapingPaths(app)));
  }

  /** What is wrong with the app, one line per problem; the note a tool adds to its answer. */
  static List<String> problems(AppState app) {
    List<String> problems = new ArrayList<>();
    for (Check check : structure(app)) {
      if (!check.passed() && !check.name().equals(ENTRY)) {
        problems.add(check.detail());
      }
    }
    return problems;
  }

  /** The runnable keys the frontend calls, with the first file that calls each. */
  static Map<String, String> calledKeys(AppState app) {
    Map<String, String> keys = new TreeMap<>();
    app.frontend()
        .forEach(
            (path, content) -> {
              Matcher matcher = BACKEND_CALL.matcher(content);
              while (matcher.find()) {
                keys.putIfAbsent(matcher.group(1), path);
              }
            });
    return keys;
  }

  private static Check problems(String name, List<String> problems) {
    return Check.of(name, problems.isEmpty(), String.join("; ", problems));
  }

  private static List<String> emptyFiles(AppState app) {
    return app.frontend().entrySet().stream()
        .filter(entry -> entry.getValue().isBlank())
        .map(entry -> "frontend file " + entry.getKey() + " is empty")
        .toList();
  }

  private static List<String> unknownCalls(AppState app) {
    List<String> problems = new ArrayList<>();
    calledKeys(app)
        .forEach(
            (key, path) -> {
              if (!app.backend().containsKey(key)) {
                problems.add(
                    path
                        + " calls backend."
                        + key
                        + "(...) but there is no runnable '"
                        + key
                        + "'; runnables: "
                        + (app.backend().isEmpty() ? "none" : app.backend().keySet()));
              }
            });
    return problems;
  }

  private static List<String> missingMains(AppState app) {
    List<String> problems = new ArrayList<>();
    app.backend()
        .forEach(
            (key, runnable) -> {
              if (!definesMain(runnable)) {
                problems.add(
                    "runnable '"
                        + key
                        + "' ("
                        + runnable.language()
                        + ") does not define "
                        + ("python3".equals(runnable.language())
                            ? "def main(...)"
                            : "export async function main(...)"));
              }
            });
    return problems;
  }

  static boolean definesMain(BackendRunnable runnable) {
    Pattern main = "python3".equals(runnable.language()) ? PY_MAIN : TS_MAIN;
    return main.matcher(runnable.content()).find();
  }

  private static List<String> escapingPaths(AppState app) {
    Set<String> problems = new TreeSet<>();
    for (String path : app.frontend().keySet()) {
      if (!AppPaths.isFrontend(path)) {
        problems.add("frontend path '" + path + "' is not inside the app root");
      }
    }
    for (String key : app.backend().keySet()) {
      if (!AppPaths.isKey(key)) {
        problems.add("runnable key '" + key + "' is not an identifier");
      }
    }
    return List.copyOf(problems);
  }
}
