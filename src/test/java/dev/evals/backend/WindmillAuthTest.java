package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.TOKEN;
import static dev.evals.backend.WindmillStubs.scriptRequest;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.config.Secrets;
import dev.evals.modes.PreviewOutcome;
import dev.evals.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WindmillAuthTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @RegisterExtension
  static WireMockExtension other =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final MutableClock clock = new MutableClock();
  private final String ws = WorkspaceName.isolated("ai-evals", "Add two numbers!", new Random(7));

  private WindmillPreviewer previewer(List<String> urls) {
    BackendSettings settings =
        new BackendSettings(urls, "admin@windmill.dev", PASSWORD, null, false, "ai-evals", null);
    return new WindmillPreviewer(
        settings,
        new Secrets(List.of()),
        clock,
        new ClockSleeper(clock),
        new Random(7),
        notice -> {});
  }

  private void loginIssues(String first, String second) {
    wm.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .inScenario("login")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(text(200, first))
            .willSetStateTo("second"));
    wm.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .inScenario("login")
            .whenScenarioStateIs("second")
            .willReturn(text(200, second)));
  }

  @Test
  void logsInAgainOnceWhenTheTokenHasExpired() {
    new WindmillStubs(wm).happyScript(ws);
    loginIssues("tok-expired-1", "tok-fresh-22");
    wm.stubFor(
        post(urlEqualTo("/api/workspaces/create"))
            .withHeader("Authorization", equalTo("Bearer tok-expired-1"))
            .willReturn(text(401, "Unauthorized: token expired")));
    wm.stubFor(
        post(urlEqualTo("/api/workspaces/create"))
            .withHeader("Authorization", equalTo("Bearer tok-fresh-22"))
            .willReturn(text(201, ws)));

    PreviewOutcome outcome = previewer(List.of(wm.baseUrl())).preview(scriptRequest(List.of()));

    assertThat(outcome.succeeded()).isTrue();
    wm.verify(2, postRequestedFor(urlEqualTo("/api/auth/login")));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/w/" + ws + "/jobs/run/preview"))
            .withHeader("Authorization", equalTo("Bearer tok-fresh-22")));
  }

  @Test
  void givesUpAfterOneReLoginWhenTheServerKeepsRefusing() {
    new WindmillStubs(wm).happyScript(ws);
    loginIssues("tok-one-1111", "tok-two-2222");
    wm.stubFor(
        post(urlEqualTo("/api/workspaces/create")).willReturn(text(401, "Unauthorized: no")));

    PreviewOutcome outcome = previewer(List.of(wm.baseUrl())).preview(scriptRequest(List.of()));

    assertThat(outcome.infrastructureFailed()).isTrue();
    wm.verify(2, postRequestedFor(urlEqualTo("/api/auth/login")));
    wm.verify(2, postRequestedFor(urlEqualTo("/api/workspaces/create")));
  }

  @Test
  void neverWritesThePasswordOrTheTokenIntoTheReportOrTheError() {
    new WindmillStubs(wm).happyScript(ws);
    new WindmillStubs(wm)
        .jobCompletes(
            ws,
            false,
            "{\"error\": {\"name\": \"Error\", \"message\": \"bad token " + TOKEN + "\"}}",
            "env: WM_TOKEN=" + TOKEN + " password=" + PASSWORD + "\n");

    PreviewOutcome outcome = previewer(List.of(wm.baseUrl())).preview(scriptRequest(List.of()));

    assertThat(outcome.error()).contains("bad token ***");
    assertThat(outcome.report().toString()).doesNotContain(TOKEN, PASSWORD).contains("***");
  }

  @Test
  void masksThePasswordWhenTheLoginAnswerEchoesIt() {
    wm.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .willReturn(text(401, "Invalid login: admin@windmill.dev / " + PASSWORD)));

    PreviewOutcome outcome = previewer(List.of(wm.baseUrl())).preview(scriptRequest(List.of()));

    assertThat(outcome.infrastructureFailed()).isTrue();
    assertThat(outcome.error()).contains("login to", "HTTP 401").doesNotContain(PASSWORD);
    assertThat(outcome.report().toString()).doesNotContain(PASSWORD);
  }

  @Test
  void spreadsAttemptsRoundRobinOverTheServers() {
    new WindmillStubs(wm).happyScript(ws);
    String second = WorkspaceName.isolated("ai-evals", "Add two numbers!", rngAfterOneDraw());
    new WindmillStubs(other).happyScript(second);
    WindmillPreviewer previewer = previewer(List.of(wm.baseUrl(), other.baseUrl()));

    PreviewOutcome first = previewer.preview(scriptRequest(List.of()));
    PreviewOutcome next = previewer.preview(scriptRequest(List.of()));

    assertThat(first.report().path("baseUrl").asText()).isEqualTo(wm.baseUrl());
    assertThat(next.report().path("baseUrl").asText()).isEqualTo(other.baseUrl());
    assertThat(next.succeeded()).isTrue();
    wm.verify(1, postRequestedFor(urlEqualTo("/api/workspaces/create")));
    other.verify(1, postRequestedFor(urlEqualTo("/api/workspaces/create")));
  }

  private static Random rngAfterOneDraw() {
    Random random = new Random(7);
    random.nextInt();
    return random;
  }
}
