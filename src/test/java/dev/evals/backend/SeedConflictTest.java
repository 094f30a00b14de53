package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.json;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.config.Secrets;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.ScriptPreview;
import dev.evals.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedConflictTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final WindmillStubs stubs = new WindmillStubs(wm);
  private final MutableClock clock = new MutableClock();
  private final String ws = WorkspaceName.isolated("ai-evals", "conflict", new Random(7));

  private PreviewOutcome preview(List<String> scripts, List<String> flows) {
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
    return previewer.preview(
        new ScriptPreview(
            "python3",
            "def main():\n    return 1\n",
            new PreviewJob(
                "conflict",
                null,
                "case",
                scripts.stream().map(WindmillStubs::json).toList(),
                flows.stream().map(WindmillStubs::json).toList(),
                null,
                null)));
  }

  @Test
  void updatesASeededScriptInPlaceWhenItsPathIsTaken() {
    stubs.happyScript(ws);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/scripts/create"))
            .inScenario("conflict")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                text(400, "Bad request: Path conflict for f/evals/add with non-archived hash 42"))
            .willSetStateTo("taken"));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/scripts/create"))
            .inScenario("conflict")
            .whenScenarioStateIs("taken")
            .willReturn(text(201, "1234567890")));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + ws + "/scripts/get/p/f/evals/add"))
            .willReturn(
                okJson(
                    "{\"hash\": \"42\", \"path\": \"f/evals/add\","
                        + " \"description\": \"adds [seeded by evals]\"}")));

    PreviewOutcome outcome =
        preview(List.of("{\"path\": \"f/evals/add.py\", \"language\": \"python3\"}"), List.of());

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/scripts/create"))
            .withRequestBody(matchingJsonPath("$.parent_hash", equalTo("42"))));
    assertThat(outcome.report().path("seeded").get(0).path("action").asText()).isEqualTo("updated");
  }

  @Test
  void updatesASeededFlowInPlaceWhenItsPathIsTaken() {
    stubs.happyScript(ws);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/flows/create"))
            .willReturn(text(400, "Bad request: Flow f/evals/pipe already exists")));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + ws + "/flows/get/f/evals/pipe"))
            .willReturn(
                okJson("{\"path\": \"f/evals/pipe\", \"description\": \"[seeded by evals]\"}")));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/flows/update/f/evals/pipe"))
            .willReturn(text(200, "f/evals/pipe")));

    PreviewOutcome outcome =
        preview(
            List.of(),
            List.of("{\"path\": \"f/evals/pipe\", \"value\": {\"modules\": [{\"id\": \"a\"}]}}"));

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/flows/update/f/evals/pipe"))
            .withRequestBody(matchingJsonPath("$.path", equalTo("f/evals/pipe")))
            .withRequestBody(matchingJsonPath("$.value.modules[0].id", equalTo("a"))));
    assertThat(outcome.report().path("seeded"))
        .isEqualTo(
            json("[{\"kind\": \"flow\", \"path\": \"f/evals/pipe\", \"action\": \"updated\"}]"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bad request: Flow f/evals/pipe_v2 already exists",
        "Bad request: Folder evals already exists",
        "Bad request: a flow with this trigger already exists",
      })
  void doesNotMistakeOtherAlreadyExistsErrorsForAConflict(String error) {
    stubs.happyScript(ws);
    wm.stubFor(post(urlEqualTo("/api/w/" + ws + "/flows/create")).willReturn(text(400, error)));

    PreviewOutcome outcome =
        preview(List.of(), List.of("{\"path\": \"f/evals/pipe\", \"value\": {}}"));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains(error);
    wm.verify(0, postRequestedFor(urlEqualTo("/api/w/" + ws + "/flows/update/f/evals/pipe")));
  }

  @Test
  void acceptsAFolderThatAlreadyExists() {
    stubs.happyScript(ws);
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/folders/create"))
            .willReturn(text(400, "Bad request: Folder evals already exists")));

    PreviewOutcome outcome =
        preview(List.of("{\"path\": \"f/evals/add\", \"language\": \"bun\"}"), List.of());

    assertThat(outcome.succeeded()).isTrue();
  }

  @Test
  void failsWhenASeededScriptCannotBeDeployed() {
    stubs.happyScript(ws);
    wm.stubFor(
        get(urlEqualTo("/api/w/" + ws + "/scripts/deployment_status/h/1234567890"))
            .willReturn(okJson("{\"lock\": null, \"lock_error_logs\": \"pip: no such package\"}")));

    PreviewOutcome outcome =
        preview(List.of("{\"path\": \"f/evals/add\", \"language\": \"python3\"}"), List.of());

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("f/evals/add failed to deploy", "no such package");
  }
}
