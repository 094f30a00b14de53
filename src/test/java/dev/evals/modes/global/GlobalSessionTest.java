package dev.evals.modes.global;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.agent.ToolReply;
import dev.evals.cases.CaseDefinition;
import dev.evals.cases.CaseLoader;
import dev.evals.cases.Fixtures;
import dev.evals.json.Mappers;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.SessionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What "has an artifact" means for a global attempt, live and restored from its folder. */
class GlobalSessionTest {

  private static final GlobalMode MODE = new GlobalMode();

  @TempDir Path folder;

  @Test
  void anUntouchedCaseThatAsksForADraftHasNoArtifact() {
    try (Session session = open("global-edit-existing-script")) {
      assertThat(session.hasArtifact()).isFalse();
    }
  }

  @Test
  void aWrittenDraftIsAnArtifact() {
    try (Session session = open("global-create-greeting-script")) {
      call(
          session,
          "write_script",
          """
          {"path": "f/evals/greet_user", "language": "bun",
           "content": "export async function main(name: string) { return `Hi ${name}` }"}
          """);

      assertThat(session.hasArtifact()).isTrue();
    }
  }

  @Test
  void aQuestionIsAnsweredInWordsSoItAlwaysHasAnArtifact() {
    try (Session session = open("global-docs-question")) {
      assertThat(session.hasArtifact()).isTrue();
    }
  }

  @Test
  void rowsChangedBySqlAreAnArtifactAndStaySoWhenRestored() throws IOException {
    PreparedCase prepared = prepare("global-datatable-update-one-row");
    try (Session session = prepared.openSession(SessionContext.DEFAULT)) {
      assertThat(session.hasArtifact()).isFalse();
      call(
          session,
          "exec_datatable_sql",
          """
          {"datatable_name": "main", "sql": "UPDATE public.invoices SET paid = true WHERE id = 2"}
          """);

      assertThat(session.hasArtifact()).isTrue();
      session.writeArtifacts(this::write);
    }
    try (Session restored = prepared.restore(folder, SessionContext.DEFAULT)) {
      assertThat(restored.hasArtifact()).isTrue();
    }
  }

  @Test
  void anAttemptThatLeftNoFilesIsRestoredWithoutAnArtifact() throws IOException {
    PreparedCase prepared = prepare("global-datatable-update-one-row");

    try (Session restored = prepared.restore(folder, SessionContext.DEFAULT)) {
      assertThat(restored.hasArtifact()).isFalse();
    }
  }

  @Test
  void aRestoredDraftIsTheArtifactItWas() throws IOException {
    PreparedCase prepared = prepare("global-create-greeting-script");
    String written;
    try (Session session = prepared.openSession(SessionContext.DEFAULT)) {
      call(
          session,
          "write_script",
          """
          {"path": "f/evals/greet_user", "language": "bun",
           "content": "export async function main(name: string) { return `Hi ${name}` }"}
          """);
      session.writeArtifacts(this::write);
      written = session.artifact().toString();
    }

    try (Session restored = prepared.restore(folder, SessionContext.DEFAULT)) {
      assertThat(restored.hasArtifact()).isTrue();
      assertThat(restored.artifact().toString()).isEqualTo(written);
    }
  }

  private Session open(String caseId) {
    return prepare(caseId).openSession(SessionContext.DEFAULT);
  }

  private static PreparedCase prepare(String caseId) {
    CaseDefinition definition =
        new CaseLoader(Path.of(""))
            .load(MODE.name(), MODE.validateRuleNames()).stream()
                .filter(candidate -> candidate.id().equals(caseId))
                .findFirst()
                .orElseThrow();
    return MODE.prepare(definition, new Fixtures(Path.of("")));
  }

  private void write(String path, String content) throws IOException {
    Files.writeString(folder.resolve(path), content);
  }

  private static void call(Session session, String tool, String arguments) {
    try {
      ToolReply reply =
          session.tools().stream()
              .filter(candidate -> candidate.name().equals(tool))
              .findFirst()
              .orElseThrow()
              .call(Mappers.json().readTree(arguments));
      assertThat(reply.isError()).as(reply.content()).isFalse();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
