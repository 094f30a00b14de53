package dev.evals.cases;

import java.util.Map;
import java.util.Objects;

/**
 * Where a case was written: the case file as shown to users and the line of each of its fields, so
 * problems found after loading still point at the right line.
 *
 * @param file the case file, relative to the cases root ({@code cases/flow.yaml})
 * @param line the line where the case starts
 * @param fieldLines line of each field path inside the case ({@code validate.moduleRules[0]})
 */
public record SourceLocation(String file, int line, Map<String, Integer> fieldLines) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    fieldLines = Map.copyOf(fieldLines);
  }

  /** The line of a field path, or of the nearest enclosing field that has one. */
  public int lineOf(String fieldPath) {
    String path = fieldPath;
    while (!path.isEmpty()) {
      Integer found = fieldLines.get(path);
      if (found != null) {
        return found;
      }
      path = parent(path);
    }
    return line;
  }

  /** An error pointing at a field of this case. */
  public CaseFileException error(String fieldPath, String problem) {
    return new CaseFileException(file, lineOf(fieldPath), problem);
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
