package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.JOB;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.TOKEN;
import static dev.evals.backend.WindmillStubs.addScriptSeed;
import static dev.evals.backend.WindmillStubs.json;
import static dev.evals.backend.WindmillStubs.resultMaybe;
import static dev.evals.backend.WindmillStubs.scriptRequest;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.config.Secrets;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.ScriptPreview;
import dev.evals.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WindmillPreviewerTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final WindmillStubs stubs = new WindmillStubs(wm);
  private final MutableClock clock = new MutableClock();
  private final ClockSleeper sleeper = new ClockSleeper(clock);
  private final List<String> notices = new ArrayList<>();
  private final String ws = WorkspaceName.isolated("ai-evals", "Add two numbers!", new Random(7));

  private WindmillPreviewer previewer(String... urls) {
    List<String> baseUrls = urls.length == 0 ? List.of(wm.baseUrl()) : List.of(urls);
    BackendSettings settings =
        new BackendSettings(
            baseUrls, "admin@windmill.dev", PASSWORD, null, false, "ai-evals", null);
    return new WindmillPreviewer(
        settings, new Secrets(List.of()), clock, sleeper, new Random(7), notices::add);
  }

  @Test
  void previewsAScriptInAFreshWorkspaceAndDeletesItAfterwards() {
    stubs.happyScript(ws);

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of(addScriptSeed())));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.result()).isEqualTo(json("{\"sum\": 5}"));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/workspaces/create"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(equalToJson("{\"id\": \"" + ws + "\", \"name\": \"" + ws + "\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/folders/create"))
            .withRequestBody(equalToJson("{\"name\": \"evals\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/scripts/create"))
            .withRequestBody(matchingJsonPath("$.path", equalTo("f/evals/add")))
            .withRequestBody(matchingJsonPath("$.description", equalTo("adds [seeded by evals]")))
            .withRequestBody(matchingJsonPath("$.language", equalTo("bun"))));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/jobs/run/preview"))
            .withRequestBody(matchingJsonPath("$.language", equalTo("bun")))
            .withRequestBody(matchingJsonPath("$.args", equalToJson("{\"a\": 2, \"b\": 3}"))));
    wm.verify(deleteRequestedFor(urlEqualTo("/api/workspaces/delete/" + ws)));
    assertThat(ws).matches("ai-evals-add-two-numbers-[0-9a-f]{8}");
  }

  @Test
  void writesAReportOfEverythingThePreviewDid() {
    stubs.happyScript(ws);

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of(addScriptSeed())));

    assertThat(outcome.report().path("mode").asText()).isEqualTo("isolated");
    assertThat(outcome.report().path("workspace").asText()).isEqualTo(ws);
    assertThat(outcome.report().path("baseUrl").asText()).isEqualTo(wm.baseUrl());
    assertThat(outcome.report().path("kind").asText()).isEqualTo("script");
    assertThat(outcome.report().path("jobId").asText()).isEqualTo(JOB);
    assertThat(outcome.report().path("success").asBoolean()).isTrue();
    assertThat(outcome.report().path("logs").asText()).contains("sum is 5");
    assertThat(outcome.report().path("argsSource").asText()).isEqualTo("case");
    assertThat(outcome.report().path("seeded"))
        .isEqualTo(
            json(
                "[{\"kind\": \"script\", \"path\": \"f/evals/add\", \"action\": \"created\","
                    + " \"hash\": \"1234567890\"}]"));
    assertThat(outcome.report().path("cleanup"))
        .isEqualTo(json("[{\"step\": \"delete workspace " + ws + "\", \"ok\": true}]"));
  }

  @Test
  void previewsAFlowAfterSeedingTheScriptsAndFlowsItUses() {
    stubs.happyScript(ws);
    stubs.flowCreates(ws);
    PreviewRequest request =
        new FlowPreview(
            json("{\"modules\": [{\"id\": \"a\", \"value\": {\"type\": \"script\"}}]}"),
            new PreviewJob(
                "flow-case",
                json("{\"n\": 1}"),
                "artifact",
                List.of(addScriptSeed()),
                List.of(
                    json("{\"path\": \"f/evals/inner\", \"summary\": \"Inner\", \"value\": {}}")),
                null,
                null));
    String flowWs = WorkspaceName.isolated("ai-evals", "flow-case", new Random(7));
    stubs.happyScript(flowWs);
    stubs.flowCreates(flowWs);

    PreviewOutcome outcome = previewer().preview(request);

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + flowWs + "/flows/create"))
            .withRequestBody(matchingJsonPath("$.path", equalTo("f/evals/inner")))
            .withRequestBody(matchingJsonPath("$.description", equalTo("[seeded by evals]"))));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + flowWs + "/jobs/run/preview_flow"))
            .withRequestBody(matchingJsonPath("$.value.modules[0].id", equalTo("a")))
            .withRequestBody(matchingJsonPath("$.args", equalToJson("{\"n\": 1}"))));
    assertThat(outcome.report().path("seeded")).hasSize(2);
  }

  @Test
  void pollsWithGrowingPausesUntilTheJobCompletes() {
    stubs.happyScript(ws);
    String state = Scenario.STARTED;
    for (int i = 1; i <= 5; i++) {
      wm.stubFor(
          get(urlPathEqualTo(resultMaybe(ws)))
              .inScenario("poll")
              .whenScenarioStateIs(state)
              .willReturn(okJson("{\"completed\": false, \"result\": null, \"started\": true}"))
              .willSetStateTo("poll " + i));
      state = "poll " + i;
    }
    wm.stubFor(
        get(urlPathEqualTo(resultMaybe(ws)))
            .inScenario("poll")
            .whenScenarioStateIs(state)
            .willReturn(okJson("{\"completed\": true, \"result\": 7, \"success\": true}")));

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of()));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.result().asInt()).isEqualTo(7);
    assertThat(sleeper.waits())
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
  }

  @Test
  void reportsAFailedJobAsAModelFailureWithItsErrorMessage() {
    stubs.happyScript(ws);
    stubs.jobCompletes(
        ws,
        false,
        "{\"error\": {\"name\": \"TypeError\", \"message\": \"a is not a number\"}}",
        "TypeError: a is not a number\n");

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of()));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isFalse();
    assertThat(outcome.error()).isEqualTo("TypeError: a is not a number");
    assertThat(outcome.report().path("success").asBoolean()).isFalse();
  }

  @Test
  void cancelsAJobThatOutlivesItsTimeoutAndBlamesTheCode() {
    stubs.happyScript(ws);
    wm.stubFor(
        get(urlPathEqualTo(resultMaybe(ws)))
            .willReturn(okJson("{\"completed\": false, \"result\": null, \"started\": true}")));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/jobs_u/queue/cancel/" + JOB))
            .willReturn(text(200, "job canceled")));
    ScriptPreview script = scriptRequest(List.of());
    PreviewRequest request =
        new ScriptPreview(
            script.language(),
            script.content(),
            new PreviewJob(script.caseId(), script.args(), "case", 5));

    PreviewOutcome outcome = previewer().preview(request);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isFalse();
    assertThat(outcome.error()).contains("did not finish within 5 s", "cancelled");
    assertThat(outcome.report().path("timedOut").asBoolean()).isTrue();
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/jobs_u/queue/cancel/" + JOB))
            .withRequestBody(matchingJsonPath("$.reason")));
    assertThat(sleeper.waits().stream().mapToLong(Duration::toMillis).sum())
        .isBetween(5_000L, 7_000L);
    wm.verify(deleteRequestedFor(urlEqualTo("/api/workspaces/delete/" + ws)));
  }

  @Test
  void treatsServerErrorsAsInfrastructureFailures() {
    stubs.happyScript(ws);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/jobs/run/preview"))
            .willReturn(text(500, "Internal: database is down")));

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of()));

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("HTTP 500", "database is down");
    wm.verify(deleteRequestedFor(urlEqualTo("/api/workspaces/delete/" + ws)));
  }

  @Test
  void treatsAnUnreachableServerAsAnInfrastructureFailure() {
    PreviewOutcome outcome = previewer("http://127.0.0.1:1").preview(scriptRequest(List.of()));

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("cannot reach Windmill at http://127.0.0.1:1");
  }

  @Test
  void blamesTheModelWhenWindmillRejectsWhatItBuilt() {
    stubs.happyScript(ws);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/jobs/run/preview"))
            .willReturn(text(400, "Bad request: unknown language: bunny")));

    PreviewOutcome outcome = previewer().preview(scriptRequest(List.of()));

    assertThat(outcome.infrastructureFailed()).isFalse();
    assertThat(outcome.error()).contains("Windmill rejected the preview", "unknown language");
  }
}
