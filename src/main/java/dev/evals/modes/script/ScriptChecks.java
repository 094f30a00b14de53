package dev.evals.modes.script;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks every script gets, whatever the case: language, entry point, syntax, no stubs. */
final class ScriptChecks {

  static final String LANGUAGE_KNOWN = "language is a Windmill language";
  static final String ENTRY_POINT = "main entry point";
  static final String SYNTAX = "brackets and strings balance";
  static final String NO_PLACEHOLDERS = "no placeholder code";

  private static final List<Pattern> PLACEHOLDERS =
      List.of(
          Pattern.compile("(?im)^[ \\t]*(?://|#|--)[ \\t]*(?:TODO|FIXME)\\b.*$"),
          Pattern.compile("(?i)your (?:code|logic|implementation) here"),
          Pattern.compile("(?i)not[ _]?implemented(?:error)?"),
          Pattern.compile("(?m)^[ \\t]*(?://|#|--)?[ \\t]*(?:\\.\\.\\.|…)[ \\t]*$"),
          Pattern.compile("export\\s+(?:async\\s+)?function\\s+main\\s*\\([^)]*\\)[^{]*\\{\\s*}"),
          Pattern.compile(
              "(?s)def main\\(.*?\\)[^\\n]*:\\s*\\n[ \\t]+pass[ \\t]*(?:\\n(?![ \\t])|\\z)"),
          Pattern.compile("func main\\([^)]*\\)[^{]*\\{\\s*}"));

  private ScriptChecks() {}

  static List<Check> check(ScriptState script) {
    List<Check> checks = new ArrayList<>();
    ScriptLanguage language = script.knownLanguage().orElse(null);
    checks.add(
        Check.of(
            LANGUAGE_KNOWN,
            language != null,
            "'"
                + script.language()
                + "' is not a Windmill language; use one of: "
                + String.join(", ", ScriptLanguage.names())));
    if (language != null) {
      checks.add(entryPoint(script.content(), language));
      checks.add(syntax(script.content(), language));
    }
    String placeholder = placeholder(script.content());
    if (placeholder == null && language != null) {
      placeholder = ScriptCode.stubbedMain(script.content(), language);
    }
    checks.add(Check.of(NO_PLACEHOLDERS, placeholder == null, placeholder));
    return checks;
  }

  static Check entryPoint(String code, ScriptLanguage language) {
    if (!language.needsMain()) {
      return new Check(
          ENTRY_POINT,
          true,
          language.windmillName()
              + " scripts need no main: "
              + (language == ScriptLanguage.BASH
                  ? "arguments are positional ($1, $2, ...)"
                  : language == ScriptLanguage.POSTGRESQL
                      ? "arguments are $1, $2, ... with optional '-- $1 name' comments"
                      : language.family() == ScriptLanguage.Family.SQL
                          ? "arguments are declared in comments such as '-- ? name (type)'"
                          : "arguments come from the param(...) block"));
    }
    String missing = EntryPoint.missing(code, language);
    return Check.of(ENTRY_POINT, missing == null, missing);
  }

  static Check syntax(String code, ScriptLanguage language) {
    if (!SyntaxBalance.covers(language.family())) {
      return new Check(SYNTAX, true, "not checked for " + language.windmillName());
    }
    List<String> problems = SyntaxBalance.problems(code, language.family());
    return Check.of(SYNTAX, problems.isEmpty(), String.join("; ", problems));
  }

  /** What looks like a stub left in the code, with its line; null when there is none. */
  static String placeholder(String code) {
    if (code.isBlank()) {
      return "the script is empty";
    }
    for (Pattern pattern : PLACEHOLDERS) {
      Matcher matcher = pattern.matcher(code);
      if (matcher.find()) {
        int line = (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
        return "placeholder at line "
            + (line + 1)
            + ": '"
            + matcher.group().strip().replaceAll("\\s+", " ")
            + "'";
      }
    }
    return null;
  }
}
