package dev.evals.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.json.Mappers;
import dev.evals.modes.PreviewJob;
import dev.evals.modes.ScriptPreview;
import java.util.List;

/** Teaches WireMock the Windmill API answers a preview needs, with Windmill's own bytes. */
final class WindmillStubs {

  static final String PASSWORD = "hunter2-windmill-pw";
  static final String TOKEN = "tok4f8a2c9e1b7d";
  static final String JOB = "018f2b8e-1c3d-7a4b-9e5f-2a1b3c4d5e6f";

  private final WireMockExtension wm;

  WindmillStubs(WireMockExtension wm) {
    this.wm = wm;
  }

  static ResponseDefinitionBuilder text(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody(body);
  }

  void login() {
    wm.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(text(200, TOKEN)));
  }

  void workspace(String ws) {
    wm.stubFor(post(urlEqualTo("/api/workspaces/create")).willReturn(text(201, ws)));
    wm.stubFor(
        delete(urlEqualTo("/api/workspaces/delete/" + ws))
            .willReturn(text(200, "deleted workspace " + ws)));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/folders/create"))
            .willReturn(text(200, "Created folder evals")));
  }

  void scriptDeploys(String ws, String hash) {
    wm.stubFor(get(urlPathEqualTo("/api/w/" + ws + "/scripts/list")).willReturn(okJson("[]")));
    wm.stubFor(post(urlEqualTo("/api/w/" + ws + "/scripts/create")).willReturn(text(201, hash)));
    wm.stubFor(
        get(urlEqualTo("/api/w/" + ws + "/scripts/deployment_status/h/" + hash))
            .willReturn(okJson("{\"lock\": \"\", \"lock_error_logs\": null}")));
  }

  void flowCreates(String ws) {
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/flows/create")).willReturn(text(201, "f/evals/x")));
  }

  void previewStarts(String ws) {
    wm.stubFor(post(urlEqualTo("/api/w/" + ws + "/jobs/run/preview")).willReturn(text(201, JOB)));
    wm.stubFor(
        post(urlEqualTo("/api/w/" + ws + "/jobs/run/preview_flow")).willReturn(text(201, JOB)));
  }

  void jobCompletes(String ws, boolean success, String resultJson, String logs) {
    wm.stubFor(
        get(urlPathEqualTo(resultMaybe(ws)))
            .willReturn(
                okJson(
                    "{\"completed\": true, \"result\": %s, \"success\": %s, \"started\": true}"
                        .formatted(resultJson, success))));
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    job.put("id", JOB);
    job.put("success", success);
    job.put("logs", logs);
    job.put("job_kind", "preview");
    wm.stubFor(
        get(urlEqualTo("/api/w/" + ws + "/jobs_u/completed/get/" + JOB))
            .willReturn(okJson(job.toString())));
  }

  static String resultMaybe(String ws) {
    return "/api/w/" + ws + "/jobs_u/completed/get_result_maybe/" + JOB;
  }

  /** A happy script preview in an isolated workspace, seeding f/evals/add. */
  void happyScript(String ws) {
    login();
    workspace(ws);
    scriptDeploys(ws, "1234567890");
    previewStarts(ws);
    jobCompletes(ws, true, "{\"sum\": 5}", "job started\nsum is 5\n");
  }

  static ScriptPreview scriptRequest(List<JsonNode> seedScripts) {
    return new ScriptPreview(
        "bun",
        "export async function main(a: number, b: number) { return { sum: a + b } }",
        new PreviewJob(
            "Add two numbers!",
            json("{\"a\": 2, \"b\": 3}"),
            "case",
            seedScripts,
            List.of(),
            null,
            null));
  }

  static JsonNode addScriptSeed() {
    return json(
        "{\"path\": \"f/evals/add.ts\", \"summary\": \"Add\", \"description\": \"adds\","
            + " \"language\": \"bun\", \"content\": \"export function main(a, b) { return a + b"
            + " }\"}");
  }

  static JsonNode json(String text) {
    try {
      return Mappers.json().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
