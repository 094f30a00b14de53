package dev.evals.modes.script;

import dev.evals.modes.script.MainSignature.Param;
import dev.evals.modes.script.ScriptRules.ParamRule;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks a case asks for in its {@code validate} block. */
final class RuleChecks {

  static final String LANGUAGE_ALLOWED = "language is allowed";
  static final String MAIN_PARAMS = "main has the required parameters";
  static final String IMPORTS = "required imports present";
  static final String FORBIDDEN = "no forbidden patterns";
  static final String REQUIRED = "required patterns present";

  private static final Pattern IMPORT_LINE =
      Pattern.compile(
          "(?m)^[ \\t]*(?:import\\b|from\\s+\\S+\\s+import\\b|export\\s.*\\bfrom\\b).*$"
              + "|^.*\\b(?:require|import)\\s*\\(.*$");
  private static final Pattern GO_IMPORT_BLOCK = Pattern.compile("(?s)\\bimport\\s*\\((.*?)\\)");

  private RuleChecks() {}

  static List<Check> check(ScriptState script, ScriptRules rules) {
    List<Check> checks = new ArrayList<>();
    List<String> allowed = rules.allowedLanguages();
    if (!allowed.isEmpty()) {
      checks.add(
          Check.of(
              LANGUAGE_ALLOWED,
              allowed.stream().anyMatch(name -> name.equalsIgnoreCase(script.language())),
              "the script is '"
                  + script.language()
                  + "'; the case accepts "
                  + String.join(", ", allowed)));
    }
    if (!rules.mainParams().isEmpty()) {
      checks.add(mainParams(script, rules.mainParams()));
    }
    if (!rules.requiredImports().isEmpty()) {
      checks.add(imports(script.content(), rules.requiredImports()));
    }
    if (!rules.forbiddenPatterns().isEmpty()) {
      List<String> found = matching(script.content(), rules.forbidden(), true);
      checks.add(Check.of(FORBIDDEN, found.isEmpty(), "forbidden pattern found: " + found));
    }
    if (!rules.requiredPatterns().isEmpty()) {
      List<String> missing = matching(script.content(), rules.required(), false);
      checks.add(Check.of(REQUIRED, missing.isEmpty(), "required pattern missing: " + missing));
    }
    return checks;
  }

  static Check mainParams(ScriptState script, List<ParamRule> required) {
    Optional<MainSignature> signature =
        script
            .knownLanguage()
            .flatMap(language -> EntryPoint.signature(script.content(), language));
    if (signature.isEmpty()) {
      return Check.fail(MAIN_PARAMS, "no main function to read parameters from");
    }
    List<String> problems = new ArrayList<>();
    for (ParamRule rule : required) {
      Optional<Param> param =
          signature.get().params().stream().filter(p -> p.name().equals(rule.name())).findFirst();
      if (param.isEmpty()) {
        problems.add("missing parameter '" + rule.name() + "'");
      } else if (rule.type() != null && !typeMatches(param.get().type(), rule.type())) {
        problems.add(
            "parameter '"
                + rule.name()
                + "' has type "
                + (param.get().type() == null ? "none" : "'" + param.get().type() + "'")
                + ", expected '"
                + rule.type()
                + "'");
      }
    }
    return Check.of(
        MAIN_PARAMS,
        problems.isEmpty(),
        String.join("; ", problems) + " (main takes " + signature.get().names() + ")");
  }

  static Check imports(String code, List<String> required) {
    StringBuilder importText = new StringBuilder();
    IMPORT_LINE.matcher(code).results().forEach(m -> importText.append(m.group()).append('\n'));
    GO_IMPORT_BLOCK.matcher(code).results().forEach(m -> importText.append(m.group(1)));
    List<String> missing =
        required.stream().filter(name -> !importText.toString().contains(name)).toList();
    return Check.of(IMPORTS, missing.isEmpty(), "no import of " + missing);
  }

  private static boolean typeMatches(String declared, String wanted) {
    return declared != null && normalized(declared).contains(normalized(wanted));
  }

  private static String normalized(String type) {
    return type.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static List<String> matching(String code, List<Pattern> patterns, boolean present) {
    return patterns.stream()
        .filter(pattern -> pattern.matcher(code).find() == present)
        .map(Pattern::pattern)
        .toList();
  }
}
