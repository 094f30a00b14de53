package dev.evals.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evals.agent.Tool;
import dev.evals.agent.ToolReply;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.Fixtures;
import dev.evals.json.Mappers;
import dev.evals.model.ToolCall;
import dev.evals.model.ToolSpec;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.Mode;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tiny mode for pipeline tests: the model writes a note with {@code write_note}; the rule {@code
 * mustContain} checks its text; the expected fixture is {@code {"text": "..."}}.
 */
public final class NoteMode implements Mode {

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public Set<String> validateRuleNames() {
    return Set.of("mustContain");
  }

  @Override
  public PreparedCase prepare(CaseDefinition definition, Fixtures fixtures) {
    JsonNode expected =
        definition.expected() == null
            ? null
            : fixtures.readTree(definition, "expected", definition.expected());
    JsonNode rule = definition.validate().get("mustContain");
    if (rule != null && !rule.isTextual()) {
      throw definition.error("validate.mustContain", "mustContain must be a string");
    }
    return new Prepared(definition, expected, rule == null ? null : rule.asText());
  }

  private record Prepared(CaseDefinition definition, JsonNode expected, String mustContain)
      implements PreparedCase {

    @Override
    public Session openSession(SessionContext context) {
      return new NoteSession(mustContain);
    }

    /** The note the attempt wrote to {@code note.json}, if it wrote one. */
    @Override
    public Session restore(Path attemptFolder, SessionContext context) throws IOException {
      NoteSession session = new NoteSession(mustContain);
      Path note = attemptFolder.resolve("note.json");
      if (Files.isRegularFile(note)) {
        session.notes.add(Mappers.json().readTree(note.toFile()).get("text").asText());
      }
      return session;
    }

    @Override
    public List<ToolCall> referenceSolution() {
      if (expected == null) {
        return List.of();
      }
      return List.of(new ToolCall("ref-1", "write_note", expected.toString()));
    }

    @Override
    public boolean referenceIsComplete() {
      return expected != null;
    }

    @Override
    public JsonNode initialState() {
      return null;
    }

    @Override
    public JsonNode expectedState() {
      return expected;
    }
  }

  private static final class NoteSession implements Session {
    private final String mustContain;
    private final List<String> notes = new ArrayList<>();

    NoteSession(String mustContain) {
      this.mustContain = mustContain;
    }

    @Override
    public String systemPrompt() {
      return "Write a note.";
    }

    @Override
    public List<Tool> tools() {
      return List.of(
          new Tool() {
            @Override
            public ToolSpec spec() {
              JsonNode schema =
                  Mappers.json()
                      .createObjectNode()
                      .put("type", "object")
                      .set(
                          "properties",
                          Mappers.json()
                              .createObjectNode()
                              .set(
                                  "text", Mappers.json().createObjectNode().put("type", "string")));
              ((com.fasterxml.jackson.databind.node.ObjectNode) schema)
                  .putArray("required")
                  .add("text");
              return new ToolSpec("write_note", "Writes the note.", schema);
            }

            @Override
            public ToolReply call(JsonNode arguments) {
              notes.add(arguments.get("text").asText());
              return ToolReply.ok("ok");
            }
          });
    }

    @Override
    public boolean hasArtifact() {
      return !notes.isEmpty();
    }

    @Override
    public List<Check> validate() {
      String text = notes.get(notes.size() - 1);
      List<Check> checks = new ArrayList<>();
      checks.add(Check.of("note is not empty", !text.isBlank(), "the note is empty"));
      if (mustContain != null) {
        checks.add(
            Check.of(
                "note contains '" + mustContain + "'",
                text.contains(mustContain),
                "missing '" + mustContain + "'"));
      }
      return checks;
    }

    @Override
    public JsonNode artifact() {
      return JsonNodeFactory.instance.objectNode().put("text", notes.get(notes.size() - 1));
    }

    @Override
    public void writeArtifacts(ArtifactSink sink) throws IOException {
      sink.write("note.json", artifact().toPrettyString());
    }
  }
}
