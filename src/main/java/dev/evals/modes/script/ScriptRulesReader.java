package dev.evals.modes.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.modes.RulesReader;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses a script case's {@code validate} block, pointing errors at the field. */
final class ScriptRulesReader {

  private ScriptRulesReader() {}

  static ScriptRules read(CaseDefinition definition) {
    ScriptRules rules = RulesReader.read(definition, ScriptRules.class, ScriptRules.NONE);
    if (rules == ScriptRules.NONE) {
      return rules;
    }
    ObjectNode validate = definition.validate();
    checkLanguage(definition, "validate.language", validate.get("language"));
    JsonNode anyOf = validate.path("languageAnyOf");
    for (int i = 0; i < anyOf.size(); i++) {
      checkLanguage(definition, "validate.languageAnyOf[" + i + "]", anyOf.get(i));
    }
    if (rules.language() != null && !rules.languageAnyOf().isEmpty()) {
      throw definition.error(
          "validate.languageAnyOf", "use either validate.language or validate.languageAnyOf");
    }
    checkPatterns(definition, "forbiddenPatterns");
    checkPatterns(definition, "requiredPatterns");
    return rules;
  }

  private static void checkLanguage(CaseDefinition definition, String field, JsonNode name) {
    if (name != null && ScriptLanguage.named(name.asText()).isEmpty()) {
      throw definition.error(
          field,
          "invalid rule "
              + field
              + ": unknown language '"
              + name.asText()
              + "'; languages: "
              + String.join(", ", ScriptLanguage.names()));
    }
  }

  private static void checkPatterns(CaseDefinition definition, String rule) {
    JsonNode patterns = definition.validate().path(rule);
    for (int i = 0; i < patterns.size(); i++) {
      String field = "validate." + rule + "[" + i + "]";
      try {
        Pattern.compile(patterns.get(i).asText());
      } catch (PatternSyntaxException e) {
        throw definition.error(
            field,
            "invalid rule "
                + field
                + ": not a regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex());
      }
    }
  }
}
