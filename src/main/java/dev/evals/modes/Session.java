package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.validate.Check;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The mutable state of one attempt: the tools the model uses and what they built. Closed when the
 * attempt has been scored, which frees what the attempt held (its datatable databases).
 */
public interface Session extends AutoCloseable {

  /** The system prompt given to the model under test. */
  String systemPrompt();

  /**
   * The first user message: the case's prompt, with whatever the mode's editor adds around it (app
   * mode: the items of {@code runtime.appContext}, as Windmill's app editor gives them).
   */
  default String userMessage(String instructions) {
    return instructions;
  }

  /** The mode's tools, bound to this session's state. */
  List<Tool> tools();

  /**
   * Whether the model produced something that can be scored: its state differs from where the
   * attempt started (the initial fixture, or the mode's empty state). An attempt that leaves a
   * modify case untouched has no artifact, so it is neither validated nor judged nor previewed, and
   * fails {@code run succeeded}. Tool modes get this from {@link DraftSession} (where a case that
   * asks for no change, a global question, is answered in words and so always has one); cli mode
   * counts a changed workspace or a final answer.
   */
  boolean hasArtifact();

  /** The mode's deterministic checks on the final state (tool expectations are separate). */
  List<Check> validate();

  /** The final state, as shown to the judge and written to the artifacts. */
  JsonNode artifact();

  /** Writes the artifact files ({@code flow.json}, {@code script.json} and the script, ...). */
  void writeArtifacts(ArtifactSink sink) throws IOException;

  /**
   * The backend preview of the final artifact, when this case has one (a script, or a flow whose
   * case defines {@code runtime.backendPreview}); empty otherwise.
   */
  default Optional<PreviewRequest> previewRequest() {
    return Optional.empty();
  }

  /** Frees what the attempt held; a failure here is a cleanup problem, not the attempt's. */
  @Override
  default void close() {}
}
