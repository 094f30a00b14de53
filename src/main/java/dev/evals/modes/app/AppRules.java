package dev.evals.modes.app;

import static dev.evals.modes.RuleFields.orEmpty;
import static dev.evals.modes.RuleFields.requireText;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.evals.datatable.DatatableQuery;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An app case's {@code validate} rules, named as in Windmill's {@code AppValidationSpec} and
 * written flat in the case file; here grouped by the part of the app they look at. Content rules
 * take {@code includes} (snippets, case-insensitive, one or a list) and/or {@code pattern} (a Java
 * regular expression that must be found). {@code datatableQuery} is ours: SQL run on the attempt's
 * own datatable after the model stopped, whose rows must be the expected ones.
 *
 * @param frontend rules on the frontend files
 * @param backend rules on the backend runnables
 * @param datatables rules on the app's datatables
 * @param requiredToolsUsed tools the model must have called
 * @param forbiddenAppContent snippets no frontend file or runnable may contain
 */
public record AppRules(
    @JsonUnwrapped FrontendRules frontend,
    @JsonUnwrapped BackendRules backend,
    @JsonUnwrapped DatatableRules datatables,
    List<String> requiredToolsUsed,
    List<String> forbiddenAppContent) {

  /** Every rule name an app case may use. */
  public static final Set<String> NAMES =
      Set.of(
          "requiredFrontendPaths",
          "requiredFrontendFileContent",
          "requiredBackendRunnableKeys",
          "requiredBackendRunnableTypes",
          "requiredBackendRunnableContent",
          "backendRunnableCountAtLeast",
          "datatableCountAtLeast",
          "datatableTableCountAtLeast",
          "datatableTableCountExactly",
          "requiredDatatables",
          "requiredToolsUsed",
          "forbiddenAppContent",
          "datatableQuery");

  public static final AppRules NONE = new AppRules(null, null, null, null, null);

  /** Absent groups ask for nothing, as their absent rules do. */
  public AppRules {
    frontend = frontend == null ? new FrontendRules(null, null) : frontend;
    backend = backend == null ? new BackendRules(null, null, null, null) : backend;
    datatables = datatables == null ? new DatatableRules(null, null, null, null, null) : datatables;
    requiredToolsUsed = orEmpty(requiredToolsUsed);
    forbiddenAppContent = orEmpty(forbiddenAppContent);
  }

  /** The frontend files that must exist, and what they must contain. */
  public record FrontendRules(
      List<String> requiredFrontendPaths, List<FileContent> requiredFrontendFileContent) {
    public FrontendRules {
      requiredFrontendPaths =
          orEmpty(requiredFrontendPaths).stream().map(AppRules::appPath).toList();
      requiredFrontendFileContent = orEmpty(requiredFrontendFileContent);
    }
  }

  /** The backend runnables that must exist, their types, their code and how many. */
  public record BackendRules(
      List<String> requiredBackendRunnableKeys,
      List<RunnableType> requiredBackendRunnableTypes,
      List<RunnableContent> requiredBackendRunnableContent,
      Integer backendRunnableCountAtLeast) {
    public BackendRules {
      requiredBackendRunnableKeys = orEmpty(requiredBackendRunnableKeys);
      requiredBackendRunnableTypes = orEmpty(requiredBackendRunnableTypes);
      requiredBackendRunnableContent = orEmpty(requiredBackendRunnableContent);
      requireCount(backendRunnableCountAtLeast, "backendRunnableCountAtLeast");
    }
  }

  /** How many datatables and tables the app has, which tables, and what queries return. */
  public record DatatableRules(
      Integer datatableCountAtLeast,
      Integer datatableTableCountAtLeast,
      Integer datatableTableCountExactly,
      List<DatatableTable> requiredDatatables,
      List<DatatableQuery> datatableQuery) {
    public DatatableRules {
      requireCount(datatableCountAtLeast, "datatableCountAtLeast");
      requireCount(datatableTableCountAtLeast, "datatableTableCountAtLeast");
      requireCount(datatableTableCountExactly, "datatableTableCountExactly");
      requiredDatatables = orEmpty(requiredDatatables);
      datatableQuery = orEmpty(datatableQuery);
    }
  }

  /** A frontend file that must contain every snippet and match the pattern. */
  public record FileContent(
      String path,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> includes,
      String pattern) {
    public FileContent {
      path = appPath(path);
      includes = orEmpty(includes);
      requireMatch(includes, pattern);
    }
  }

  /** A backend runnable whose code must contain every snippet and match the pattern. */
  public record RunnableContent(
      String key,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> includes,
      String pattern) {
    public RunnableContent {
      requireText(key, "key");
      includes = orEmpty(includes);
      requireMatch(includes, pattern);
    }
  }

  /** A backend runnable that must exist with this type ({@code inline}, {@code script}, ...). */
  public record RunnableType(String key, String type) {
    public RunnableType {
      requireText(key, "key");
      requireText(type, "type");
    }
  }

  /** A table that must exist in the app's datatables, optionally in one named datatable. */
  public record DatatableTable(String schema, String table, String datatableName) {
    public DatatableTable {
      requireText(schema, "schema");
      requireText(table, "table");
    }

    String label() {
      return (datatableName == null ? "" : datatableName + "/") + schema + "." + table;
    }
  }

  private static void requireMatch(List<String> includes, String pattern) {
    if (includes.isEmpty() && pattern == null) {
      throw new IllegalArgumentException("give 'includes' (snippets) or 'pattern' (a regex)");
    }
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "'pattern' is not a valid regular expression: " + e.getDescription());
      }
    }
  }

  private static String appPath(String path) {
    requireText(path, "path");
    return AppPaths.frontend(path);
  }

  private static void requireCount(Integer count, String field) {
    if (count != null && count < 0) {
      throw new IllegalArgumentException("'" + field + "' must not be negative");
    }
  }
}
