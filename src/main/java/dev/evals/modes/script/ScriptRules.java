package dev.evals.modes.script;

import static dev.evals.modes.RuleFields.orEmpty;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A script case's {@code validate} rules. Patterns are Java regular expressions, found anywhere in
 * the code ({@link java.util.regex.Matcher#find()}).
 *
 * @param language the one language the script must be written in
 * @param languageAnyOf languages the script may be written in
 * @param mainParams parameters the script must take, by name and optionally type
 * @param requiredImports text each of which must appear in an import, from or require line
 * @param forbiddenPatterns regexes the code must not match
 * @param requiredPatterns regexes the code must match
 */
public record ScriptRules(
    String language,
    List<String> languageAnyOf,
    List<ParamRule> mainParams,
    List<String> requiredImports,
    List<String> forbiddenPatterns,
    List<String> requiredPatterns) {

  /** Every rule name a script case may use. */
  public static final Set<String> NAMES =
      Set.of(
          "language",
          "languageAnyOf",
          "mainParams",
          "requiredImports",
          "forbiddenPatterns",
          "requiredPatterns");

  public static final ScriptRules NONE = new ScriptRules(null, null, null, null, null, null);

  public ScriptRules {
    languageAnyOf = orEmpty(languageAnyOf);
    mainParams = orEmpty(mainParams);
    requiredImports = orEmpty(requiredImports);
    forbiddenPatterns = orEmpty(forbiddenPatterns);
    requiredPatterns = orEmpty(requiredPatterns);
  }

  /** The languages the case accepts; empty when it accepts any. */
  public List<String> allowedLanguages() {
    return language == null ? languageAnyOf : List.of(language);
  }

  public List<Pattern> forbidden() {
    return forbiddenPatterns.stream().map(Pattern::compile).toList();
  }

  public List<Pattern> required() {
    return requiredPatterns.stream().map(Pattern::compile).toList();
  }

  /**
   * A parameter the script's {@code main} must take; written as a bare name or {@code {name,
   * type?}}. A type matches when the declared type contains it, ignoring case and spaces.
   */
  public record ParamRule(String name, String type) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ParamRule {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("'name' is required");
      }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ParamRule named(String name) {
      return new ParamRule(name, null);
    }
  }
}
