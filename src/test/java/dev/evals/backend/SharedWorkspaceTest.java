package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static dev.evals.backend.WindmillStubs.resultMaybe;
import static dev.evals.backend.WindmillStubs.scriptRequest;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.evals.config.Secrets;
import dev.evals.model.Sleeper;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.ScriptPreview;
import dev.evals.testing.MutableClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedWorkspaceTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String WS = "team-sandbox";
  private final MutableClock clock = new MutableClock();
  private final List<String> notices = new CopyOnWriteArrayList<>();

  private WindmillPreviewer previewer(Sleeper sleeper, Consumer<String> onNotice) {
    BackendSettings settings =
        new BackendSettings(
            List.of(wm.baseUrl()), "admin@windmill.dev", PASSWORD, WS, false, "ai-evals", null);
    return new WindmillPreviewer(
        settings,
        new Secrets(List.of()),
        clock,
        sleeper,
        new Random(7),
        notice -> {
          notices.add(notice);
          onNotice.accept(notice);
        });
  }

  private WindmillPreviewer previewer() {
    return previewer(new ClockSleeper(clock), notice -> {});
  }

  @BeforeEach
  void sharedWorkspaceWithAUsersOwnAssets() {
    new WindmillStubs(wm).happyScript(WS);
    wm.stubFor(
        get(urlPathEqualTo("/api/w/" + WS + "/scripts/list"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/old\", \"hash\": \"11\", \"description\": \"adds"
                        + " [seeded by evals]\"}, {\"path\": \"f/evals/handmade\", \"hash\":"
                        + " \"12\", \"description\": \"written by a colleague\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/api/w/" + WS + "/flows/list"))
            .willReturn(
                okJson(
                    "[{\"path\": \"f/evals/oldflow\", \"description\": \"[seeded by evals]\"},"
                        + " {\"path\": \"f/evals/userflow\", \"description\": null}]")));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + WS + "/scripts/get/p/f/evals/add"))
            .willReturn(
                okJson(
                    "{\"path\": \"f/evals/add\", \"description\": \"adds [seeded by evals]\"}")));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + WS + "/flows/get/f/evals/pipe"))
            .willReturn(
                okJson("{\"path\": \"f/evals/pipe\", \"description\": \"[seeded by evals]\"}")));
    wm.stubFor(
        post(urlPathMatching("/api/w/" + WS + "/scripts/delete/p/.*"))
            .willReturn(okJson("\"deleted\"")));
    wm.stubFor(
        delete(urlPathMatching("/api/w/" + WS + "/flows/delete/.*"))
            .willReturn(text(200, "flow deleted")));
  }

  @Test
  void deletesOnlyTheAssetsItSeededAndNeverTheWorkspace() {
    WindmillPreviewer previewer = previewer();

    previewer.preview(scriptRequest(List.of(WindmillStubs.addScriptSeed())));
    PreviewOutcome outcome = previewer.preview(scriptRequest(List.of()));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.report().path("mode").asText()).isEqualTo("shared");
    wm.verify(postRequestedFor(urlEqualTo("/api/w/" + WS + "/scripts/delete/p/f/evals/old")));
    wm.verify(postRequestedFor(urlEqualTo("/api/w/" + WS + "/scripts/delete/p/f/evals/add")));
    wm.verify(deleteRequestedFor(urlEqualTo("/api/w/" + WS + "/flows/delete/f/evals/oldflow")));
    wm.verify(
        0, postRequestedFor(urlEqualTo("/api/w/" + WS + "/scripts/delete/p/f/evals/handmade")));
    wm.verify(0, deleteRequestedFor(urlEqualTo("/api/w/" + WS + "/flows/delete/f/evals/userflow")));
    wm.verify(0, postRequestedFor(urlEqualTo("/api/workspaces/create")));
    wm.verify(0, deleteRequestedFor(urlPathMatching("/api/workspaces/delete/.*")));
    assertThat(notices)
        .singleElement()
        .asString()
        .contains("shared workspace " + WS, "[seeded by evals]", "nothing else is touched");
  }

  @Test
  void keepsCleaningUpWhenOneDeleteFails() {
    wm.stubFor(
        post(urlEqualTo("/api/w/" + WS + "/scripts/delete/p/f/evals/old"))
            .willReturn(text(500, "Internal: could not delete")));
    new WindmillStubs(wm).flowCreates(WS);

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
                        List.of(WindmillStubs.addScriptSeed()),
                        List.of(json("{\"path\": \"f/evals/pipe\", \"value\": {}}")),
                        null,
                        null)));

    assertThat(outcome.succeeded()).isTrue();
    List<String> steps = new ArrayList<>();
    outcome.report().path("cleanup").forEach(step -> steps.add(step.toString()));
    assertThat(steps)
        .anySatisfy(
            step ->
                assertThat(step).contains("delete script f/evals/old", "\"ok\":false", "HTTP 500"))
        .anySatisfy(step -> assertThat(step).contains("delete flow f/evals/oldflow", "true"))
        .anySatisfy(step -> assertThat(step).contains("delete flow f/evals/pipe", "true"))
        .anySatisfy(step -> assertThat(step).contains("delete script f/evals/add", "true"));
  }

  @Test
  void runsOnePreviewAtATimeInASharedWorkspace() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(resultMaybe(WS)))
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"completed\": false, \"result\": null}"))
            .willSetStateTo("done"));
    CountDownLatch firstIsPolling = new CountDownLatch(1);
    CountDownLatch secondIsWaiting = new CountDownLatch(1);
    Sleeper blockOnce =
        duration -> {
          firstIsPolling.countDown();
          secondIsWaiting.await(10, TimeUnit.SECONDS);
        };
    WindmillPreviewer previewer =
        previewer(
            blockOnce,
            notice -> {
              if (notice.startsWith("waiting for shared workspace " + WS)) {
                secondIsWaiting.countDown();
              }
            });
    List<PreviewOutcome> outcomes = new CopyOnWriteArrayList<>();

    Thread first = new Thread(() -> outcomes.add(previewer.preview(scriptRequest(List.of()))));
    first.start();
    assertThat(firstIsPolling.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> outcomes.add(previewer.preview(scriptRequest(List.of()))));
    second.start();
    first.join(10_000);
    second.join(10_000);

    assertThat(outcomes).hasSize(2).allMatch(PreviewOutcome::succeeded);
    assertThat(notices).contains("waiting for shared workspace " + WS);
    List<String> calls = callsInOrder();
    int firstDone =
        calls.indexOf("GET /api/w/" + WS + "/jobs_u/completed/get/" + WindmillStubs.JOB);
    int secondStart = calls.lastIndexOf("POST /api/w/" + WS + "/jobs/run/preview");
    assertThat(calls.indexOf("POST /api/w/" + WS + "/jobs/run/preview")).isLessThan(firstDone);
    assertThat(secondStart).isGreaterThan(firstDone);
  }

  private static List<String> callsInOrder() {
    List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
    Collections.reverse(events);
    return events.stream()
        .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .toList();
  }
}
