package dev.evals.modes.global;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.model.ToolCall;
import dev.evals.modes.Mutant;
import dev.evals.modes.script.CodeDefects;
import dev.evals.modes.script.ScriptLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Seeded defects of a global case's expected outcome, each played through the global tools: a draft
 * left out, written at another path, one extra draft, a script whose main is a stub or is missing,
 * a secret embedded in a resource, a draft deployed or an item deleted unasked, the datatable SQL
 * broken ({@link SqlMutants}), and (not structural) a number in a script one higher.
 */
final class GlobalMutants {

  private final InitialWorkspace initial;
  private final ExpectedOutcome expected;
  private final List<Mutant> mutants = new ArrayList<>();

  private GlobalMutants(InitialWorkspace initial, ExpectedOutcome expected) {
    this.initial = initial;
    this.expected = expected;
  }

  static List<Mutant> of(InitialWorkspace initial, ExpectedOutcome expected) {
    GlobalMutants found = new GlobalMutants(initial, expected);
    found.derive();
    return List.copyOf(found.mutants);
  }

  private void derive() {
    List<Draft> drafts = expected.drafts();
    for (int i = 0; i < drafts.size(); i++) {
      Draft draft = drafts.get(i);
      List<Draft> without = new ArrayList<>(drafts);
      without.remove(i);
      add(
          "missing-draft",
          true,
          "left out the " + draft.key() + " draft",
          "global includes " + draft.type() + " draft",
          without);
      String elsewhere = "f/misplaced/" + draft.path().substring(draft.path().lastIndexOf('/') + 1);
      add(
          "wrong-path",
          true,
          draft.key() + " written at " + elsewhere,
          "global includes " + draft.type() + " draft " + draft.path(),
          replaced(i, d -> moved(d, elsewhere)));
      scriptDefects(i, draft);
      if (draft.type().equals("resource") && draft.valueText().contains("$var:")) {
        add(
            "secret-embedded",
            true,
            draft.key() + " embeds its secret instead of a $var: reference",
            "value includes '$var:'",
            replaced(i, d -> d.withValue(embedded(d))));
      }
    }
    Draft extra =
        new Draft(
            "script",
            "f/misplaced/extra_helper",
            null,
            null,
            "bun",
            JsonNodeFactory.instance.textNode(
                "export async function main() {\n  return 'extra'\n}\n"));
    List<Draft> more = new ArrayList<>(drafts);
    more.add(extra);
    add("extra-draft", true, "an extra draft " + extra.key(), "global includes exactly", more);
    for (SqlMutants.Defect defect : SqlMutants.of(expected.lookups())) {
      ExpectedOutcome mutated =
          new ExpectedOutcome(defect.lookups(), expected.drafts(), expected.deployed());
      mutants.add(
          new Mutant(
              defect.defectClass(),
              true,
              defect.description(),
              "datatable query returns the expected rows",
              GlobalReference.of(initial, mutated)));
    }
    List<ToolCall> reference = GlobalReference.of(initial, expected);
    if (expected.deployed().isEmpty() && !drafts.isEmpty()) {
      mutants.add(
          new Mutant(
              "deployed-unasked",
              true,
              "deployed " + drafts.get(0).key() + " without being asked",
              "all global outputs are drafts",
              GlobalReference.extended(
                  reference, "deploy_workspace_item", GlobalReference.locator(drafts.get(0)))));
    }
    Optional<Draft> deletable = initial.deployed().stream().findFirst();
    deletable.ifPresent(
        item ->
            mutants.add(
                new Mutant(
                    "deleted-item",
                    true,
                    "deleted " + item.key(),
                    "all global outputs are drafts",
                    GlobalReference.extended(
                        reference, "delete_workspace_item", GlobalReference.locator(item)))));
  }

  private void scriptDefects(int index, Draft draft) {
    if (!draft.type().equals("script")) {
      return;
    }
    Optional<ScriptLanguage> language = ScriptLanguage.named(draft.language());
    if (language.isEmpty() || !language.get().needsMain()) {
      return;
    }
    String code = draft.valueText();
    code(
        index,
        "placeholder-code",
        true,
        "main of " + draft.path() + " made a stub",
        "has no placeholder code",
        CodeDefects.stubbed(code, language.get(), index));
    code(
        index,
        "missing-main",
        true,
        "main of " + draft.path() + " renamed",
        "exports entrypoint",
        CodeDefects.withoutMain(code, language.get()));
    code(
        index,
        "semantic",
        false,
        "a number in " + draft.path() + " one higher",
        "(judge)",
        CodeDefects.bumpedLiteral(code, language.get()));
  }

  private void code(
      int index,
      String defectClass,
      boolean structural,
      String description,
      String check,
      String code) {
    if (code == null) {
      return;
    }
    add(
        defectClass,
        structural,
        description,
        check,
        replaced(index, d -> d.withValue(JsonNodeFactory.instance.textNode(code))));
  }

  /** The item at another path; a request body (schedule, trigger, ...) names its path too. */
  private static Draft moved(Draft item, String path) {
    com.fasterxml.jackson.databind.JsonNode value = item.value().deepCopy();
    if (value instanceof ObjectNode body && body.has("path")) {
      body.put("path", path);
    }
    return new Draft(item.type(), path, item.triggerKind(), item.summary(), item.language(), value);
  }

  private static com.fasterxml.jackson.databind.JsonNode embedded(Draft resource) {
    String text = resource.value().toString().replaceAll("\\$var:[^\"]*", "pg-plaintext-password");
    try {
      return dev.evals.json.Mappers.json().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Draft> replaced(int index, UnaryOperator<Draft> change) {
    List<Draft> drafts = new ArrayList<>(expected.drafts());
    drafts.set(index, change.apply(drafts.get(index)));
    return drafts;
  }

  private void add(
      String defectClass,
      boolean structural,
      String description,
      String check,
      List<Draft> drafts) {
    ExpectedOutcome mutated = new ExpectedOutcome(expected.lookups(), drafts, expected.deployed());
    mutants.add(
        new Mutant(
            defectClass, structural, description, check, GlobalReference.of(initial, mutated)));
  }
}
