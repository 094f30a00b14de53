package dev.evals.modes.global;

import static dev.evals.modes.RuleFields.orEmpty;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.evals.datatable.DatatableQuery;
import java.util.List;
import java.util.Set;

/**
 * A global case's {@code validate} rules, named as in Windmill's {@code GlobalValidationSpec}, plus
 * {@code requiredDeployed} for the cases that ask for a deployment and {@code datatableQuery}, SQL
 * run on the attempt's datatable after it ends with the rows it must return.
 */
public record GlobalRules(
    Integer draftCountExactly,
    Integer draftCountAtLeast,
    List<DraftRequirement> requiredDrafts,
    List<DraftRequirement> forbiddenDrafts,
    List<DraftRequirement> requiredDeployed,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<DatatableQuery> datatableQuery) {

  /** Every rule name a global case may use. */
  public static final Set<String> NAMES =
      Set.of(
          "draftCountExactly",
          "draftCountAtLeast",
          "requiredDrafts",
          "forbiddenDrafts",
          "requiredDeployed",
          "datatableQuery");

  public static final GlobalRules NONE = new GlobalRules(null, null, null, null, null, null);

  public GlobalRules {
    if (draftCountExactly != null && draftCountExactly < 0
        || draftCountAtLeast != null && draftCountAtLeast < 0) {
      throw new IllegalArgumentException("draft counts must not be negative");
    }
    requiredDrafts = orEmpty(requiredDrafts);
    forbiddenDrafts = orEmpty(forbiddenDrafts);
    requiredDeployed = orEmpty(requiredDeployed);
    datatableQuery = orEmpty(datatableQuery);
  }

  /** Whether the case expects the assistant to leave drafts, as Windmill decides it. */
  boolean expectsDrafts() {
    return !requiredDrafts.isEmpty()
        || draftCountAtLeast != null && draftCountAtLeast > 0
        || draftCountExactly != null && draftCountExactly > 0;
  }

  /**
   * Whether the case asks for a change of the workspace or its datatables: drafts, a deployment, or
   * rows its {@code datatableQuery} must find. A case that asks none is a question, answered in
   * words.
   */
  boolean asksForAChange() {
    return expectsDrafts() || !requiredDeployed.isEmpty() || !datatableQuery.isEmpty();
  }

  /**
   * Which draft a rule is about (type and path filters) and what it must hold. Snippets match
   * case-sensitively after trimming, as Windmill's do.
   */
  public record DraftRequirement(
      String type,
      String path,
      List<String> pathIncludes,
      String pathStartsWith,
      String triggerKind,
      String language,
      List<String> summaryIncludes,
      List<String> valueIncludes,
      List<String> valueExcludes) {
    public DraftRequirement {
      if (type == null || type.isBlank()) {
        throw new IllegalArgumentException("'type' is required");
      }
      pathIncludes = orEmpty(pathIncludes);
      summaryIncludes = orEmpty(summaryIncludes);
      valueIncludes = orEmpty(valueIncludes);
      valueExcludes = orEmpty(valueExcludes);
    }

    boolean locates(Draft draft) {
      return draft.type().equals(type)
          && (path == null || draft.path().equals(path))
          && (pathStartsWith == null || draft.path().startsWith(pathStartsWith))
          && pathIncludes.stream().allMatch(snippet -> draft.path().contains(snippet.strip()))
          && (triggerKind == null || triggerKind.equals(draft.triggerKind()));
    }

    boolean contentMatches(Draft draft) {
      String value = draft.valueText().strip();
      String summary = draft.summary() == null ? "" : draft.summary().strip();
      return summaryIncludes.stream().allMatch(s -> summary.contains(s.strip()))
          && valueIncludes.stream().allMatch(s -> value.contains(s.strip()))
          && valueExcludes.stream().noneMatch(s -> value.contains(s.strip()));
    }

    /** {@code script draft f/x}, {@code http trigger draft (path includes y)}. */
    String label() {
      String typeLabel = triggerKind == null ? type : triggerKind + " " + type;
      if (path != null) {
        return typeLabel + " draft " + path;
      }
      List<String> filters =
          new java.util.ArrayList<>(
              pathStartsWith == null ? List.of() : List.of("path starts with " + pathStartsWith));
      pathIncludes.forEach(snippet -> filters.add("path includes " + snippet));
      return filters.isEmpty()
          ? typeLabel + " draft"
          : typeLabel + " draft (" + String.join(", ", filters) + ")";
    }
  }
}
