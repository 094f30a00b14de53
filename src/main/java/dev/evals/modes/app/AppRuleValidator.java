package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checks of a case's {@code validate} rules, one named check per rule entry. */
final class AppRuleValidator {

  private AppRuleValidator() {}

  static List<Check> check(AppState app, AppRules rules, List<String> toolsUsed) {
    List<Check> checks = new ArrayList<>();
    frontend(app, rules.frontend(), checks);
    backend(app, rules.backend(), checks);
    datatables(app, rules.datatables(), checks);
    for (String tool : rules.requiredToolsUsed()) {
      checks.add(
          Check.of(
              "tool " + tool + " was used",
              toolsUsed.contains(tool),
              "tools used: " + (toolsUsed.isEmpty() ? "none" : String.join(", ", toolsUsed))));
    }
    for (String snippet : rules.forbiddenAppContent()) {
      List<String> where = contentContaining(app, snippet);
      checks.add(
          Check.of(
              "app does not include forbidden content '" + snippet + "'",
              where.isEmpty(),
              "found in " + String.join(", ", where)));
    }
    return checks;
  }

  private static void frontend(AppState app, AppRules.FrontendRules rules, List<Check> checks) {
    if (!rules.requiredFrontendPaths().isEmpty()) {
      List<String> missing =
          rules.requiredFrontendPaths().stream()
              .filter(path -> !app.frontend().containsKey(path))
              .toList();
      checks.add(
          Check.of(
              "app includes required frontend paths",
              missing.isEmpty(),
              "missing " + missing + "; frontend files: " + app.frontend().keySet()));
    }
    for (AppRules.FileContent rule : rules.requiredFrontendFileContent()) {
      String content = app.frontend().get(rule.path());
      String name = "frontend " + rule.path() + " includes required content";
      checks.add(
          content == null
              ? Check.fail(name, "no frontend file " + rule.path())
              : matched(name, ContentMatch.missing(content, rule.includes(), rule.pattern())));
    }
  }

  private static void backend(AppState app, AppRules.BackendRules rules, List<Check> checks) {
    if (!rules.requiredBackendRunnableKeys().isEmpty()) {
      List<String> missing =
          rules.requiredBackendRunnableKeys().stream()
              .filter(key -> !app.backend().containsKey(key))
              .toList();
      checks.add(
          Check.of(
              "app includes required backend runnables",
              missing.isEmpty(),
              "missing " + missing + "; runnables: " + app.backend().keySet()));
    }
    if (rules.backendRunnableCountAtLeast() != null) {
      int wanted = rules.backendRunnableCountAtLeast();
      checks.add(
          Check.of(
              "app includes at least " + wanted + " backend runnable" + (wanted == 1 ? "" : "s"),
              app.backend().size() >= wanted,
              "expected at least " + wanted + ", got " + app.backend().size()));
    }
    for (AppRules.RunnableType rule : rules.requiredBackendRunnableTypes()) {
      BackendRunnable runnable = app.backend().get(rule.key());
      String name = rule.key() + " backend runnable type matches required";
      checks.add(
          runnable == null
              ? Check.fail(name, "no runnable '" + rule.key() + "'")
              : Check.of(
                  name,
                  runnable.type().equals(rule.type()),
                  "expected " + rule.type() + ", got " + runnable.type()));
    }
    for (AppRules.RunnableContent rule : rules.requiredBackendRunnableContent()) {
      BackendRunnable runnable = app.backend().get(rule.key());
      String name = rule.key() + " backend runnable includes required content";
      checks.add(
          runnable == null
              ? Check.fail(name, "no runnable '" + rule.key() + "'")
              : matched(
                  name, ContentMatch.missing(runnable.content(), rule.includes(), rule.pattern())));
    }
  }

  private static void datatables(AppState app, AppRules.DatatableRules rules, List<Check> checks) {
    int datatables = app.datatables().size();
    int tables = tableCount(app);
    if (rules.datatableCountAtLeast() != null) {
      int wanted = rules.datatableCountAtLeast();
      checks.add(
          Check.of(
              "app includes at least " + wanted + " datatable" + (wanted == 1 ? "" : "s"),
              datatables >= wanted,
              "expected at least " + wanted + ", got " + datatables));
    }
    if (rules.datatableTableCountAtLeast() != null) {
      int wanted = rules.datatableTableCountAtLeast();
      checks.add(
          Check.of(
              "app includes at least " + wanted + " datatable table" + (wanted == 1 ? "" : "s"),
              tables >= wanted,
              "expected at least " + wanted + ", got " + tables));
    }
    if (rules.datatableTableCountExactly() != null) {
      int wanted = rules.datatableTableCountExactly();
      checks.add(
          Check.of(
              "app includes exactly " + wanted + " datatable table" + (wanted == 1 ? "" : "s"),
              tables == wanted,
              "expected exactly " + wanted + ", got " + tables));
    }
    for (AppRules.DatatableTable rule : rules.requiredDatatables()) {
      checks.add(
          Check.of(
              "datatable table " + rule.label() + " exists",
              hasTable(app, rule),
              "no table " + rule.label() + " in the app's datatables"));
    }
  }

  private static Check matched(String name, List<String> missing) {
    return Check.of(name, missing.isEmpty(), "missing " + String.join(", ", missing));
  }

  private static int tableCount(AppState app) {
    int count = 0;
    for (JsonNode datatable : app.datatables()) {
      for (JsonNode tables : datatable.path("schemas")) {
        count += tables.size();
      }
    }
    return count;
  }

  private static boolean hasTable(AppState app, AppRules.DatatableTable rule) {
    for (JsonNode datatable : app.datatables()) {
      boolean named =
          rule.datatableName() == null
              || rule.datatableName().equals(datatable.path("datatable_name").asText());
      if (named && datatable.path("schemas").path(rule.schema()).has(rule.table())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> contentContaining(AppState app, String snippet) {
    return Stream.concat(
            app.frontend().entrySet().stream()
                .filter(e -> ContentMatch.containsIgnoringCase(e.getValue(), snippet))
                .map(e -> "frontend " + e.getKey()),
            app.backend().entrySet().stream()
                .filter(e -> ContentMatch.containsIgnoringCase(e.getValue().content(), snippet))
                .map(e -> "runnable " + e.getKey()))
        .toList();
  }
}
