package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.json;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.config.Secrets;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlowDeploymentTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String SHARED = "team-sandbox";
  private static final String FLOW = "f/evals/daily_report";
  private static final String SCHEDULE =
      "{\"path\": \"f/evals/every_morning\", \"schedule\": \"0 30 7 * * *\","
          + " \"timezone\": \"Europe/Paris\", \"script_path\": \""
          + FLOW
          + "\","
          + " \"is_flow\": true, \"args\": {\"team\": \"ops\"}, \"enabled\": true}";
  private static final String TRIGGER =
      "{\"path\": \"f/evals/report_hook\", \"route_path\": \"reports/daily\","
          + " \"http_method\": \"post\", \"authentication_method\": \"none\","
          + " \"script_path\": \""
          + FLOW
          + "\", \"is_flow\": true}";

  private final WindmillStubs stubs = new WindmillStubs(wm);
  private final MutableClock clock = new MutableClock();
  private final String isolated = WorkspaceName.isolated("ai-evals", "daily-report", new Random(7));

  @Test
  void createsTheFlowAtItsPathThenItsScheduleAndTriggerBeforeTheJob() {
    happyFlow(isolated);
    stubs.workspace(isolated);

    PreviewOutcome outcome = previewer(null).preview(request());

    assertThat(outcome.succeeded()).isTrue();
    String base = "/api/w/" + isolated;
    wm.verify(
        postRequestedFor(urlEqualTo(base + "/flows/create"))
            .withRequestBody(
                equalToJson(
                    "{\"path\": \""
                        + FLOW
                        + "\", \"summary\": \"\","
                        + " \"description\": \"[seeded by evals]\","
                        + " \"value\": {\"modules\": []}, \"schema\": {\"$schema\":"
                        + " \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                        + " \"properties\": {}, \"required\": []}}")));
    wm.verify(
        postRequestedFor(urlEqualTo(base + "/schedules/create"))
            .withRequestBody(
                equalToJson(
                    "{\"path\": \"f/evals/every_morning\", \"schedule\": \"0 30 7 * * *\","
                        + " \"timezone\": \"Europe/Paris\", \"script_path\": \""
                        + FLOW
                        + "\","
                        + " \"is_flow\": true, \"args\": {\"team\": \"ops\"}, \"enabled\": false,"
                        + " \"summary\": \"[seeded by evals]\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(base + "/http_triggers/create"))
            .withRequestBody(
                equalToJson(
                    "{\"path\": \"f/evals/report_hook\", \"route_path\": \"reports/daily\","
                        + " \"http_method\": \"post\", \"authentication_method\": \"none\","
                        + " \"script_path\": \""
                        + FLOW
                        + "\", \"is_flow\": true,"
                        + " \"is_async\": false, \"is_static_website\": false,"
                        + " \"workspaced_route\": true,"
                        + " \"description\": \"[seeded by evals]\"}")));
    assertThat(outcome.report().path("seeded"))
        .isEqualTo(
            json(
                "[{\"kind\": \"flow\", \"path\": \""
                    + FLOW
                    + "\", \"action\": \"created\"},"
                    + " {\"kind\": \"schedule\", \"path\": \"f/evals/every_morning\","
                    + " \"action\": \"created\"}, {\"kind\": \"http_trigger\","
                    + " \"path\": \"f/evals/report_hook\", \"action\": \"created\"}]"));
    wm.verify(deleteRequestedFor(urlEqualTo("/api/workspaces/delete/" + isolated)));
    wm.verify(0, deleteRequestedFor(urlPathMatching(base + "/(schedules|http_triggers)/.*")));
  }

  @Test
  void aRejectedCronIsTheModelsFailureWithWindmillsMessage() {
    happyFlow(isolated);
    stubs.workspace(isolated);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + isolated + "/schedules/create"))
            .willReturn(
                text(400, "Bad request: cron: Invalid pattern: 0 30 7 * * * * * is not valid")));

    PreviewOutcome outcome = previewer(null).preview(request());

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isFalse();
    assertThat(outcome.error())
        .isEqualTo(
            "Windmill rejected the schedule f/evals/every_morning: HTTP 400: Bad request: cron:"
                + " Invalid pattern: 0 30 7 * * * * * is not valid");
    wm.verify(0, postRequestedFor(urlPathMatching(".*/jobs/run/preview_flow")));
    wm.verify(0, postRequestedFor(urlPathMatching(".*/http_triggers/create")));
    wm.verify(deleteRequestedFor(urlEqualTo("/api/workspaces/delete/" + isolated)));
  }

  @Test
  void aServerErrorCreatingATriggerIsInfrastructure() {
    happyFlow(isolated);
    stubs.workspace(isolated);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + isolated + "/http_triggers/create"))
            .willReturn(text(500, "Internal: error communicating with database")));

    PreviewOutcome outcome = previewer(null).preview(request());

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("HTTP 500");
  }

  @Test
  void aSharedWorkspaceLosesTheScheduleAndTriggerAfterwardsAndOnlyMarkedLeftovers() {
    happyFlow(SHARED);
    String base = "/api/w/" + SHARED;
    wm.stubFor(get(urlPathEqualTo(base + "/scripts/list")).willReturn(okJson("[]")));
    wm.stubFor(get(urlPathEqualTo(base + "/flows/list")).willReturn(okJson("[]")));
    wm.stubFor(
        get(urlPathEqualTo(base + "/schedules/list"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/stale\", \"summary\": \"[seeded by evals]\"},"
                        + " {\"path\": \"f/ops/nightly\", \"summary\": \"Nightly backup\"}]")));
    wm.stubFor(
        get(urlPathEqualTo(base + "/http_triggers/list"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/stale_hook\", \"description\": \"[seeded by evals]\"},"
                        + " {\"path\": \"f/ops/github\", \"description\": null}]")));
    wm.stubFor(
        delete(urlPathMatching(base + "/schedules/delete/.*"))
            .willReturn(text(200, "Schedule deleted")));
    wm.stubFor(
        delete(urlPathMatching(base + "/http_triggers/delete/.*"))
            .willReturn(text(200, "HTTP route deleted")));
    wm.stubFor(
        delete(urlPathMatching(base + "/flows/delete/.*")).willReturn(text(200, "flow deleted")));
    wm.stubFor(
        get(urlEqualTo(base + "/flows/get/" + FLOW))
            .willReturn(
                okJson("{\"path\": \"" + FLOW + "\", \"description\": \"[seeded by evals]\"}")));
    wm.stubFor(
        get(urlEqualTo(base + "/schedules/get/f/evals/every_morning"))
            .willReturn(
                okJson(
                    "{\"path\": \"f/evals/every_morning\", \"summary\": \"[seeded by evals]\"}")));
    wm.stubFor(
        get(urlEqualTo(base + "/http_triggers/get/f/evals/report_hook"))
            .willReturn(
                okJson(
                    "{\"path\": \"f/evals/report_hook\", \"description\": \"[seeded by evals]\"}")));

    PreviewOutcome outcome = previewer(SHARED).preview(request());

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(deleteRequestedFor(urlEqualTo(base + "/schedules/delete/f/evals/every_morning")));
    wm.verify(deleteRequestedFor(urlEqualTo(base + "/http_triggers/delete/f/evals/report_hook")));
    wm.verify(deleteRequestedFor(urlEqualTo(base + "/flows/delete/" + FLOW)));
    wm.verify(deleteRequestedFor(urlEqualTo(base + "/schedules/delete/f/evals/stale")));
    wm.verify(deleteRequestedFor(urlEqualTo(base + "/http_triggers/delete/f/evals/stale_hook")));
    wm.verify(0, deleteRequestedFor(urlEqualTo(base + "/schedules/delete/f/ops/nightly")));
    wm.verify(0, deleteRequestedFor(urlEqualTo(base + "/http_triggers/delete/f/ops/github")));
    wm.verify(0, deleteRequestedFor(urlPathMatching("/api/workspaces/delete/.*")));
  }

  @Test
  void aFlowPathHoldingAFlowItSeededIsUpdatedInPlace() {
    happyFlow(isolated);
    stubs.workspace(isolated);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + isolated + "/flows/create"))
            .willReturn(text(400, "Bad request: Flow " + FLOW + " already exists")));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + isolated + "/flows/get/" + FLOW))
            .willReturn(
                okJson("{\"path\": \"" + FLOW + "\", \"description\": \"[seeded by evals]\"}")));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + isolated + "/flows/update/" + FLOW))
            .willReturn(text(200, FLOW)));

    PreviewOutcome outcome = previewer(null).preview(request());

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.report().path("seeded").get(0).path("action").asText()).isEqualTo("updated");
  }

  private void happyFlow(String ws) {
    stubs.login();
    stubs.flowCreates(ws);
    stubs.previewStarts(ws);
    stubs.jobCompletes(ws, true, "{\"sent\": true}", "job started\n");
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/folders/create"))
            .willReturn(text(200, "Created folder evals")));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/schedules/create"))
            .willReturn(text(200, "f/evals/every_morning")));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/http_triggers/create"))
            .willReturn(text(201, "f/evals/report_hook")));
  }

  private WindmillPreviewer previewer(String sharedWorkspace) {
    BackendSettings settings =
        new BackendSettings(
            List.of(wm.baseUrl()),
            "admin@windmill.dev",
            PASSWORD,
            sharedWorkspace,
            false,
            "ai-evals",
            null);
    return new WindmillPreviewer(
        settings,
        new Secrets(List.of()),
        clock,
        new ClockSleeper(clock),
        new Random(7),
        notice -> {});
  }

  private static PreviewRequest request() {
    return new FlowPreview(
            json("{\"modules\": []}"),
            new PreviewJob(
                "daily-report",
                json("{\"team\": \"ops\"}"),
                "case",
                List.of(),
                List.of(),
                null,
                null))
        .withDeployments(FLOW, List.of(json(SCHEDULE)), List.of(json(TRIGGER)));
  }
}
