package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scripts and flows a case's workspace already holds, for the model to find and reuse.
 *
 * @param scripts workspace scripts
 * @param flows workspace flows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceCatalog(List<Script> scripts, List<Flow> flows) {

  public static final WorkspaceCatalog EMPTY = new WorkspaceCatalog(null, null);

  public WorkspaceCatalog {
    scripts = scripts == null ? List.of() : scripts.stream().filter(Objects::nonNull).toList();
    flows = flows == null ? List.of() : flows.stream().filter(Objects::nonNull).toList();
  }

  /** A workspace script; its path may carry a language extension ({@code f/x/add.ts}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Script(
      String path,
      String summary,
      String description,
      String language,
      JsonNode schema,
      String content)
      implements Entry {
    @Override
    public String kind() {
      return "script";
    }
  }

  /** A workspace flow, callable as a subflow. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Flow(
      String path, String summary, String description, JsonNode schema, JsonNode value)
      implements Entry {
    @Override
    public String kind() {
      return "flow";
    }
  }

  /** What scripts and flows have in common. */
  public sealed interface Entry permits Script, Flow {
    String path();

    String summary();

    String description();

    JsonNode schema();

    String kind();

    /** Whether a flow step's path names this runnable, with or without a file extension. */
    default boolean answersTo(String stepPath) {
      if (path() == null || stepPath == null) {
        return false;
      }
      return path().equals(stepPath) || withoutExtension(path()).equals(withoutExtension(stepPath));
    }
  }

  public boolean isEmpty() {
    return scripts.isEmpty() && flows.isEmpty();
  }

  public Optional<Script> script(String path) {
    return scripts.stream().filter(s -> s.answersTo(path)).findFirst();
  }

  public Optional<Flow> flow(String path) {
    return flows.stream().filter(f -> f.answersTo(path)).findFirst();
  }

  public Optional<Entry> entry(String path) {
    return all().filter(r -> r.answersTo(path)).findFirst();
  }

  /** Runnables whose path, summary or description contain every term of the query. */
  public List<Entry> search(String query) {
    List<String> terms =
        Stream.of(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty()).toList();
    List<Entry> found = new ArrayList<>();
    all()
        .filter(r -> terms.stream().allMatch(term -> haystack(r).contains(term)))
        .forEach(found::add);
    return found;
  }

  private Stream<Entry> all() {
    return Stream.concat(scripts.stream(), flows.stream());
  }

  private static String haystack(Entry entry) {
    return String.join(
                " ",
                Objects.requireNonNullElse(entry.path(), ""),
                Objects.requireNonNullElse(entry.summary(), ""),
                Objects.requireNonNullElse(entry.description(), ""))
            .toLowerCase(Locale.ROOT)
            .replace('_', ' ')
        + " "
        + Objects.requireNonNullElse(entry.path(), "").toLowerCase(Locale.ROOT);
  }

  private static String withoutExtension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }
}
