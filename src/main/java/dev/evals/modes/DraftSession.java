package dev.evals.modes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One attempt of a tool mode: the draft the model edits, from where it started to where the model
 * left it. The base owns the prompt, the tools, the artifact file and what "has an artifact" means;
 * a mode supplies its state file, its tools, its validators and the files written beside the state.
 * A state may be immutable (replaced by each edit) or edited in place: where it started is kept as
 * its JSON.
 *
 * @param <S> the mode's state
 */
public abstract class DraftSession<S extends DraftState> implements Session {

  private final String systemPrompt;
  private final JsonNode start;
  private final StateFile<S> stateFile;
  private S current;
  private List<Tool> tools;

  /**
   * @param systemPrompt the prompt given to the model
   * @param start the initial fixture, or the mode's empty state for a case that starts empty
   * @param stateFile the artifact file holding the state ({@code flow.json}), read back on rescore
   */
  protected DraftSession(String systemPrompt, S start, StateFile<S> stateFile) {
    this.systemPrompt = systemPrompt;
    this.stateFile = stateFile;
    this.current = start;
    this.start = start.toJson();
  }

  /** The mode's tools bound to this session; built once, on first use. */
  protected abstract List<Tool> createTools();

  /**
   * Whether the case asks for a change at all. One that does not (a question, a request to refuse)
   * is answered in words, so every finished attempt of it has an artifact. True by default.
   */
  protected boolean asksForAChange() {
    return true;
  }

  /**
   * Whether the attempt changed what the state does not hold (global mode's datatable rows). False
   * by default.
   */
  protected boolean changedBesideTheState() {
    return false;
  }

  /** Files written beside the state file (the script's code, deployments, ...). */
  protected void writeMoreArtifacts(ArtifactSink sink) throws IOException {}

  /**
   * The draft as it is seen from outside: the edited state plus what the mode keeps elsewhere (app
   * mode's datatables live in PostgreSQL). By default the edited state itself.
   */
  protected S observed(S edited) {
    return edited;
  }

  @Override
  public final String systemPrompt() {
    return systemPrompt;
  }

  @Override
  public final List<Tool> tools() {
    if (tools == null) {
      tools = List.copyOf(createTools());
    }
    return tools;
  }

  /**
   * Whether the draft differs from where the attempt started (see {@link Session}), or changed
   * beside it, or the case asks for no change.
   */
  @Override
  public final boolean hasArtifact() {
    return !asksForAChange() || changedBesideTheState() || !current().toJson().equals(start);
  }

  @Override
  public final JsonNode artifact() {
    return current().toJson();
  }

  @Override
  public final void writeArtifacts(ArtifactSink sink) throws IOException {
    sink.write(stateFile.name(), pretty(current().toJson()));
    writeMoreArtifacts(sink);
  }

  /** Takes the state an earlier attempt left in its folder, when it left one. */
  final void restore(Path attemptFolder) throws IOException {
    Path file = attemptFolder.resolve(stateFile.name());
    if (Files.isRegularFile(file)) {
      replace(stateFile.reader().apply(Mappers.json().readTree(file.toFile())));
    }
  }

  /** The draft as the model left it so far. */
  public final S current() {
    return observed(current);
  }

  /** Sets the draft, as a tool that edits it does. */
  public final void replace(S next) {
    current = next;
  }

  /** Indented JSON with a final newline, as every artifact file is written. */
  public static String pretty(JsonNode node) {
    try {
      return Mappers.json().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
