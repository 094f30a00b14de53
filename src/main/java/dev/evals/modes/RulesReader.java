package dev.evals.modes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.cases.BindingProblem;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;

/** Binds a case's {@code validate} block to a mode's rules type, pointing errors at the field. */
public final class RulesReader {

  private RulesReader() {}

  /**
   * The case's rules, or {@code none} when its {@code validate} block is empty; a rule that does
   * not bind is a {@link dev.evals.cases.CaseFileException} naming {@code validate.<field>}.
   */
  public static <R> R read(CaseDefinition definition, Class<R> type, R none) {
    ObjectNode validate = definition.validate();
    if (validate.isEmpty()) {
      return none;
    }
    try {
      return Mappers.json().treeToValue(validate, type);
    } catch (JsonMappingException e) {
      String field = BindingProblem.fieldPath("validate", e);
      throw definition.error(field, "invalid rule " + field + ": " + BindingProblem.describe(e));
    } catch (JsonProcessingException e) {
      throw definition.error("validate", "invalid validate rules: " + e.getOriginalMessage());
    }
  }
}
