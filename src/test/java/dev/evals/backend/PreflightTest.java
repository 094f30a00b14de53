package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.TOKEN;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.backend.PreflightProblem.Cause;
import dev.evals.config.Secrets;
import dev.evals.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PreflightTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String WS = "team-sandbox";
  private final MutableClock clock = new MutableClock();

  private Optional<PreflightProblem> preflight(String sharedWorkspace, String... urls) {
    List<String> baseUrls = urls.length == 0 ? List.of(wm.baseUrl()) : List.of(urls);
    BackendSettings settings =
        new BackendSettings(
            baseUrls, "admin@windmill.dev", PASSWORD, sharedWorkspace, false, "ai-evals", null);
    return new WindmillPreviewer(
            settings,
            new Secrets(List.of()),
            clock,
            new ClockSleeper(clock),
            new Random(7),
            notice -> {})
        .preflight();
  }

  private static void loginWorks() {
    wm.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(text(200, TOKEN)));
  }

  private static void memberOfTheSharedWorkspace(String user) {
    loginWorks();
    wm.stubFor(get(urlEqualTo("/api/w/" + WS + "/users/whoami")).willReturn(okJson(user)));
    wm.stubFor(get(urlPathEqualTo("/api/w/" + WS + "/scripts/list")).willReturn(okJson("[]")));
  }

  @Test
  void passesForASuperAdminWhenEachPreviewGetsAFreshWorkspace() {
    loginWorks();
    wm.stubFor(
        get(urlEqualTo("/api/users/whoami"))
            .willReturn(okJson("{\"email\": \"admin@windmill.dev\", \"super_admin\": true}")));

    assertThat(preflight(null)).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
        .containsExactly("POST /api/auth/login", "GET /api/users/whoami");
  }

  @Test
  void passesForAnAdminOfTheSharedWorkspaceAfterListingItsScripts() {
    memberOfTheSharedWorkspace("{\"is_admin\": true, \"operator\": false}");

    assertThat(preflight(WS)).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
        .containsExactly(
            "POST /api/auth/login",
            "GET /api/w/" + WS + "/users/whoami",
            "GET /api/w/" + WS + "/scripts/list?per_page=1");
  }

  @Test
  void badCredentialsAreTheSettingsFaultAndNeverShowThePassword() {
    wm.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .willReturn(text(401, "Unauthorized: Invalid login for password " + PASSWORD)));

    PreflightProblem problem = preflight(WS).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message())
        .startsWith("backend preview: login to " + wm.baseUrl() + " as admin@windmill.dev failed")
        .contains("HTTP 401", "WMILL_AI_EVAL_BACKEND_PASSWORD", "***")
        .doesNotContain(PASSWORD)
        .doesNotContain("\n");
  }

  @Test
  void aLoginThatIsNotASuperAdminCannotUseFreshWorkspaces() {
    loginWorks();
    wm.stubFor(
        get(urlEqualTo("/api/users/whoami"))
            .willReturn(okJson("{\"email\": \"admin@windmill.dev\", \"super_admin\": false}")));

    PreflightProblem problem = preflight(null).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message())
        .contains("admin@windmill.dev is not a super admin on " + wm.baseUrl())
        .contains("WMILL_AI_EVAL_BACKEND_WORKSPACE=<id>");
  }

  @Test
  void aWorkspaceTheLoginCannotEnterIsTheSettingsFaultWithoutTheToken() {
    loginWorks();
    wm.stubFor(
        get(urlEqualTo("/api/w/" + WS + "/users/whoami"))
            .willReturn(
                text(401, "Unauthorized: not authorized to access workspace (" + TOKEN + ")")));

    PreflightProblem problem = preflight(WS).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message())
        .contains("cannot use workspace " + WS + " on " + wm.baseUrl(), "HTTP 401")
        .contains("WMILL_AI_EVAL_BACKEND_WORKSPACE")
        .doesNotContain(TOKEN);
  }

  @Test
  void anOperatorCannotSeedTheSharedWorkspace() {
    memberOfTheSharedWorkspace("{\"is_admin\": false, \"operator\": true}");

    PreflightProblem problem = preflight(WS).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message()).contains("in workspace " + WS, "is an operator");
  }

  @Test
  void aMemberWhoIsNotAnAdminCouldNotRemoveWhatItSeeded() {
    memberOfTheSharedWorkspace("{\"is_admin\": false, \"operator\": false}");

    PreflightProblem problem = preflight(WS).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message()).contains("is not an admin");
  }

  @Test
  void aWorkspaceWhoseScriptsCannotBeListedIsRefused() {
    memberOfTheSharedWorkspace("{\"is_admin\": true, \"operator\": false}");
    wm.stubFor(
        get(urlPathEqualTo("/api/w/" + WS + "/scripts/list"))
            .willReturn(text(403, "Permission denied: scripts:read")));

    PreflightProblem problem = preflight(WS).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SETTINGS);
    assertThat(problem.message()).contains("HTTP 403", "Permission denied");
  }

  @Test
  void aServerErrorMeansTheServerIsDown() {
    wm.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .willReturn(text(503, "Service Unavailable: database unreachable")));

    PreflightProblem problem = preflight(null).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SERVER_DOWN);
    assertThat(problem.message())
        .contains("Windmill at " + wm.baseUrl() + " cannot be used", "HTTP 503")
        .contains("WMILL_AI_EVAL_BACKEND_URL");
  }

  @Test
  void anUnreachableSecondServerIsNamed() throws IOException {
    loginWorks();
    wm.stubFor(get(urlEqualTo("/api/users/whoami")).willReturn(okJson("{\"super_admin\": true}")));
    String closed = closedPortUrl();

    PreflightProblem problem = preflight(null, wm.baseUrl(), closed).orElseThrow();

    assertThat(problem.cause()).isEqualTo(Cause.SERVER_DOWN);
    assertThat(problem.message())
        .contains("Windmill at " + closed + " cannot be used", "cannot reach")
        .doesNotContain("\n");
  }

  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
