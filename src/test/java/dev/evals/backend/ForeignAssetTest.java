package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
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
import dev.evals.modes.ScriptPreview;
import dev.evals.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's own script or flow at a path a case seeds or deploys, in a shared workspace: it is
 * neither updated nor deleted, and the preview is an execution error that says how to resolve it.
 */
class ForeignAssetTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String WS = "team-sandbox";
  private static final String BASE = "/api/w/" + WS;
  private static final String FLOW = "f/evals/daily-report";

  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void sharedWorkspaceHoldingAColleaguesScriptAndFlow() {
    WindmillStubs stubs = new WindmillStubs(wm);
    stubs.happyScript(WS);
    stubs.flowCreates(WS);
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/scripts/list"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/add\", \"hash\": \"77\","
                        + " \"description\": \"written by a colleague\"}]")));
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/scripts/list"))
            .withQueryParam("show_archived", equalTo("true"))
            .willReturn(okJson("[]")));
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/flows/list"))
            .willReturn(
                okJson("[{\"path\": \"" + FLOW + "\", \"description\": \"the team's report\"}]")));
    wm.stubFor(get(urlPathEqualTo(BASE + "/schedules/list")).willReturn(okJson("[]")));
    wm.stubFor(get(urlPathEqualTo(BASE + "/http_triggers/list")).willReturn(okJson("[]")));
    wm.stubFor(
        post(urlEqualTo(BASE + "/scripts/create"))
            .willReturn(
                text(400, "Bad request: Path conflict for f/evals/add with non-archived hash 77")));
    wm.stubFor(
        get(urlEqualTo(BASE + "/scripts/get/p/f/evals/add"))
            .willReturn(
                okJson(
                    "{\"path\": \"f/evals/add\", \"hash\": \"77\","
                        + " \"description\": \"written by a colleague\"}")));
    wm.stubFor(
        post(urlEqualTo(BASE + "/flows/create"))
            .willReturn(text(400, "Bad request: Flow " + FLOW + " already exists")));
    wm.stubFor(
        get(urlEqualTo(BASE + "/flows/get/" + FLOW))
            .willReturn(
                okJson("{\"path\": \"" + FLOW + "\", \"description\": \"the team's report\"}")));
    wm.stubFor(post(urlPathMatching(BASE + "/.*/update/.*")).willReturn(text(200, "updated")));
    wm.stubFor(post(urlPathMatching(BASE + "/scripts/delete/.*")).willReturn(okJson("\"ok\"")));
    wm.stubFor(delete(urlPathMatching(BASE + "/.*")).willReturn(text(200, "deleted")));
    wm.stubFor(
        post(urlEqualTo(BASE + "/http_triggers/create")).willReturn(text(201, "f/evals/hook")));
    wm.stubFor(
        get(urlEqualTo(BASE + "/http_triggers/get/f/evals/hook"))
            .willReturn(
                okJson("{\"path\": \"f/evals/hook\", \"description\": \"[seeded by evals]\"}")));
  }

  @Test
  void neverOverwritesOrDeletesAUsersScriptAtASeededPath() {
    PreviewOutcome outcome =
        previewer()
            .preview(
                WindmillStubs.scriptRequest(
                    List.of(json("{\"path\": \"f/evals/add.ts\", \"language\": \"bun\"}"))));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error())
        .contains(
            "script f/evals/add",
            "workspace " + WS,
            "[seeded by evals]",
            "WMILL_AI_EVAL_BACKEND_WORKSPACE",
            "WMILL_AI_EVAL_WORKSPACE_PREFIX");
    wm.verify(1, postRequestedFor(urlEqualTo(BASE + "/scripts/create")));
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/scripts/delete/.*")));
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/jobs/run/.*")));
    assertThat(outcome.report().path("seeded")).isEmpty();
    assertThat(outcome.report().path("error").asText()).isEqualTo(outcome.error());
  }

  @Test
  void neverSeedsWhereDeletingTheSeedWouldTakeAUsersArchivedScriptWithIt() {
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/scripts/list"))
            .withQueryParam("path_exact", equalTo("f/evals/sum"))
            .withQueryParam("show_archived", equalTo("true"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/sum\", \"hash\": \"5\", \"archived\": true,"
                        + " \"description\": \"Ann's first try\"}]")));

    PreviewOutcome outcome =
        previewer()
            .preview(
                WindmillStubs.scriptRequest(
                    List.of(json("{\"path\": \"f/evals/sum.ts\", \"language\": \"bun\"}"))));

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("archived script f/evals/sum", "workspace " + WS);
    wm.verify(0, postRequestedFor(urlEqualTo(BASE + "/scripts/create")));
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/scripts/delete/.*")));
  }

  @Test
  void neverOverwritesOrDeletesAUsersFlowWhereACaseDeploysItsFlow() {
    PreviewOutcome outcome = previewer().preview(deployingFlow());

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error())
        .contains("flow " + FLOW, "workspace " + WS, "WMILL_AI_EVAL_WORKSPACE_PREFIX");
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/flows/update/.*")));
    wm.verify(0, anyRequestedFor(urlMatching(BASE + "/flows/delete/.*")));
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/(schedules|http_triggers)/create")));
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/jobs/run/.*")));
  }

  @Test
  void neverOverwritesAUsersFlowAtTheSeededPathOfACatalogFlow() {
    PreviewOutcome outcome =
        previewer()
            .preview(
                new ScriptPreview(
                    "bun",
                    "export function main() {}",
                    new PreviewJob(
                        "c",
                        null,
                        "case",
                        List.of(),
                        List.of(json("{\"path\": \"" + FLOW + "\", \"value\": {}}")),
                        null,
                        null)));

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("flow " + FLOW);
    wm.verify(0, postRequestedFor(urlMatching(BASE + "/flows/update/.*")));
    wm.verify(0, deleteRequestedFor(urlMatching(BASE + "/flows/delete/.*")));
  }

  @Test
  void leavesASeededAssetThatLostItsMarkerWhenCleaningUp() {
    wm.stubFor(post(urlEqualTo(BASE + "/flows/create")).willReturn(text(201, FLOW)));
    wm.stubFor(
        get(urlEqualTo(BASE + "/flows/get/" + FLOW))
            .willReturn(
                okJson("{\"path\": \"" + FLOW + "\", \"description\": \"mine now, said Ann\"}")));

    PreviewOutcome outcome = previewer().preview(deployingFlow());

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(0, deleteRequestedFor(urlMatching(BASE + "/flows/delete/.*")));
    assertThat(outcome.report().path("cleanup").toString())
        .contains("delete flow " + FLOW, "\"ok\":false", "no longer ends in [seeded by evals]");
  }

  private static PreviewRequest deployingFlow() {
    return new FlowPreview(
            json("{\"modules\": []}"),
            new PreviewJob("daily-report", null, "case", List.of(), List.of(), null, null))
        .withDeployments(
            FLOW,
            List.of(),
            List.of(
                json(
                    "{\"path\": \"f/evals/hook\", \"route_path\": \"r\", \"http_method\": \"post\","
                        + " \"script_path\": \""
                        + FLOW
                        + "\", \"is_flow\": true}")));
  }

  private WindmillPreviewer previewer() {
    BackendSettings settings =
        new BackendSettings(
            List.of(wm.baseUrl()), "admin@windmill.dev", PASSWORD, WS, false, "ai-evals", null);
    return new WindmillPreviewer(
        settings,
        new Secrets(List.of()),
        clock,
        new ClockSleeper(clock),
        new Random(7),
        notice -> {});
  }
}
