package dev.evals.modes.global;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.modes.global.GlobalRules.DraftRequirement;
import dev.evals.modes.script.ScriptCode;
import dev.evals.modes.script.ScriptLanguage;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The global mode's checks, with Windmill's names where Windmill has the check: drafts were left
 * when the case asks for them, nothing was deployed or deleted unless asked, every script and flow
 * step has a real {@code main}, and the case's {@code validate} rules, {@code datatableQuery} run
 * on the attempt's own databases as the attempt left them.
 */
final class GlobalValidator {

  private final GlobalRules rules;

  GlobalValidator(GlobalRules rules) {
    this.rules = rules;
  }

  /** See {@link GlobalRules#asksForAChange()}. */
  boolean asksForAChange() {
    return rules.asksForAChange();
  }

  List<Check> validate(SimulatedWorkspace workspace, AttemptDatatables datatables) {
    List<Draft> drafts = workspace.drafts();
    List<Check> checks = new ArrayList<>();
    if (rules.expectsDrafts()) {
      checks.add(Check.of("global produced at least one draft", !drafts.isEmpty(), "drafts=0"));
    }
    checks.add(untouchedWorkspace(workspace));
    drafts.forEach(draft -> checks.addAll(codeChecks(draft)));
    if (rules.draftCountAtLeast() != null) {
      checks.add(
          Check.of(
              "global includes at least " + rules.draftCountAtLeast() + " draft(s)",
              drafts.size() >= rules.draftCountAtLeast(),
              "drafts=" + drafts.size()));
    }
    if (rules.draftCountExactly() != null) {
      checks.add(
          Check.of(
              "global includes exactly " + rules.draftCountExactly() + " draft(s)",
              drafts.size() == rules.draftCountExactly(),
              "drafts=" + drafts.size() + "; " + listed(drafts)));
    }
    rules
        .requiredDrafts()
        .forEach(required -> checks.addAll(required(required, drafts, "includes")));
    for (DraftRequirement forbidden : rules.forbiddenDrafts()) {
      checks.add(
          Check.of(
              "global does not include " + forbidden.label(),
              find(drafts, forbidden).isEmpty(),
              listed(drafts)));
    }
    rules
        .requiredDeployed()
        .forEach(
            required -> checks.addAll(required(required, workspace.deployments(), "deployed")));
    rules.datatableQuery().forEach(query -> checks.add(query.check(datatables)));
    return checks;
  }

  private Check untouchedWorkspace(SimulatedWorkspace workspace) {
    List<String> changed =
        new ArrayList<>(workspace.deletions().stream().map(k -> "deleted " + k).toList());
    if (rules.requiredDeployed().isEmpty()) {
      workspace.deployments().forEach(item -> changed.add("deployed " + item.key()));
    }
    return Check.of(
        rules.requiredDeployed().isEmpty()
            ? "all global outputs are drafts"
            : "no workspace item was deleted",
        changed.isEmpty(),
        String.join(", ", changed));
  }

  private static List<Check> codeChecks(Draft draft) {
    List<Check> checks = new ArrayList<>();
    if (draft.type().equals("script")) {
      ScriptLanguage.named(draft.language())
          .ifPresent(
              language ->
                  checks.addAll(
                      mainChecks("script draft " + draft.path(), draft.valueText(), language)));
    } else if (draft.type().equals("flow")) {
      JsonNode modules = draft.value().path("value").path("modules");
      checks.add(
          Check.of(
              "flow draft " + draft.path() + " has steps",
              modules.isArray() && !modules.isEmpty(),
              "the flow has no modules"));
      for (JsonNode module : modules) {
        JsonNode value = module.path("value");
        if (value.path("type").asText().equals("rawscript")) {
          ScriptLanguage.named(value.path("language").asText())
              .ifPresent(
                  language ->
                      checks.addAll(
                          mainChecks(
                              "flow draft " + draft.path() + " step " + module.path("id").asText(),
                              value.path("content").asText(),
                              language)));
        }
      }
    }
    return checks;
  }

  private static List<Check> mainChecks(String subject, String code, ScriptLanguage language) {
    String missing = ScriptCode.missingEntryPoint(code, language);
    String stub =
        missing == null && language.needsMain() ? ScriptCode.stubbedMain(code, language) : null;
    return List.of(
        Check.of(subject + " exports entrypoint", missing == null, missing),
        Check.of(subject + " has no placeholder code", stub == null, stub));
  }

  private static List<Check> required(DraftRequirement required, List<Draft> items, String verb) {
    String label = required.label();
    Optional<Draft> found = find(items, required);
    List<Check> checks = new ArrayList<>();
    String name = verb.equals("includes") ? "global includes " + label : "global deployed " + label;
    checks.add(Check.of(name, found.isPresent(), listed(items)));
    if (found.isEmpty()) {
      return checks;
    }
    Draft draft = found.get();
    GlobalRules.DraftContent wanted = required.content();
    if (wanted.language() != null) {
      checks.add(
          Check.of(
              label + " uses " + wanted.language(),
              wanted.language().equals(draft.language()),
              "language=" + draft.language()));
    }
    String summary = draft.summary() == null ? "" : draft.summary().strip();
    for (String snippet : wanted.summaryIncludes()) {
      checks.add(
          Check.of(
              label + " summary includes '" + snippet + "'",
              summary.contains(snippet.strip()),
              "summary=" + summary));
    }
    String value = draft.valueText().strip();
    for (String snippet : wanted.valueIncludes()) {
      checks.add(
          Check.of(
              label + " value includes '" + snippet + "'",
              value.contains(snippet.strip()),
              excerpt(value)));
    }
    for (String snippet : wanted.valueExcludes()) {
      checks.add(
          Check.of(
              label + " value excludes '" + snippet + "'",
              !value.contains(snippet.strip()),
              excerpt(value)));
    }
    return checks;
  }

  /** The first item the rule locates whose content matches, else the first it locates. */
  static Optional<Draft> find(List<Draft> items, DraftRequirement requirement) {
    List<Draft> located = items.stream().filter(requirement::locates).toList();
    return located.stream()
        .filter(requirement::contentMatches)
        .findFirst()
        .or(() -> located.stream().findFirst());
  }

  private static String listed(List<Draft> items) {
    String keys = items.stream().map(Draft::key).collect(Collectors.joining(", "));
    return "drafts: " + (keys.isEmpty() ? "none" : keys);
  }

  private static String excerpt(String value) {
    String flat = value.replaceAll("\\s+", " ").strip();
    return flat.length() <= 500 ? flat : flat.substring(0, 497) + "...";
  }
}
