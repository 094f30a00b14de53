package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.cases.CaseRuntime;
import dev.evals.datatable.DatatableSeed;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppContextMessageTest {

  static final DatatableSeed SEED =
      DatatableSeed.parse(
          AppFixtures.json(
              "[{'datatable_name': 'main', 'schemas': {'public': {'todos': {'id': 'int4',"
                  + " 'done': 'bool=false'}}, 'analytics': {'events': {'at': 'timestamptz?'}}}}]"));

  static CaseRuntime.Mention table(String schema, String table) {
    return new CaseRuntime.Mention("datatable", null, null, "main", schema, table);
  }

  @Test
  void withoutMentionsTheMessageIsThePrompt() {
    assertThat(AppContextMessage.of("Add a button", List.of(), SEED)).isEqualTo("Add a button");
  }

  @Test
  void mentionsComeBeforeTheInstructionsAsWindmillsAppEditorWritesThem() {
    String message =
        AppContextMessage.of(
            "Show the events",
            List.of(
                new CaseRuntime.Mention("frontend", "/index.tsx", null, null, null, null),
                new CaseRuntime.Mention("backend", null, "increment", null, null, null),
                table("public", "todos"),
                table("analytics", "events")),
            SEED);
    assertThat(message)
        .isEqualTo(
            "## SELECTED CONTEXT:\n"
                + "\n### ADDITIONAL CONTEXT (mentioned by user):\n"
                + "\n- Frontend file: /index.tsx\n"
                + "\n- Backend runnable: increment\n"
                + "\n**Table: main/todos**\n"
                + "- **Datatable**: main\n- **Schema**: public\n- **Table**: todos\n"
                + "- **Columns** (column_name -> type):\n```json\n"
                + "{\n  \"id\": \"int4\",\n  \"done\": \"bool=false\"\n}\n```\n"
                + "\n**Table: main/analytics:events**\n"
                + "- **Datatable**: main\n- **Schema**: analytics\n- **Table**: events\n"
                + "- **Columns** (column_name -> type):\n```json\n"
                + "{\n  \"at\": \"timestamptz?\"\n}\n```\n"
                + "\n## INSTRUCTIONS:\nShow the events");
  }

  @Test
  void aMentionTheAppDoesNotHaveIsNamed() {
    AppState app = AppFixtures.counter();
    assertThat(AppContextMessage.unresolved(table("public", "todos"), app, SEED)).isEmpty();
    assertThat(AppContextMessage.unresolved(table("public", "nope"), app, SEED))
        .contains("runtime.appContext: no datatable table main/public.nope");
    assertThat(
            AppContextMessage.unresolved(
                new CaseRuntime.Mention("backend", null, "missing", null, null, null), app, SEED))
        .contains("runtime.appContext: no backend runnable missing");
  }
}
