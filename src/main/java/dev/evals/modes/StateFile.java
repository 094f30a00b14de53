package dev.evals.modes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * The artifact file a tool mode's state is written to, and how it is read back when an attempt is
 * restored (rescore, resume).
 *
 * @param name the file's name in the attempt folder ({@code flow.json})
 * @param reader makes the state again from the file's JSON
 * @param <S> the mode's state
 */
public record StateFile<S extends DraftState>(String name, Function<JsonNode, S> reader) {
  public StateFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reader, "reader");
  }
}
