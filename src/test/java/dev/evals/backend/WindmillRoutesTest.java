package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.evals.backend.WindmillStubs.JOB;
import static dev.evals.backend.WindmillStubs.PASSWORD;
import static dev.evals.backend.WindmillStubs.TOKEN;
import static dev.evals.backend.WindmillStubs.json;
import static dev.evals.backend.WindmillStubs.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.evals.config.Secrets;
import dev.evals.modes.FlowPreview;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.PreviewOutcome;
import dev.evals.modes.PreviewRequest;
import dev.evals.modes.ScriptPreview;
import dev.evals.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request the client sends, checked against the routes of Windmill's OpenAPI spec written
 * down in {@code windmill/openapi-routes.txt}: its method and path match a route, it carries a body
 * exactly when the route declares one, and it sends only query parameters the route declares.
 */
class WindmillRoutesTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String W = "/api/w/[^/]+";
  private static final String MARKED =
      "{\"path\": \"f/evals/old\", \"description\": \"[seeded by evals]\","
          + " \"summary\": \"[seeded by evals]\"}";
  private static final String SLOW_JOB = "018f2b8e-0000-7a4b-9e5f-2a1b3c4d5e6f";

  /** One route of the spec, as written down in the resource. */
  record SpecRoute(String method, String template, boolean body, Set<String> query) {

    static SpecRoute parse(String line) {
      String[] columns = line.trim().split("\\s+");
      Set<String> query =
          columns[3].equals("-") ? Set.of() : Set.copyOf(Arrays.asList(columns[3].split(",")));
      return new SpecRoute(columns[0], columns[1], columns[2].equals("json"), query);
    }

    boolean matches(String method, String path) {
      return this.method.equals(method) && pattern().matcher(path).matches();
    }

    private Pattern pattern() {
      String regex =
          Arrays.stream(template.split("(?=\\{)|(?<=\\})"))
              .map(
                  part ->
                      part.equals("{path}")
                          ? ".+"
                          : part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
              .reduce("", String::concat);
      return Pattern.compile("/api" + regex);
    }
  }

  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void windmillThatAnswersEveryRouteTheClientUses() {
    wm.stubFor(post(urlPathMatching("/api/auth/login")).willReturn(text(200, TOKEN)));
    wm.stubFor(post(urlPathMatching("/api/workspaces/create")).willReturn(text(201, "ws")));
    wm.stubFor(delete(urlPathMatching("/api/workspaces/delete/.+")).willReturn(text(200, "ok")));
    wm.stubFor(post(urlPathMatching(W + "/folders/create")).willReturn(text(200, "ok")));
    wm.stubFor(post(urlPathMatching(W + "/scripts/create")).willReturn(text(201, "1234567890")));
    wm.stubFor(
        post(urlPathMatching(W + "/scripts/create"))
            .withRequestBody(matchingJsonPath("$.path", equalTo("f/evals/taken")))
            .withRequestBody(matchingJsonPath("$.parent_hash", absent()))
            .willReturn(
                text(
                    400, "Bad request: Path conflict for f/evals/taken with non-archived hash 9")));
    wm.stubFor(
        get(urlPathMatching(W + "/scripts/deployment_status/h/.+"))
            .willReturn(okJson("{\"lock\": \"\", \"lock_error_logs\": null}")));
    wm.stubFor(post(urlPathMatching(W + "/flows/create")).willReturn(text(201, "f/evals/x")));
    wm.stubFor(
        post(urlPathMatching(W + "/flows/create"))
            .withRequestBody(matchingJsonPath("$.path", equalTo("f/evals/taken")))
            .willReturn(text(400, "Bad request: Flow f/evals/taken already exists")));
    wm.stubFor(post(urlPathMatching(W + "/flows/update/.+")).willReturn(text(200, "ok")));
    wm.stubFor(get(urlPathMatching(W + "/[a-z_]+/get/(p/)?.+")).willReturn(okJson(MARKED)));
    wm.stubFor(get(urlPathMatching(W + "/[a-z_]+/list")).willReturn(okJson("[" + MARKED + "]")));
    wm.stubFor(post(urlPathMatching(W + "/scripts/delete/p/.+")).willReturn(okJson("\"ok\"")));
    wm.stubFor(delete(urlPathMatching(W + "/[a-z_]+/delete/.+")).willReturn(text(200, "ok")));
    wm.stubFor(
        post(urlPathMatching(W + "/(schedules|http_triggers)/create")).willReturn(text(201, "p")));
    wm.stubFor(post(urlPathMatching(W + "/jobs/run/preview")).willReturn(text(201, JOB)));
    wm.stubFor(post(urlPathMatching(W + "/jobs/run/preview_flow")).willReturn(text(201, SLOW_JOB)));
    wm.stubFor(
        get(urlPathMatching(W + "/jobs_u/completed/get_result_maybe/" + JOB))
            .willReturn(okJson("{\"completed\": true, \"success\": true, \"result\": 1}")));
    wm.stubFor(
        get(urlPathMatching(W + "/jobs_u/completed/get_result_maybe/" + SLOW_JOB))
            .willReturn(okJson("{\"completed\": false}")));
    wm.stubFor(
        get(urlPathMatching(W + "/jobs_u/completed/get/.+"))
            .willReturn(okJson("{\"id\": \"" + JOB + "\", \"logs\": \"done\"}")));
    wm.stubFor(post(urlPathMatching(W + "/jobs_u/queue/cancel/.+")).willReturn(text(200, "ok")));
    wm.stubFor(
        get(urlPathMatching("/api/users/whoami")).willReturn(okJson("{\"super_admin\": true}")));
    wm.stubFor(
        get(urlPathMatching(W + "/users/whoami"))
            .willReturn(okJson("{\"is_admin\": true, \"operator\": false}")));
  }

  @Test
  void everyRequestMatchesARouteOfWindmillsSpecAndOnlyRoutesWithABodyCarryOne() throws Exception {
    List<SpecRoute> spec = specRoutes();

    assertThat(previewer(null).preflight()).isEmpty();
    assertThat(previewer("team-sandbox").preflight()).isEmpty();
    PreviewOutcome isolated = previewer(null).preview(scriptSeedingTakenPaths());
    PreviewOutcome shared = previewer("team-sandbox").preview(slowDeployingFlow());

    assertThat(isolated.succeeded()).as(isolated.error()).isTrue();
    assertThat(shared.report().path("timedOut").asBoolean()).as(shared.error()).isTrue();
    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    Set<SpecRoute> exercised = new LinkedHashSet<>();
    for (LoggedRequest request : wm.findAll(anyRequestedFor(anyUrl()))) {
      URI uri = URI.create(request.getUrl());
      String method = request.getMethod().getName();
      List<SpecRoute> matching =
          spec.stream().filter(route -> route.matches(method, uri.getPath())).toList();
      assertThat(matching).as(method + " " + uri.getPath()).hasSize(1);
      SpecRoute route = matching.get(0);
      exercised.add(route);
      assertThat(queryNames(uri)).as(method + " " + uri).isSubsetOf(route.query());
      if (route.body()) {
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(json(request.getBodyAsString()).isContainerNode()).isTrue();
      } else {
        assertThat(request.getBody()).as(method + " " + uri.getPath()).isEmpty();
        assertThat(request.containsHeader("Content-Type")).as(method + " " + uri).isFalse();
      }
    }
    assertThat(exercised).containsExactlyInAnyOrderElementsOf(spec);
  }

  private static Set<String> queryNames(URI uri) {
    Set<String> names = new LinkedHashSet<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        names.add(pair.split("=", 2)[0]);
      }
    }
    return names;
  }

  private static List<SpecRoute> specRoutes() throws IOException {
    try (InputStream in =
        WindmillRoutesTest.class.getResourceAsStream("/windmill/openapi-routes.txt")) {
      List<SpecRoute> routes = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          routes.add(SpecRoute.parse(line));
        }
      }
      return routes;
    }
  }

  /** Seeds a script and a flow whose paths hold earlier seeds, so both are updated in place. */
  private static PreviewRequest scriptSeedingTakenPaths() {
    return new ScriptPreview(
        "bun",
        "export function main() { return 1 }",
        new PreviewJob(
            "routes",
            null,
            "case",
            List.of(json("{\"path\": \"f/evals/taken.ts\", \"language\": \"bun\"}")),
            List.of(json("{\"path\": \"f/evals/taken\", \"value\": {\"modules\": []}}")),
            null,
            null));
  }

  /** Deploys a flow with a schedule and a trigger, whose job outlives its timeout. */
  private static PreviewRequest slowDeployingFlow() {
    return new FlowPreview(
            json("{\"modules\": []}"),
            new PreviewJob("routes", null, "case", List.of(), List.of(), 5, null))
        .withDeployments(
            "f/evals/routes",
            List.of(json("{\"path\": \"f/evals/every_hour\", \"schedule\": \"0 0 * * * *\"}")),
            List.of(json("{\"path\": \"f/evals/hook\", \"route_path\": \"r\"}")));
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
}
