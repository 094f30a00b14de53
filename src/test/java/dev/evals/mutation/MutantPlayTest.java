package dev.evals.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.Tool;
import dev.evals.cases.CaseDefinition;
import dev.evals.model.ToolCall;
import dev.evals.modes.ArtifactSink;
import dev.evals.modes.Mutant;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import dev.evals.modes.catalog.Modes;
import dev.evals.suite.SuiteCases;
import dev.evals.validate.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plays of one case in one process, as {@code evals mutate} makes them: each starts from the case's
 * seed, whatever an earlier play wrote, and its datatable rules run on its own database.
 */
class MutantPlayTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private static PreparedCase globalCase(String id) {
    return SuiteCases.prepare(PROJECT, Modes.builtIn().get("global"), List.of(id)).get(0);
  }

  private static List<ToolCall> withoutSql(List<ToolCall> calls, String statement) {
    return calls.stream().filter(call -> !call.arguments().contains(statement)).toList();
  }

  private static List<String> failedNames(List<Check> checks) {
    return MutantPlay.failed(checks).stream().map(Check::name).toList();
  }

  @Test
  void aPlayWithoutTheInsertAfterTheControlFailsTheDatatableQuery() {
    PreparedCase prepared = globalCase("global-datatable-create-insert-query");
    List<ToolCall> reference = prepared.referenceSolution();

    List<Check> control = MutantPlay.checks(prepared, reference);
    List<Check> noInsert = MutantPlay.checks(prepared, withoutSql(reference, "INSERT INTO"));

    assertThat(MutantPlay.failed(control)).isEmpty();
    assertThat(control).anySatisfy(c -> assertThat(c.name()).startsWith("datatable main query"));
    assertThat(failedNames(noInsert))
        .singleElement()
        .satisfies(name -> assertThat(name).startsWith("datatable main query"));
  }

  /**
   * A defect that still changes the datatables fails the case's query on them; one that leaves them
   * as they started (the one UPDATE left out) leaves nothing to score, as an untouched attempt.
   */
  @Test
  void everySqlDefectOfTheShippedSuiteFailsItsDatatableQueryOrLeavesNoAnswer() {
    List<String> classes = new ArrayList<>();
    for (PreparedCase prepared :
        SuiteCases.prepare(PROJECT, Modes.builtIn().get("global"), List.of())) {
      for (Mutant mutant : prepared.mutants()) {
        if (mutant.defectClass().contains("sql")) {
          classes.add(mutant.defectClass());
          assertThat(failedNames(MutantPlay.checks(prepared, mutant.calls())))
              .as(prepared.definition().id() + ": " + mutant.description())
              .anySatisfy(
                  name ->
                      assertThat(name).matches("datatable main query.*|" + MutantPlay.ANSWERED));
        }
      }
    }

    assertThat(classes).contains("missing-sql", "unscoped-sql", "wrong-sql-value");
  }

  @Test
  void aSecondControlSeesOnlyTheSeedNotTheFirstControlsRows() {
    PreparedCase prepared = globalCase("global-datatable-create-insert-query");
    List<ToolCall> reference = prepared.referenceSolution();

    List<Check> first = MutantPlay.checks(prepared, reference);
    List<Check> second = MutantPlay.checks(prepared, reference);

    // A second CREATE TABLE on a database holding the first play's table would fail, and its
    // INSERT would leave two refunds where the query expects one.
    assertThat(MutantPlay.failed(first)).isEmpty();
    assertThat(MutantPlay.failed(second)).isEmpty();
  }

  @Test
  void anUpdateWithoutItsWhereFailsTheDatatableQuery() {
    PreparedCase prepared = globalCase("global-datatable-update-one-row");
    List<ToolCall> reference = prepared.referenceSolution();
    List<ToolCall> unscoped =
        reference.stream()
            .map(
                call ->
                    new ToolCall(
                        call.id(),
                        call.name(),
                        call.arguments().replace(" WHERE id = 2", ""),
                        call.signature()))
            .toList();

    assertThat(MutantPlay.failed(MutantPlay.checks(prepared, reference))).isEmpty();
    assertThat(failedNames(MutantPlay.checks(prepared, unscoped)))
        .anySatisfy(name -> assertThat(name).startsWith("datatable main query"));
  }

  @Test
  void everyPlayClosesTheSessionItOpenedWhenItEnds() {
    PreparedCase prepared = globalCase("global-datatable-create-insert-query");
    List<Boolean> closed = new ArrayList<>();
    PreparedCase watched = new ClosingWatched(prepared, closed);

    MutantPlay.checks(watched, prepared.referenceSolution());
    MutantPlay.checks(watched, List.of());

    assertThat(closed).containsExactly(true, true);
  }

  /** The case, with every session it opens telling {@code closed} when it is closed. */
  private record ClosingWatched(PreparedCase prepared, List<Boolean> closed)
      implements PreparedCase {
    @Override
    public CaseDefinition definition() {
      return prepared.definition();
    }

    @Override
    public Session openSession(SessionContext context) {
      Session session = prepared.openSession(context);
      return new Session() {
        @Override
        public String systemPrompt() {
          return session.systemPrompt();
        }

        @Override
        public List<Tool> tools() {
          return session.tools();
        }

        @Override
        public boolean hasArtifact() {
          return session.hasArtifact();
        }

        @Override
        public List<Check> validate() {
          return session.validate();
        }

        @Override
        public JsonNode artifact() {
          return session.artifact();
        }

        @Override
        public void writeArtifacts(ArtifactSink sink) throws IOException {
          session.writeArtifacts(sink);
        }

        @Override
        public void close() {
          session.close();
          closed.add(true);
        }
      };
    }

    @Override
    public List<ToolCall> referenceSolution() {
      return prepared.referenceSolution();
    }

    @Override
    public boolean referenceIsComplete() {
      return true;
    }

    @Override
    public JsonNode initialState() {
      return prepared.initialState();
    }

    @Override
    public JsonNode expectedState() {
      return prepared.expectedState();
    }
  }
}
