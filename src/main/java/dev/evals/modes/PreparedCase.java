package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A case with its fixtures and rules parsed, shared by all its attempts. */
public interface PreparedCase {

  CaseDefinition definition();

  /** A fresh state for one attempt. */
  Session openSession(SessionContext context);

  /**
   * The final state of an attempt rebuilt from the files its session wrote to the attempt folder
   * (and its {@code transcript.json}), for rescoring without the model. When the model produced no
   * artifact the folder has none, and the session says so through {@link Session#hasArtifact()}.
   *
   * @param attemptFolder the earlier attempt's folder
   * @param context the run's system prompt override; backend preview is not used
   * @throws IOException when an artifact file cannot be read
   */
  default Session restore(Path attemptFolder, SessionContext context) throws IOException {
    throw new UnsupportedOperationException(
        "case "
            + definition().id()
            + ": this mode cannot rebuild a session from saved artifacts, so it cannot be"
            + " rescored");
  }

  /**
   * The tool calls that rebuild the expected solution through the mode's own tools, as the
   * reference model plays them; empty when the case has no {@code expected} fixture.
   */
  List<ToolCall> referenceSolution();

  /**
   * Whether the reference model has a solution to replay; without one its attempt is recorded as
   * {@code no_reference}. By default: whether there are reference tool calls.
   */
  default boolean hasReference() {
    return !referenceSolution().isEmpty();
  }

  /**
   * Whether the expected fixture is a complete solution; an imported case may ship a skeleton,
   * which the reference self-check reports as an incomplete reference instead of a failure.
   */
  boolean referenceIsComplete();

  /**
   * Tools the reference model never calls, whatever the case expects: what they would create (a
   * schedule, an HTTP route) is described in the prompt, not in any fixture. A reference attempt
   * failing only on expectations about them is an incomplete reference.
   */
  default Set<String> toolsTheReferenceCannotCall() {
    return Set.of();
  }

  /**
   * Seeded defects of the expected solution, each with the tool calls that build it; empty when the
   * case has no expected solution or its mode does not derive defects ({@link Mode#mutates()}).
   */
  default List<Mutant> mutants() {
    return List.of();
  }

  /** The starting state shown to the judge, or null when the case starts empty. */
  JsonNode initialState();

  /** The expected state shown to the judge, or null when there is none. */
  JsonNode expectedState();
}
