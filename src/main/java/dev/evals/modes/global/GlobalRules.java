package dev.evals.modes.global;

import static dev.evals.modes.RuleFields.orEmpty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
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
   * case-sensitively after trimming, as Windmill's do. The case file writes both parts flat.
   *
   * @param where the filters that locate the draft
   * @param content what the located draft must hold
   */
  public record DraftRequirement(DraftLocator where, DraftContent content) {

    /** Binds the flat rule of the case file, so an unknown field stays an error. */
    @JsonCreator
    static DraftRequirement of(
        @JsonProperty("type") String type,
        @JsonProperty("path") String path,
        @JsonProperty("pathIncludes") List<String> pathIncludes,
        @JsonProperty("pathStartsWith") String pathStartsWith,
        @JsonProperty("triggerKind") String triggerKind,
        @JsonProperty("language") String language,
        @JsonProperty("summaryIncludes") List<String> summaryIncludes,
        @JsonProperty("valueIncludes") List<String> valueIncludes,
        @JsonProperty("valueExcludes") List<String> valueExcludes) {
      return new DraftRequirement(
          new DraftLocator(type, path, pathIncludes, pathStartsWith, triggerKind),
          new DraftContent(language, summaryIncludes, valueIncludes, valueExcludes));
    }

    boolean locates(Draft draft) {
      return where.locates(draft);
    }

    boolean contentMatches(Draft draft) {
      return content.matches(draft);
    }

    String label() {
      return where.label();
    }
  }

  /** The filters that pick a draft: its type, and its path exactly, by prefix or by snippets. */
  public record DraftLocator(
      String type,
      String path,
      List<String> pathIncludes,
      String pathStartsWith,
      String triggerKind) {
    public DraftLocator {
      if (type == null || type.isBlank()) {
        throw new IllegalArgumentException("'type' is required");
      }
      pathIncludes = orEmpty(pathIncludes);
    }

    boolean locates(Draft draft) {
      return draft.type().equals(type)
          && (path == null || draft.path().equals(path))
          && (pathStartsWith == null || draft.path().startsWith(pathStartsWith))
          && pathIncludes.stream().allMatch(snippet -> draft.path().contains(snippet.strip()))
          && (triggerKind == null || triggerKind.equals(draft.triggerKind()));
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

  /** What a located draft must hold: its language, and snippets of its summary and value. */
  public record DraftContent(
      String language,
      List<String> summaryIncludes,
      List<String> valueIncludes,
      List<String> valueExcludes) {
    public DraftContent {
      summaryIncludes = orEmpty(summaryIncludes);
      valueIncludes = orEmpty(valueIncludes);
      valueExcludes = orEmpty(valueExcludes);
    }

    boolean matches(Draft draft) {
      String value = draft.valueText().strip();
      String summary = draft.summary() == null ? "" : draft.summary().strip();
      return summaryIncludes.stream().allMatch(s -> summary.contains(s.strip()))
          && valueIncludes.stream().allMatch(s -> value.contains(s.strip()))
          && valueExcludes.stream().noneMatch(s -> value.contains(s.strip()));
    }
  }
}
