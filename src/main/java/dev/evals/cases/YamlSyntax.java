package dev.evals.cases;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns a YAML parser failure into a one-line case-file error at the offending line. */
final class YamlSyntax {

  /** Jackson's wording under STRICT_DUPLICATE_DETECTION. */
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private YamlSyntax() {}

  static CaseFileException error(String file, JacksonException failure) {
    if (failure.getCause() instanceof MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
      return new CaseFileException(
          file,
          marked.getProblemMark().getLine() + 1,
          "YAML syntax error: " + context + oneLine(marked.getProblem()));
    }
    int line = failure.getLocation() == null ? 0 : failure.getLocation().getLineNr();
    Matcher duplicate = DUPLICATE.matcher(oneLine(failure.getOriginalMessage()));
    if (duplicate.matches()) {
      return new CaseFileException(
          file,
          line,
          "duplicate key '" + duplicate.group(1) + "' (a key may appear once per mapping)");
    }
    return new CaseFileException(
        file, line, "YAML syntax error: " + oneLine(failure.getOriginalMessage()));
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
