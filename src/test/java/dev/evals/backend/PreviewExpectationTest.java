package dev.evals.backend;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.json;
import static dev.evals.backend.WindmillStubs.scriptRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.cases.PreviewExpect;
import dev.evals.config.Secrets;
import dev.evals.modes.PreviewOutcome;
import dev.evals.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A preview job that succeeds is checked against the case's expected result. */
class PreviewExpectationTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final WindmillStubs stubs = new WindmillStubs(wm);
  private final MutableClock clock = new MutableClock();
  private final String ws = WorkspaceName.isolated("ai-evals", "Add two numbers!", new Random(7));

  @Test
  void passesAJobThatReturnsTheExpectedResult() {
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, true, "{\"sum\": 5.0}", "sum is 5\n");

    PreviewOutcome outcome = preview(new PreviewExpect(json("{\"sum\": 5}"), null));

    assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
    assertThat(outcome.report().at("/expect/result")).isEqualTo(json("{\"sum\": 5}"));
  }

  @Test
  void failsAJobThatSucceedsWithTheWrongAnswerNamingExpectedAndActual() {
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, true, "{\"sum\": 6}", "sum is 6\n");

    PreviewOutcome outcome = preview(new PreviewExpect(json("{\"sum\": 5}"), null));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isFalse();
    assertThat(outcome.error())
        .isEqualTo(
            "the job succeeded with the wrong result: expected result {\"sum\":5},"
                + " got {\"sum\":6}");
    assertThat(outcome.report().path("error").asText()).contains("wrong result");
    assertThat(outcome.report().path("result")).isEqualTo(json("{\"sum\": 6}"));
  }

  @Test
  void acceptsAResultThatContainsTheExpectedPart() {
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, true, "{\"greeting\": \"Hello, Ada!\", \"n\": 1}", "");

    PreviewOutcome outcome = preview(new PreviewExpect(null, json("\"Hello, Ada\"")));

    assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
  }

  @Test
  void excerptsALongWrongResult() {
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, true, "\"" + "x".repeat(5_000) + "\"", "");

    PreviewOutcome outcome = preview(new PreviewExpect(null, json("{\"sum\": 5}")));

    assertThat(outcome.error())
        .startsWith("the job succeeded with the wrong result: expected a result containing")
        .contains("... (5002 characters)");
    assertThat(outcome.error().length()).isLessThan(500);
  }

  @Test
  void comparesTheWholeResultNotTheReportsExcerpt() {
    String huge = "y".repeat(Excerpts.RESULT_LIMIT + 1_000);
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, true, "{\"text\": \"" + huge + "\"}", "");

    PreviewOutcome outcome = preview(new PreviewExpect(json("{\"text\": \"" + huge + "\"}"), null));

    assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
    assertThat(outcome.report().path("result").asText()).contains("truncated by evals");
  }

  @Test
  void leavesAFailedJobsErrorAlone() {
    stubs.happyScript(ws);
    stubs.jobCompletes(ws, false, "{\"error\": {\"message\": \"boom\"}}", "");

    PreviewOutcome outcome = preview(new PreviewExpect(json("{\"sum\": 5}"), null));

    assertThat(outcome.error()).isEqualTo("boom");
  }

  private PreviewOutcome preview(PreviewExpect expect) {
    BackendSettings settings =
        new BackendSettings(
            List.of(wm.baseUrl()), "admin@windmill.dev", PASSWORD, null, false, "ai-evals", null);
    WindmillPreviewer previewer =
        new WindmillPreviewer(
            settings,
            new Secrets(List.of()),
            clock,
            new ClockSleeper(clock),
            new Random(7),
            notice -> {});
    return previewer.preview(scriptRequest(List.of()).withExpect(expect));
  }
}
