package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.testing.CasesRoot;
import dev.evals.testing.ProviderAnswers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With backend preview on, the Windmill server is checked before the first attempt: bad settings
 * stop the run with exit 2 and a server that is down with exit 3, each in one line, before any
 * model is called or any run folder is written.
 */
class BackendPreflightTest {

  private static final String PASSWORD = "windmill-pw-never-printed";
  private static final String TOKEN = "tok-preflight-77aa";

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @RegisterExtension
  static WireMockExtension windmill =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  @BeforeEach
  void aSuiteAndAModelThatAnswersInText() {
    new CasesRoot(dir.resolve("suite"))
        .caseFile(
            "flow",
            """
            - id: flow-hello
              prompt: Build a flow with one step `hello` that returns "hi".
              validate:
                exactTopLevelStepIds: [hello]
            """);
    provider.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(ProviderAnswers.openAiText("I cannot.", 10, 5))));
  }

  private CliRun run(String windmillUrl) {
    return CliRun.of(
        dir,
        Map.of(
            "OPENAI_COMPATIBLE_BASE_URL", provider.baseUrl() + "/v1",
            "WMILL_AI_EVAL_BACKEND_URL", windmillUrl,
            "WMILL_AI_EVAL_BACKEND_PASSWORD", PASSWORD),
        "run",
        "flow",
        "--model",
        "openai-compatible:llama3",
        "--judge",
        "off",
        "--backend-validation",
        "preview",
        "--cases-dir",
        "suite",
        "--output",
        "out/run.json");
  }

  private void assertStoppedBeforeAnyAttempt(CliRun run) {
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("error: backend preview: ").doesNotContain(PASSWORD, TOKEN);
    assertThat(run.out()).isEmpty();
    provider.verify(0, anyRequestedFor(anyUrl()));
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void badCredentialsStopTheRunWithExitTwo() {
    windmill.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .willReturn(aResponse().withStatus(401).withBody("Unauthorized: Invalid login")));

    CliRun run = run(windmill.baseUrl());

    assertThat(run.exitCode()).isEqualTo(2);
    assertStoppedBeforeAnyAttempt(run);
    assertThat(run.err()).contains("login to " + windmill.baseUrl(), "HTTP 401");
  }

  @Test
  void aLoginWithoutTheRightsForFreshWorkspacesStopsTheRunWithExitTwo() {
    windmill.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(aResponse().withBody(TOKEN)));
    windmill.stubFor(
        get(urlEqualTo("/api/users/whoami")).willReturn(okJson("{\"super_admin\": false}")));

    CliRun run = run(windmill.baseUrl());

    assertThat(run.exitCode()).isEqualTo(2);
    assertStoppedBeforeAnyAttempt(run);
    assertThat(run.err()).contains("is not a super admin");
  }

  @Test
  void aServerThatIsDownStopsTheRunWithExitThree() throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }

    CliRun run = run(closed);

    assertThat(run.exitCode()).isEqualTo(3);
    assertStoppedBeforeAnyAttempt(run);
    assertThat(run.err()).contains("Windmill at " + closed + " cannot be used");
  }

  @Test
  void aServerThatPassesTheChecksLetsTheRunStart() {
    windmill.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(aResponse().withBody(TOKEN)));
    windmill.stubFor(
        get(urlEqualTo("/api/users/whoami")).willReturn(okJson("{\"super_admin\": true}")));

    CliRun run = run(windmill.baseUrl());

    assertThat(run.exitCode()).as(run.err()).isZero();
    provider.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(Files.exists(dir.resolve("out/run.json"))).isTrue();
  }
}
