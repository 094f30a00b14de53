package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A tool mode's case with its fixtures read and its rules parsed. The base owns opening and
 * restoring sessions and the states shown to the judge; a mode supplies its session and its
 * reference solution.
 *
 * @param <I> the mode's initial fixture (its state, where the model edits the fixture itself)
 * @param <E> the mode's expected fixture
 * @param <T> the mode's session
 */
public abstract class DraftCase<
        I extends DraftState, E extends DraftState, T extends DraftSession<?>>
    implements PreparedCase {

  private final CaseDefinition definition;
  private final String systemPrompt;
  private final I initial;
  private final E expected;

  /**
   * @param initial the initial fixture, or null when the case starts empty
   * @param expected the expected solution, or null when the case has none
   */
  protected DraftCase(CaseDefinition definition, String systemPrompt, I initial, E expected) {
    this.definition = definition;
    this.systemPrompt = systemPrompt;
    this.initial = initial;
    this.expected = expected;
  }

  /** A fresh session given this prompt (the mode's, or the run's override). */
  protected abstract T newSession(String prompt, SessionContext context);

  /** The tool calls that build this expected state through the mode's tools. */
  protected abstract List<ToolCall> referenceCalls(E expected);

  /**
   * The session an earlier attempt's state is restored into; by default a fresh one. Global mode
   * seeds its datatables from what the attempt left.
   */
  protected T restoredSession(String prompt, SessionContext context, Path attemptFolder)
      throws IOException {
    return newSession(prompt, context);
  }

  /** What a restored session takes from the attempt's folder besides its state file. */
  protected void restoreMore(Path attemptFolder, T session) throws IOException {}

  @Override
  public final CaseDefinition definition() {
    return definition;
  }

  @Override
  public final Session openSession(SessionContext context) {
    return newSession(context.systemPrompt(systemPrompt), context);
  }

  /**
   * The state of the attempt's artifact file, when the model left one; a session that cannot be
   * restored is closed.
   */
  @Override
  public final Session restore(Path attemptFolder, SessionContext context) throws IOException {
    T session = restoredSession(context.systemPrompt(systemPrompt), context, attemptFolder);
    try {
      restoreMore(attemptFolder, session);
      session.restore(attemptFolder);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  @Override
  public final List<ToolCall> referenceSolution() {
    return expected == null ? List.of() : referenceCalls(expected);
  }

  @Override
  public JsonNode initialState() {
    return initial == null ? null : initial.toJson();
  }

  @Override
  public final JsonNode expectedState() {
    return expected == null ? null : expected.toJson();
  }

  /** The initial fixture, or null. */
  protected final I initial() {
    return initial;
  }

  /** The expected solution, or null. */
  protected final E expected() {
    return expected;
  }
}
