package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.agent.Tool;
import dev.evals.datatable.DatatableSeed;
import dev.evals.datatable.DatatableServer;
import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppDatatablesTest {

  @Test
  void theAppsSqlRunsOnTheAttemptsOwnDatabaseAndShowsInTheApp() throws Exception {
    AppState app = AppFixtures.counter();
    DatatableSeed seed = DatatableSeed.parse(app.datatables());
    try (AppSession session =
        new AppSession(
            "prompt",
            app,
            new AppValidator(AppRules.NONE, app),
            DatatableServer.shared().attempt(seed),
            prompt -> prompt)) {
      List<Tool> tools = session.tools();
      Tool exec =
          tools.stream()
              .filter(t -> t.name().equals("exec_datatable_sql"))
              .findFirst()
              .orElseThrow();
      assertThat(
              exec.call(
                      AppFixtures.json(
                          "{'datatable_name': 'main', 'sql': 'CREATE TABLE public.notes (body text)',"
                              + " 'new_table': {'schema': 'public', 'name': 'notes'}}"))
                  .isError())
          .isFalse();
      assertThat(session.current().datatables().toString())
          .contains("\"notes\":{\"body\":\"text?\"}");
      assertThat(session.artifact().path("datatables").toString()).contains("notes");
    }
  }

  @Test
  void aLaterSessionOfTheSameAppSeesOnlyItsSeedNotAnEarlierSessionsTable() throws Exception {
    AppState app = AppFixtures.counter();
    DatatableSeed seed = DatatableSeed.parse(app.datatables());
    AppSession first = session(app, seed);
    assertThat(exec(first, "CREATE TABLE public.notes (body text)")).isFalse();
    assertThat(exec(first, "SELECT * FROM public.notes")).isFalse();

    try (AppSession whileOpen = session(app, seed)) {
      assertThat(exec(whileOpen, "SELECT * FROM public.notes")).isTrue();
      assertThat(whileOpen.current().datatables().toString()).doesNotContain("notes");
    }
    first.close();
    try (AppSession after = session(app, seed)) {
      assertThat(exec(after, "SELECT * FROM public.notes")).isTrue();
    }
  }

  @Test
  void aDatatableQueryRuleSeesTheRowsTheAttemptsSqlLeft() throws Exception {
    AppState app = AppFixtures.counter();
    DatatableSeed seed = DatatableSeed.parse(app.datatables());
    AppRules rules =
        Mappers.json()
            .readValue(
                AppFixtures.json(
                        "{'datatableQuery': [{'sql': 'SELECT body FROM public.notes',"
                            + " 'expectRows': [{'body': 'ship it'}]}]}")
                    .toString(),
                AppRules.class);
    try (AppSession session =
        new AppSession(
            "prompt",
            app,
            new AppValidator(rules, app),
            DatatableServer.shared().attempt(seed),
            prompt -> prompt)) {
      assertThat(exec(session, "CREATE TABLE public.notes (body text)")).isFalse();
      assertThat(queryCheck(session).passed()).as("the table is still empty").isFalse();

      assertThat(exec(session, "INSERT INTO public.notes VALUES ($$ship it$$)")).isFalse();
      assertThat(queryCheck(session).passed()).isTrue();
    }
  }

  private static Check queryCheck(AppSession session) {
    return session.validate().stream()
        .filter(check -> check.name().startsWith("datatable main query returns the expected rows"))
        .findFirst()
        .orElseThrow();
  }

  private static AppSession session(AppState app, DatatableSeed seed) {
    return new AppSession(
        "prompt",
        app,
        new AppValidator(AppRules.NONE, app),
        DatatableServer.shared().attempt(seed),
        prompt -> prompt);
  }

  /** Whether the SQL failed. */
  private static boolean exec(AppSession session, String sql) throws Exception {
    Tool exec =
        session.tools().stream()
            .filter(t -> t.name().equals("exec_datatable_sql"))
            .findFirst()
            .orElseThrow();
    return exec.call(AppFixtures.json("{'datatable_name': 'main', 'sql': '" + sql + "'}"))
        .isError();
  }
}
